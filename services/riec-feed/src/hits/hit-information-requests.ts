import { randomUUID } from 'node:crypto';
import { ObjectNotFound, type AccessAttempt, type AuditedAccess } from '@signaalhub/access';
import {
  EventTypes,
  HitInformationRequestForm,
  InformationAnswered,
  InformationRequested,
  informationRequestRecipients,
  Topics,
  validateRequest,
  type HitInformationRequest,
} from '@signaalhub/contracts';
import { withTransaction } from '@signaalhub/database';
import type { EnvelopeOpener, EnvelopeSealer, SealedRecords } from '@signaalhub/envelope';
import type { UserIdentity } from '@signaalhub/identity';
import type { OutboxWriter } from '@signaalhub/outbox';
import type { Pool } from 'pg';
import type { FeedAccessPolicy } from '../access/feed-access-policy.js';
import { InvalidFeedInput } from '../http/feed-errors.js';
import type { HitRequestStore, StoredHitRequest } from './hit-request-store.js';
import type { HitStore } from './hit-store.js';
import type { RiecEnvelopes } from './riec-envelopes.js';

/** The audit log's name for one of the liaison's requests. */
export const HIT_INFORMATION_REQUEST_OBJECT = 'information-request';

export interface HitInformationRequestsParts {
  readonly pool: Pool;
  readonly store: HitStore;
  readonly requests: HitRequestStore;
  /** Where the answers are kept, sealed as they arrived. */
  readonly envelopes: RiecEnvelopes;
  /** Opens stored envelopes as the RIEC's party: every cryptographic check again, no replay rule. */
  readonly opener: EnvelopeOpener;
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
 * record of it, in one transaction; audited. The hit's requests are listed with where they stand: gevraagd,
 * beantwoord (the signal then opens like one sent to the RIEC) or geweigerd with the owner's reason.
 */
export class HitInformationRequests {
  constructor(private readonly parts: HitInformationRequestsParts) {}

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
      await this.parts.requests.insert(client, { id, hitId, signalId, municipality: signal.municipality, messageId: envelope.header.messageId, purposeSealed, requestedBy, requestedAt });
      // Keyed by municipality: the information topic keeps each municipality's messages in order.
      await this.parts.outbox.add(client, { messageId: envelope.header.messageId, topic: Topics.information, key: signal.municipality, value: Buffer.from(JSON.stringify(envelope)) });
    });
    await this.parts.access.allowed({ ...attempt, object: { type: HIT_INFORMATION_REQUEST_OBJECT, id } });
    return { id, hitId, signalId, municipality: signal.municipality, requestedBy, requestedAt, status: 'open', answeredBy: null, answeredAt: null, refusalReason: null };
  }

  /** The hit's requests, oldest first, with a refusal's reason opened for the liaison (audited: a reason may name people). */
  async list(caller: UserIdentity, hitId: string, origin: string): Promise<HitInformationRequest[]> {
    const attempt: AccessAttempt = { caller, action: 'information.list', object: { type: 'hit', id: hitId }, origin };
    await this.parts.access.check({ ...attempt, policy: this.parts.policy.liaison(caller) });
    if ((await this.parts.store.tokenOf(hitId)) === undefined) throw new ObjectNotFound('hit');
    const views = await Promise.all((await this.parts.requests.ofHit(hitId)).map((stored) => this.view(stored)));
    await this.parts.access.allowed(attempt);
    return views;
  }

  private async view(stored: StoredHitRequest): Promise<HitInformationRequest> {
    const { id, hitId, signalId, municipality, requestedBy, requestedAt, status, answeredBy, answeredAt } = stored;
    return { id, hitId, signalId, municipality, requestedBy, requestedAt, status, answeredBy, answeredAt, refusalReason: status === 'geweigerd' ? await this.refusalReason(stored) : null };
  }

  /** The reason lives only inside the answer's envelope: opened as the RIEC each time it is shown. */
  private async refusalReason(stored: StoredHitRequest): Promise<string> {
    const envelope = stored.answerMessageId === null ? undefined : await this.parts.envelopes.find(stored.answerMessageId);
    if (envelope === undefined) throw new Error(`the answer to request ${stored.id} is not kept`);
    const answer = (await this.parts.opener.open(envelope, { as: this.parts.riecParty, payload: InformationAnswered })).payload;
    if (answer.outcome !== 'refused') throw new Error(`the answer to request ${stored.id} is no refusal`);
    return answer.reason;
  }
}
