import { ObjectNotFound, type AccessAttempt, type AuditedAccess } from '@signaalhub/access';
import { DecisionRecorded, type DiscussedFilter, type DiscussedItem, type ItemHistory } from '@signaalhub/contracts';
import type { UserIdentity } from '@signaalhub/identity';
import type { MatchTokenStore } from '@signaalhub/matching';
import type { ContentOpener } from '../access/content-opener.js';
import type { MeetingAccessPolicy } from '../access/meeting-access-policy.js';
import { agendaItem } from '../agenda/agenda-reader.js';
import type { AgendaStore } from '../agenda/agenda-store.js';
import { assembleHistory, decisionContent, type OpenedDecision } from './item-history.js';
import type { ItemHistoryStore } from './item-history-store.js';

/** An item's whole history for an authorised member (its decisions opened as the member's party, audited) and "Besproken". */
export class ItemHistoryReader {
  constructor(
    private readonly agenda: AgendaStore,
    private readonly history: ItemHistoryStore,
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

    const [events, decisions, hits] = await Promise.all([this.history.events(id), this.history.decisionsOfItem(id), this.tokens.hitsFor([id])]);
    const opened: OpenedDecision[] = [];
    for (const decision of decisions) {
      const decisionAttempt: AccessAttempt = { caller, action: 'decision.open', object: { type: 'decision', id: decision.facts.decisionId }, origin };
      const payload = await this.contents.open(decisionAttempt, decision, DecisionRecorded);
      opened.push({ stored: decision, content: payload === null ? null : decisionContent(payload) });
    }
    await this.access.allowed(attempt);
    return { item: agendaItem(stored, hits.get(id)?.byMunicipality ?? []), entries: assembleHistory({ events, decisions: opened, reporterParty: stored.reporterParty }) };
  }

  /** Routing facts only; the caller's access to the municipality is checked by the controller (as the agenda's). */
  discussed(filter: DiscussedFilter): Promise<DiscussedItem[]> {
    return this.history.discussed(filter);
  }
}
