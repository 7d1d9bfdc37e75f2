import type { DecisionContent, DecisionRecorded, HistoryEntry } from '@signaalhub/contracts';
import type { StoredHandoverAnswer } from '../handovers/handover-answer-store.js';
import type { StoredDecision, StoredHistoryEvent } from './item-history-store.js';

/** A stored decision with its content as opened for the caller (null: not a recipient). */
export interface OpenedDecision {
  readonly stored: StoredDecision;
  readonly content: DecisionContent | null;
}

/** The RIEC's answer to a hand-over, opened for the caller (null: the caller's party is not the municipality it was sealed to). */
export interface OpenedHandoverAnswer {
  readonly stored: StoredHandoverAnswer;
  readonly content: { readonly caseReference: string | null; readonly reason: string | null } | null;
}

export function decisionContent(payload: DecisionRecorded): DecisionContent {
  return { recordedBy: payload.recordedBy, actions: payload.actions, riecHandover: payload.riecHandover, feedback: payload.feedback };
}

/**
 * An item's history as people read it, in the order it was recorded: the stored events (received,
 * planned, unplanned, decided), after "meer informatie nodig" the return to the agenda, and after each
 * decision the moment it left with its feedback for the reporter (the outbox's publication; absent while
 * it waits) and the RIEC's answer when it was handed over. Record order, not clock order: a step recorded later happened later.
 */
export function assembleHistory(input: {
  readonly events: readonly StoredHistoryEvent[];
  readonly decisions: readonly OpenedDecision[];
  readonly reporterParty: string;
  readonly handoverAnswers?: readonly OpenedHandoverAnswer[];
}): HistoryEntry[] {
  const byId = new Map(input.decisions.map((decision) => [decision.stored.facts.decisionId, decision]));
  const entries: HistoryEntry[] = [];
  const decided = (decision: OpenedDecision, meeting: StoredHistoryEvent['meeting']): void => {
    const { facts } = decision.stored;
    entries.push({ kind: 'decided', at: facts.decidedAt, decision: facts, meeting, content: decision.content });
    if (facts.approach === 'meer-informatie') entries.push({ kind: 'returned-to-agenda', at: facts.decidedAt, decisionId: facts.decisionId });
    const { publishedAt } = decision.stored;
    if (publishedAt !== null) entries.push({ kind: 'feedback-sent', at: publishedAt, decisionId: facts.decisionId, to: input.reporterParty });
    for (const answer of input.handoverAnswers ?? []) {
      if (answer.stored.decisionId !== facts.decisionId) continue;
      entries.push({ kind: `handover-${answer.stored.outcome}`, at: answer.stored.answeredAt, decisionId: facts.decisionId, content: answer.content });
    }
    byId.delete(facts.decisionId);
  };
  for (const event of input.events) {
    switch (event.kind) {
      case 'received':
        entries.push({ kind: 'received', at: event.at });
        break;
      case 'planned':
      case 'unplanned':
        if (event.meeting !== null && event.party !== null) entries.push({ kind: event.kind, at: event.at, party: event.party, meeting: event.meeting });
        break;
      case 'decided': {
        const decision = event.decisionId === null ? undefined : byId.get(event.decisionId);
        if (decision !== undefined) decided(decision, event.meeting);
        break;
      }
    }
  }
  // A decision without its event (none are expected after the backfill) is still shown, never hidden.
  for (const decision of [...byId.values()]) decided(decision, null);
  return entries;
}
