import type { AccessAttempt, AuditedAccess } from '@signaalhub/access';
import { APPROACH_LABELS, DecisionRecorded, type DecisionFeedback } from '@signaalhub/contracts';
import type { EnvelopeOpener } from '@signaalhub/envelope';
import type { StoredDecision } from './decision-store.js';

/** Opens a stored decision for a user, after the caller checked the user may see it; each opening is audited. */
export class DecisionReader {
  constructor(
    private readonly opener: EnvelopeOpener,
    private readonly access: AuditedAccess,
  ) {}

  async open(stored: StoredDecision, attempt: Pick<AccessAttempt, 'caller' | 'origin'>): Promise<DecisionFeedback> {
    const opened = await this.opener.open(stored.envelope, { as: stored.readerParty, payload: DecisionRecorded });
    await this.access.allowed({ ...attempt, action: 'decision.open', object: { type: 'decision', id: stored.messageId } });
    const decision = opened.payload;
    return {
      decisionId: stored.messageId,
      decidedAt: decision.decidedAt,
      approach: decision.approach,
      approachLabel: APPROACH_LABELS[decision.approach],
      leadParty: decision.leadParty,
      actions: decision.actions.map((action) => ({ description: action.description, dueDate: action.dueDate })),
      riecHandover: decision.riecHandover,
      feedback: decision.feedback,
    };
  }
}
