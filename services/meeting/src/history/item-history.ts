import type { DecisionContent, DecisionRecorded, HistoryEntry } from '@signaalhub/contracts';
import type { StoredDecision, StoredHistoryEvent } from './item-history-store.js';

/** A stored decision with its content as opened for the caller (null: not a recipient). */
export interface OpenedDecision {
  readonly stored: StoredDecision;
  readonly content: DecisionContent | null;
}

export function decisionContent(payload: DecisionRecorded): DecisionContent {
  return { recordedBy: payload.recordedBy, actions: payload.actions, riecHandover: payload.riecHandover, feedback: payload.feedback };
}

/**
 * An item's history as people read it, oldest first: the stored events (received, planned, unplanned,
 * decided), after "meer informatie nodig" the return to the agenda, and the moment each decision with its
 * feedback left for the reporter (the outbox's publication). Steps at the same moment keep their order.
 */
export function assembleHistory(input: {
  readonly events: readonly StoredHistoryEvent[];
  readonly decisions: readonly OpenedDecision[];
  readonly reporterParty: string;
}): HistoryEntry[] {
  const byId = new Map(input.decisions.map((decision) => [decision.stored.facts.decisionId, decision]));
  const entries: HistoryEntry[] = [];
  const decided = (decision: OpenedDecision, meeting: StoredHistoryEvent['meeting']): void => {
    const { facts } = decision.stored;
    entries.push({ kind: 'decided', at: facts.decidedAt, decision: facts, meeting, content: decision.content, reminders: decision.stored.reminders });
    if (facts.approach === 'meer-informatie') entries.push({ kind: 'returned-to-agenda', at: facts.decidedAt, decisionId: facts.decisionId });
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
  for (const { stored } of input.decisions) {
    if (stored.publishedAt !== null) entries.push({ kind: 'feedback-sent', at: stored.publishedAt, decisionId: stored.facts.decisionId, to: input.reporterParty });
  }
  // Array.prototype.sort is stable: entries at the same moment stay in the order above.
  return entries.sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
}
