import { ObjectNotFound, type AccessAttempt, type AuditedAccess } from '@signaalhub/access';
import {
  DecisionRecorded,
  PlanItemRequest,
  ReorderAgendaRequest,
  Signal,
  validateRequest,
  type DecisionList,
  type Meeting,
  type MeetingAgenda,
  type PlannedItem,
  type PrintableAgenda,
  type ValidationProblem,
} from '@signaalhub/contracts';
import type { UserIdentity } from '@signaalhub/identity';
import type { MatchTokenStore } from '@signaalhub/matching';
import type { ContentOpener } from '../access/content-opener.js';
import type { MeetingAccessPolicy } from '../access/meeting-access-policy.js';
import { agendaPriority } from '../agenda/agenda-priority.js';
import type { AgendaStore } from '../agenda/agenda-store.js';
import { decisionContent } from '../history/item-history.js';
import type { ItemHistoryStore } from '../history/item-history-store.js';
import type { MeetingAgendaStore } from './meeting-agenda-store.js';
import type { MeetingCalendar } from './meeting-calendar.js';
import { AgendaConflict, AgendaRuleBroken, InvalidAgendaRequest } from './meeting-errors.js';
import type { MeetingStore } from './meeting-store.js';

export interface MeetingAgendasParts {
  readonly meetings: MeetingStore;
  readonly planned: MeetingAgendaStore;
  readonly agenda: AgendaStore;
  readonly history: ItemHistoryStore;
  readonly tokens: MatchTokenStore;
  readonly policy: MeetingAccessPolicy;
  readonly access: AuditedAccess;
  readonly contents: ContentOpener;
  readonly calendar: MeetingCalendar;
}

const PAST_MEETING: ValidationProblem = {
  field: 'date',
  rule: 'meeting must not be in the past',
  message: 'Dit overleg ligt in het verleden; de agenda ervan kan niet meer veranderen.',
};

/** A problem with the body as a whole (an unknown field) names `body`, never an empty field. */
const namingTheBody = (problems: readonly ValidationProblem[]): ValidationProblem[] =>
  problems.map((problem) => (problem.field === '' ? { ...problem, field: 'body' } : problem));

const itemProblem = (message: string): ValidationProblem => ({ field: 'itemId', rule: "must be a pending item of the meeting's municipality", message });

/**
 * A meeting's own agenda: plan pending items, take them off, set the order; the printable agenda and,
 * from the meeting's day, its decision list. Members of the meeting's municipality (and partners) only;
 * content only where the caller's party is a recipient, each opening audited.
 */
export class MeetingAgendas {
  constructor(private readonly parts: MeetingAgendasParts) {}

  async view(caller: UserIdentity, meetingId: string, origin: string): Promise<MeetingAgenda> {
    const meeting = await this.meetingFor(caller, meetingId, 'meeting.open', origin);
    return this.agendaOf(meeting);
  }

  async plan(caller: UserIdentity, meetingId: string, body: unknown, origin: string): Promise<MeetingAgenda> {
    const meeting = await this.meetingFor(caller, meetingId, 'meeting.plan', origin);
    const parsed = validateRequest(PlanItemRequest, body);
    if (!parsed.success) throw new InvalidAgendaRequest(namingTheBody(parsed.problems));
    this.refuseIfPast(meeting);
    const item = await this.parts.agenda.find(parsed.data.itemId);
    if (item === undefined) throw new AgendaRuleBroken([itemProblem('Dit agendapunt bestaat niet.')]);
    if (item.municipality !== meeting.municipality) throw new AgendaRuleBroken([itemProblem('Dit agendapunt hoort bij de agenda van een andere gemeente.')]);
    if (item.status === 'imported') throw new AgendaRuleBroken([itemProblem('Deze melding is geïmporteerd uit de tijd voor de hub; ze komt niet op een agenda.')]);
    if (item.status !== 'pending') throw new AgendaRuleBroken([itemProblem('Over dit agendapunt is al besloten; het kan niet meer worden ingepland.')]);
    if (!(await this.parts.planned.plan(meeting.id, item.id, caller.party, this.parts.calendar.now()))) throw new AgendaConflict('Dit agendapunt staat al op de agenda van dit overleg.');
    return this.agendaOf(meeting);
  }

