import { ObjectNotFound, type AuditedAccess } from '@signaalhub/access';
import {
  DecisionRecorded,
  EventTypes,
  HandoverAccepted,
  HandoverAcceptanceForm,
  handoverAnswerRecipients,
  HandoverReturned,
  HandoverReturnForm,
  Signal,
  Topics,
  validateRequest,
  type HandoverDetail,
  type HandoverOutcome,
  type HandoverSummary,
  type ValidationProblem,
} from '@signaalhub/contracts';
import { withTransaction } from '@signaalhub/database';
import type { EnvelopeOpener, EnvelopeSealer, SealedRecords } from '@signaalhub/envelope';
import type { UserIdentity } from '@signaalhub/identity';
import type { OutboxWriter } from '@signaalhub/outbox';
import type { Pool } from 'pg';
import { z } from 'zod';
import type { FeedAccessPolicy } from '../access/feed-access-policy.js';
import type { RiecEnvelopes } from '../hits/riec-envelopes.js';
import { FeedConflict, InvalidFeedInput } from '../http/feed-errors.js';
import type { HandoverStore, StoredHandover } from './handover-store.js';

export interface RiecHandoversParts {
  readonly pool: Pool;
  readonly store: HandoverStore;
  /** Where the signals sent to the RIEC are kept sealed. */
  readonly signals: RiecEnvelopes;
  /** Opens stored envelopes as the RIEC's party: every cryptographic check again, no replay rule. */
  readonly opener: EnvelopeOpener;
  readonly sealer: EnvelopeSealer;
  readonly outbox: OutboxWriter;
  /** Seals a return's reason for the RIEC's own store. */
  readonly records: SealedRecords;
  readonly riecParty: string;
  readonly policy: FeedAccessPolicy;
  readonly access: AuditedAccess;
  readonly clock: () => Date;
}

const ReturnReason = z.string();

/** A return whose only fault is its reason (missing, blank or too long) breaks a rule (422); any other shape is a schema fault (400). */
function reasonOnly(problems: readonly ValidationProblem[], body: unknown): boolean {
  const reason: unknown = typeof body === 'object' && body !== null ? (body as Record<string, unknown>).reason : undefined;
  return problems.every((problem) => problem.field === 'reason') && (reason === undefined || typeof reason === 'string');
}

/**
 * The RIEC's hand-over inbox for its liaison: the decisions handed over to the RIEC, opened with their
 * signal as the RIEC's own party (audited), and the answer — accepted as a RIEC case or returned with a
 * reason — sealed by the RIEC to the deciding municipality alone and queued in the outbox in the
 * transaction that records it. A hand-over is answered once.
 */
export class RiecHandovers {
  constructor(private readonly parts: RiecHandoversParts) {}

  async list(caller: UserIdentity, origin: string): Promise<HandoverSummary[]> {
    await this.parts.access.check({ caller, action: 'handover.list', object: { type: 'handover', id: '*' }, origin, policy: this.parts.policy.liaison(caller) });
    return this.parts.store.list();
  }

  /** Opens the decision and, when the RIEC was sent it, its signal; audited either way. */
  async open(caller: UserIdentity, id: string, origin: string): Promise<HandoverDetail> {
    const attempt = { caller, action: 'handover.open', object: { type: 'handover', id }, origin };
    await this.parts.access.check({ ...attempt, policy: this.parts.policy.liaison(caller) });
    const stored = await this.found(id);
    await this.parts.access.check({ ...attempt, object: { ...attempt.object, recipients: stored.envelope.header.recipients }, auditAllowed: true });
    const as = this.parts.riecParty;
    const decision = (await this.parts.opener.open(stored.envelope, { as, payload: DecisionRecorded })).payload;
    const signalEnvelope = stored.signalId === null ? undefined : await this.parts.signals.find(stored.signalId);
    const signal = signalEnvelope === undefined ? null : (await this.parts.opener.open(signalEnvelope, { as, payload: Signal })).payload;
    if (signalEnvelope !== undefined) await this.parts.access.allowed({ ...attempt, action: 'signal.open', object: { type: 'signal', id: signalEnvelope.header.messageId } });
    const returnReason = stored.reasonSealed === null ? null : await this.parts.records.open(stored.reasonSealed, ReturnReason);
    const { envelope: _envelope, reasonSealed: _reasonSealed, ...summary } = stored;
    return { ...summary, decision, signal, returnReason };
  }

