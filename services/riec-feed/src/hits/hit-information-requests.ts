import { randomUUID } from 'node:crypto';
import type { AuditedAccess } from '@signaalhub/access';
import {
  EventTypes,
  HitInformationRequestForm,
  InformationRequested,
  informationRequestRecipients,
  Topics,
  validateRequest,
  type HitInformationRequest,
} from '@signaalhub/contracts';
import { quotedSchema, withTransaction } from '@signaalhub/database';
import type { EnvelopeSealer, SealedRecords } from '@signaalhub/envelope';
import type { UserIdentity } from '@signaalhub/identity';
import type { OutboxWriter } from '@signaalhub/outbox';
import type { Pool } from 'pg';
import type { FeedAccessPolicy } from '../access/feed-access-policy.js';
import { InvalidFeedInput } from '../http/feed-errors.js';
import type { HitStore } from './hit-store.js';

export interface HitInformationRequestsParts {
  readonly pool: Pool;
  readonly schema: string;
  readonly store: HitStore;
  readonly sealer: EnvelopeSealer;
  readonly outbox: OutboxWriter;
  /** Seals the purpose for the RIEC's own store. */
  readonly records: SealedRecords;
  readonly riecParty: string;
  readonly policy: FeedAccessPolicy;
  readonly access: AuditedAccess;
  readonly clock: () => Date;
}

const ruleBroken = (field: string, rule: string, message: string): InvalidFeedInput => new InvalidFeedInput([{ field, rule, message }], 'rule');

/**
 * The liaison's "verzoek om informatie" about a signal of a hit that the RIEC was not sent: sealed by the
 * RIEC to the owning municipality alone (`information.requested`, the path the pool uses; the meeting
 * answers it), naming the signal and the hit's token, never an identifier. Queued in the outbox with the
 * record of it, in one transaction; audited.
 */
export class HitInformationRequests {
  private readonly table: string;

  constructor(private readonly parts: HitInformationRequestsParts) {
    this.table = `${quotedSchema(parts.schema)}.information_requests`;
  }

  async request(caller: UserIdentity, hitId: string, body: unknown, origin: string): Promise<HitInformationRequest> {
    const attempt = { caller, action: 'information.request', object: { type: 'hit', id: hitId }, origin };
    await this.parts.access.check({ ...attempt, policy: this.parts.policy.liaison(caller) });
    const parsed = validateRequest(HitInformationRequestForm, body);
    if (!parsed.success) throw new InvalidFeedInput(parsed.problems);
    const { signalId, purpose } = parsed.data;
    const [token, signal] = [await this.parts.store.tokenOf(hitId), (await this.parts.store.signalsOf(hitId))?.find((each) => each.signalId === signalId)];
    if (token === undefined || signal === undefined) throw ruleBroken('signalId', 'must be a signal of this hit', 'Deze melding hoort niet bij deze treffer');
    if (signal.sentToRiec) throw ruleBroken('signalId', 'the RIEC was sent this signal: open it instead', 'Het RIEC ontving deze melding al; open haar');

    const id = randomUUID();
    const requestedBy = { party: caller.party, userId: caller.userId };
    const requestedAt = this.parts.clock().toISOString();
    const payload = InformationRequested.parse({ requestId: id, municipality: signal.municipality, object: { kind: 'signal', signalId, matchTokens: [token] }, requestedBy, purpose, requestedAt });
    const envelope = await this.parts.sealer.seal(payload, {
      type: EventTypes.informationRequested,
      from: this.parts.riecParty,
      to: informationRequestRecipients(signal.municipality),
      municipality: signal.municipality,
      objectKind: 'signal',
    });
    const purposeSealed = await this.parts.records.seal(purpose);
    await withTransaction(this.parts.pool, async (client) => {
      await client.query(
        `INSERT INTO ${this.table} (id, hit_id, signal_id, municipality, message_id, purpose_sealed, requested_by_party, requested_by_user, requested_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
        [id, hitId, signalId, signal.municipality, envelope.header.messageId, purposeSealed, requestedBy.party, requestedBy.userId, requestedAt],
      );
      // Keyed by municipality: the information topic keeps each municipality's messages in order.
      await this.parts.outbox.add(client, { messageId: envelope.header.messageId, topic: Topics.information, key: signal.municipality, value: Buffer.from(JSON.stringify(envelope)) });
    });
    await this.parts.access.allowed({ ...attempt, object: { type: 'information-request', id } });
    return { id, hitId, signalId, municipality: signal.municipality, requestedBy, requestedAt };
  }
}
