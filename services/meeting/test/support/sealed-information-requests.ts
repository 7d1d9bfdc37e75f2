import { randomUUID } from 'node:crypto';
import type { BusConsumer, BusMessage, EventBus } from '@signaalhub/bus';
import {
  Envelope,
  EventTypes,
  InformationRequested,
  informationRequestRecipients,
  Topics,
  type EnvelopeOf,
  type HeaderMatchToken,
  type PartyId,
} from '@signaalhub/contracts';
import { EnvelopeSealer } from '@signaalhub/envelope';
import { uniqueName } from '@signaalhub/test-infra';
import { testKeys } from './sealed-signals.js';

/** The Bibob pool's party, as `hub keys init` makes it by default. */
export const POOL_PARTY = 'bibob-pool-bes';

export interface RequestOptions {
  readonly municipality: string;
  readonly signalId: string;
  readonly matchTokens?: readonly HeaderMatchToken[];
  /** Planted text that must never leave the envelope body. */
  readonly purpose?: string;
  readonly from?: PartyId;
  /** Defaults to exactly the owning municipality's party. */
  readonly to?: readonly PartyId[];
}

export type InformationRequestEnvelope = EnvelopeOf<typeof EventTypes.informationRequested>;

/** A request sealed the way the pool seals one: by its party, to the owning municipality only. */
export async function sealInformationRequest(options: RequestOptions): Promise<{ envelope: InformationRequestEnvelope; request: InformationRequested }> {
  const { keyring } = await testKeys();
  const from = options.from ?? POOL_PARTY;
  const request = InformationRequested.parse({
    requestId: randomUUID(),
    municipality: options.municipality,
    object: { kind: 'signal', signalId: options.signalId, matchTokens: options.matchTokens ?? [] },
    requestedBy: { party: from, userId: 'coordinator-1' },
    purpose: options.purpose ?? 'Bibob-onderzoek exploitatievergunning, art. 7 Wet Bibob.',
    requestedAt: new Date().toISOString(),
  });
  const envelope = await new EnvelopeSealer(keyring).seal(request, {
    from,
    to: options.to ?? informationRequestRecipients(options.municipality),
    type: EventTypes.informationRequested,
    municipality: options.municipality,
    objectKind: 'signal',
  });
  return { envelope, request };
}

/** The envelope as the bus hands it to a handler. */
export function informationMessageOf(envelope: InformationRequestEnvelope, offset = 0): BusMessage {
  return {
    topic: Topics.information,
    partition: 0,
    offset: String(offset),
    key: envelope.header.municipality,
    value: Buffer.from(JSON.stringify(envelope)),
    headers: {},
  };
}

/** Started: every envelope on the shared information topic goes into `into` by message id (others' messages too). */
export async function informationTopicReader(bus: EventBus, into: Map<string, Envelope>): Promise<BusConsumer> {
  const record = (message: BusMessage): Promise<void> => {
    const envelope = Envelope.parse(JSON.parse(message.value.toString('utf8')));
    into.set(envelope.header.messageId, envelope);
    return Promise.resolve();
  };
  const reader = bus.createConsumer({ groupId: uniqueName('information-reader'), topics: [Topics.information], handlers: { [Topics.information]: record } });
  await reader.start();
  return reader;
}