  async accept(caller: UserIdentity, id: string, body: unknown, origin: string): Promise<HandoverSummary> {
    const attempt = { caller, action: 'handover.accept', object: { type: 'handover', id }, origin };
    await this.parts.access.check({ ...attempt, policy: this.parts.policy.liaison(caller) });
    const parsed = validateRequest(HandoverAcceptanceForm, body);
    if (!parsed.success) throw new InvalidFeedInput(parsed.problems);
    const caseReference = parsed.data.caseReference ?? null;
    return this.answer(attempt, await this.found(id), 'accepted', { caseReference, reason: null });
  }

  async giveBack(caller: UserIdentity, id: string, body: unknown, origin: string): Promise<HandoverSummary> {
    const attempt = { caller, action: 'handover.return', object: { type: 'handover', id }, origin };
    await this.parts.access.check({ ...attempt, policy: this.parts.policy.liaison(caller) });
    const parsed = validateRequest(HandoverReturnForm, body);
    if (!parsed.success) throw new InvalidFeedInput(parsed.problems, reasonOnly(parsed.problems, body) ? 'rule' : 'schema');
    return this.answer(attempt, await this.found(id), 'returned', { caseReference: null, reason: parsed.data.reason });
  }

  private async found(id: string): Promise<StoredHandover> {
    const stored = await this.parts.store.find(id);
    if (stored === undefined) throw new ObjectNotFound('handover');
    return stored;
  }

  private async answer(
    attempt: { readonly caller: UserIdentity; readonly action: string; readonly object: { readonly type: string; readonly id: string }; readonly origin: string },
    stored: StoredHandover,
    outcome: HandoverOutcome,
    given: { readonly caseReference: string | null; readonly reason: string | null },
  ): Promise<HandoverSummary> {
    if (stored.status !== 'open') throw new FeedConflict('Deze overdracht is al beantwoord');
    const { caller } = attempt;
    const answeredBy = { party: caller.party, userId: caller.userId };
    const answeredAt = this.parts.clock().toISOString();
    const facts = { decisionId: stored.id, municipality: stored.municipality, answeredBy, answeredAt };
    const sealing = { from: this.parts.riecParty, to: handoverAnswerRecipients(stored.municipality), municipality: stored.municipality };
    const envelope =
      outcome === 'accepted'
        ? await this.parts.sealer.seal(HandoverAccepted.parse({ ...facts, caseReference: given.caseReference ?? undefined }), { ...sealing, type: EventTypes.handoverAccepted })
        : await this.parts.sealer.seal(HandoverReturned.parse({ ...facts, reason: given.reason }), { ...sealing, type: EventTypes.handoverReturned });
    const reasonSealed = given.reason === null ? null : await this.parts.records.seal(given.reason);
    const answerMessageId = envelope.header.messageId;
    const answered = await withTransaction(this.parts.pool, async (client) => {
      if (!(await this.parts.store.answer(client, stored.id, { outcome, answeredAt, answeredBy, answerMessageId, caseReference: given.caseReference, reasonSealed }))) return false;
      // Keyed by municipality: the hand-over topic keeps each municipality's answers in order.
      await this.parts.outbox.add(client, { messageId: answerMessageId, topic: Topics.handover, key: stored.municipality, value: Buffer.from(JSON.stringify(envelope)) });
      return true;
    });
    if (!answered) throw new FeedConflict('Deze overdracht is al beantwoord');
    await this.parts.access.allowed(attempt);
    return { ...stored, status: outcome, answeredAt };
  }
}
