import { EventTypes, municipalityPartyId, ScreeningRequested, Topics, type HeaderMatchToken } from '@signaalhub/contracts';
import type { EnvelopeSealer } from '@signaalhub/envelope';
import type { OutboxWriter } from '@signaalhub/outbox';
import type { ClientBase } from 'pg';

/**
 * What the registry asks the Bibob pool (DESIGN.md §6): `screening.requested`, sealed as the municipality
 * to the pool party and the municipality itself, queued in the caller's transaction. The header carries
 * the municipality, the permit kind and the applicant's KvK match token; the people only the body.
 */
export class ApplicationMessages {
  constructor(
    private readonly sealer: EnvelopeSealer,
    private readonly outbox: OutboxWriter,
    private readonly poolParty: string,
  ) {}

  /** Returns the message id, which the application keeps. */
  async screeningRequested(client: ClientBase, payload: ScreeningRequested, matchTokens: readonly HeaderMatchToken[]): Promise<string> {
    const valid = ScreeningRequested.parse(payload);
    const party = municipalityPartyId(valid.municipality);
    const envelope = await this.sealer.seal(valid, {
      type: EventTypes.screeningRequested,
      from: party,
      to: [this.poolParty, party],
      municipality: valid.municipality,
      permitKind: valid.kind,
      matchTokens: [...matchTokens],
    });
    // Keyed by municipality: the screening topic keeps each municipality's events in order.
    await this.outbox.add(client, { messageId: envelope.header.messageId, topic: Topics.screening, key: valid.municipality, value: Buffer.from(JSON.stringify(envelope)) });
    return envelope.header.messageId;
  }
}
