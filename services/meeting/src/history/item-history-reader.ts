import { ObjectNotFound, type AccessAttempt, type AuditedAccess } from '@signaalhub/access';
import { DecisionRecorded, HandoverAccepted, HandoverReturned, type DiscussedFilter, type DiscussedItem, type ItemHistory } from '@signaalhub/contracts';
import type { UserIdentity } from '@signaalhub/identity';
import type { MatchTokenStore } from '@signaalhub/matching';
import type { ContentOpener } from '../access/content-opener.js';
import type { MeetingAccessPolicy } from '../access/meeting-access-policy.js';
import { agendaItem } from '../agenda/agenda-reader.js';
import type { AgendaStore } from '../agenda/agenda-store.js';
import type { HandoverAnswerStore, StoredHandoverAnswer } from '../handovers/handover-answer-store.js';
import { assembleHistory, decisionContent, type OpenedDecision, type OpenedHandoverAnswer } from './item-history.js';
import type { ItemHistoryStore } from './item-history-store.js';

/** An item's whole history for an authorised member (its decisions opened as the member's party, audited) and "Besproken". */
export class ItemHistoryReader {
  constructor(
    private readonly agenda: AgendaStore,
    private readonly history: ItemHistoryStore,
    private readonly handoverAnswers: HandoverAnswerStore,
    private readonly tokens: MatchTokenStore,
    private readonly policy: MeetingAccessPolicy,
    private readonly access: AuditedAccess,
    private readonly contents: ContentOpener,
  ) {}

  /** The same need-to-know as opening the signal: the meeting's member, and the item was sent to their party. */
  async itemHistory(caller: UserIdentity, id: string, origin: string): Promise<ItemHistory> {
    const attempt: AccessAttempt = { caller, action: 'history.open', object: { type: 'agenda-item', id }, origin };
    await this.access.check({ ...attempt, policy: this.policy.forAnyMeeting(caller) });
    const stored = await this.agenda.find(id);
    if (stored === undefined) throw new ObjectNotFound('agenda-item');
    await this.access.check({ ...attempt, object: { ...attempt.object, recipients: stored.recipients }, policy: this.policy.forMunicipality(caller, stored.municipality) });

    const [events, decisions, answers, hits] = await Promise.all([this.history.events(id), this.history.decisionsOfItem(id), this.handoverAnswers.ofItem(id), this.tokens.hitsFor([id])]);
    const opened: OpenedDecision[] = [];
    for (const decision of decisions) {
      const decisionAttempt: AccessAttempt = { caller, action: 'decision.open', object: { type: 'decision', id: decision.facts.decisionId }, origin };
      const payload = await this.contents.open(decisionAttempt, decision, DecisionRecorded);
      opened.push({ stored: decision, content: payload === null ? null : decisionContent(payload) });
    }
    const openedAnswers: OpenedHandoverAnswer[] = [];
    for (const answer of answers) openedAnswers.push({ stored: answer, content: await this.openAnswer(caller, answer, origin) });
    await this.access.allowed(attempt);
    return {
      item: agendaItem(stored, hits.get(id)?.byMunicipality ?? []),
      entries: assembleHistory({ events, decisions: opened, reporterParty: stored.reporterParty, handoverAnswers: openedAnswers }),
    };
  }

  /** The case number or the reason, for the municipality the answer was sealed to (audited); null for anyone else. */
  private async openAnswer(caller: UserIdentity, answer: StoredHandoverAnswer, origin: string): Promise<OpenedHandoverAnswer['content']> {
    const attempt: AccessAttempt = { caller, action: 'handover.open', object: { type: 'handover-answer', id: answer.messageId }, origin };
    if (answer.outcome === 'accepted') {
      const accepted = await this.contents.open(attempt, answer, HandoverAccepted);
      return accepted === null ? null : { caseReference: accepted.caseReference ?? null, reason: null };
    }
    const returned = await this.contents.open(attempt, answer, HandoverReturned);
    return returned === null ? null : { caseReference: null, reason: returned.reason };
  }

  /** Routing facts only; the caller's access to the municipality is checked by the controller (as the agenda's). */
  discussed(filter: DiscussedFilter): Promise<DiscussedItem[]> {
    return this.history.discussed(filter);
  }
}