  async unplan(caller: UserIdentity, meetingId: string, itemId: string, origin: string): Promise<MeetingAgenda> {
    const meeting = await this.meetingFor(caller, meetingId, 'meeting.unplan', origin);
    this.refuseIfPast(meeting);
    if (!(await this.parts.planned.unplan(meeting.id, itemId, caller.party, this.parts.calendar.now()))) throw new ObjectNotFound('planned-item');
    return this.agendaOf(meeting);
  }

  async reorder(caller: UserIdentity, meetingId: string, body: unknown, origin: string): Promise<MeetingAgenda> {
    const meeting = await this.meetingFor(caller, meetingId, 'meeting.reorder', origin);
    const parsed = validateRequest(ReorderAgendaRequest, body);
    if (!parsed.success) throw new InvalidAgendaRequest(namingTheBody(parsed.problems));
    this.refuseIfPast(meeting);
    if (!(await this.parts.planned.reorder(meeting.id, parsed.data.itemIds))) {
      throw new AgendaRuleBroken([{ field: 'itemIds', rule: 'must list every planned item exactly once', message: 'De volgorde moet elk agendapunt van dit overleg precies één keer noemen.' }]);
    }
    return this.agendaOf(meeting);
  }

  /** Every planned item; the signal where the caller's party is a recipient (opened and audited per item). */
  async printableAgenda(caller: UserIdentity, meetingId: string, origin: string): Promise<PrintableAgenda> {
    const meeting = await this.meetingFor(caller, meetingId, 'meeting.print-agenda', origin);
    const { items } = await this.agendaOf(meeting);
    const printable: PrintableAgenda['items'][number][] = [];
    for (const item of items) {
      const stored = await this.parts.agenda.find(item.id);
      const attempt: AccessAttempt = { caller, action: 'signal.open', object: { type: 'agenda-item', id: item.id }, origin };
      const signal = stored === undefined ? null : await this.parts.contents.open(attempt, stored, Signal);
      printable.push({ ...item, signal });
    }
    return { meeting, items: printable };
  }

  /** From the meeting's day on: the decisions taken at it; actions and feedback only for the decision's recipients (audited). */
  async decisionList(caller: UserIdentity, meetingId: string, origin: string): Promise<DecisionList> {
    const meeting = await this.meetingFor(caller, meetingId, 'meeting.print-decisions', origin);
    if (meeting.date > this.parts.calendar.today()) throw new AgendaConflict('De besluitenlijst is er vanaf de dag van het overleg.');
    const decisions: DecisionList['decisions'][number][] = [];
    for (const decision of await this.parts.history.decisionsAtMeeting(meeting.id)) {
      const attempt: AccessAttempt = { caller, action: 'decision.open', object: { type: 'decision', id: decision.facts.decisionId }, origin };
      const payload = await this.parts.contents.open(attempt, decision, DecisionRecorded);
      decisions.push({ item: decision.item, decision: decision.facts, content: payload === null ? null : decisionContent(payload) });
    }
    return { meeting, decisions };
  }

  /** Role first (a caller without it learns nothing, not even 404), then the meeting's municipality. */
  private async meetingFor(caller: UserIdentity, meetingId: string, action: string, origin: string): Promise<Meeting> {
    const attempt: AccessAttempt = { caller, action, object: { type: 'meeting', id: meetingId }, origin };
    await this.parts.access.check({ ...attempt, policy: this.parts.policy.forAnyMeeting(caller) });
    const meeting = await this.parts.meetings.find(meetingId);
    if (meeting === undefined) throw new ObjectNotFound('meeting');
    await this.parts.access.check({ ...attempt, policy: this.parts.policy.forMunicipality(caller, meeting.municipality) });
    return meeting;
  }

  private refuseIfPast(meeting: Meeting): void {
    if (this.parts.calendar.isPast(meeting.date)) throw new AgendaRuleBroken([PAST_MEETING]);
  }

  private async agendaOf(meeting: Meeting): Promise<MeetingAgenda> {
    const rows = await this.parts.planned.planned(meeting.id);
    const hits = await this.parts.tokens.hitsFor(rows.map((row) => row.id));
    const items = rows.map((row): PlannedItem => {
      const itemHits = hits.get(row.id)?.byMunicipality ?? [];
      return { ...row, priority: agendaPriority(itemHits), hits: itemHits };
    });
    return { meeting, past: this.parts.calendar.isPast(meeting.date), items };
  }
}
