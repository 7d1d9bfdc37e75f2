import { EventTypes, municipalityPartyId, PermitEvent, Topics, type HeaderMatchToken, type PermitStatus } from '@signaalhub/contracts';
import type { EnvelopeSealer } from '@signaalhub/envelope';
import type { OutboxWriter } from '@signaalhub/outbox';
import type { ClientBase } from 'pg';
import type { PermitEventType } from './permit-lifecycle.js';

/** The header's status of each event (EVENT_CATALOG): what the pool and the RIEC route on. */
const HEADER_STATUS: Readonly<Record<PermitEvent['status'], PermitStatus | undefined>> = {
  aangevraagd: undefined,
  verleend: 'granted',
  geweigerd: 'refused',
  geschorst: 'suspended',
  ingetrokken: 'revoked',
  vervallen: 'expired',
};

/**
 * The permit events (DESIGN.md §6), sealed as the municipality to itself, the Bibob pool and the RIEC and
 * queued in the caller's transaction: status and dates only (PermitEvent), no people, no grounds, no
 * conditions. The header carries the municipality, the status and the establishment's match tokens.
 */
export class PermitMessages {
  constructor(
    private readonly sealer: EnvelopeSealer,
    private readonly outbox: OutboxWriter,
    private readonly poolParty: string,
    private readonly riecParty: string,
  ) {}

  /** Returns the message id, which the permit's history keeps. */
  async send(client: ClientBase, type: PermitEventType, payload: PermitEvent, matchTokens: readonly HeaderMatchToken[]): Promise<string> {
    const valid = PermitEvent.parse(payload);
    const status = HEADER_STATUS[valid.status];
    if (status === undefined) throw new Error(`no permit event for status ${valid.status}`);
    const party = municipalityPartyId(valid.municipality);
    const common = { from: party, to: [party, this.poolParty, this.riecParty], municipality: valid.municipality, matchTokens: [...matchTokens] };
    const envelope =
      type === EventTypes.permitDecided
        ? await this.sealer.seal(valid, { ...common, type, status: status === 'refused' ? 'refused' : 'granted' })
        : type === EventTypes.permitSuspended
          ? await this.sealer.seal(valid, { ...common, type, status: 'suspended' })
          : type === EventTypes.permitReinstated
            ? await this.sealer.seal(valid, { ...common, type, status: 'granted' })
            : type === EventTypes.permitRevoked
              ? await this.sealer.seal(valid, { ...common, type, status: 'revoked' })
              : await this.sealer.seal(valid, { ...common, type, status: 'expired' });
    // Keyed by municipality: the permit topic keeps each municipality's events in order.
    await this.outbox.add(client, { messageId: envelope.header.messageId, topic: Topics.permit, key: valid.municipality, value: Buffer.from(JSON.stringify(envelope)) });
    return envelope.header.messageId;
  }
}
