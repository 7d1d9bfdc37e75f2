import { ObjectNotFound, type AuditedAccess } from '@signaalhub/access';
import {
  RiskConclusion,
  type ScreeningConclusionVersion,
  type ScreeningDetail,
  type ScreeningHistoryEntry,
  type ScreeningListItem,
} from '@signaalhub/contracts';
import { computeDeadlines, type DeadlineCalendar, type TimelineEvent } from '@signaalhub/deadlines';
import type { SealedRecords } from '@signaalhub/envelope';
import type { UserIdentity } from '@signaalhub/identity';
import type { BibobAccessPolicy } from '../access/bibob-access-policy.js';
import type { AlertStore } from '../alerts/alert-store.js';
import type { ScreeningHitLookup } from '../hits/screening-hit-lookup.js';
import { nextDeadlineOf, poolOrder, watchedDeadlines } from './next-deadline.js';
import { ApplicationRecord, SealedText } from './screening-records.js';
import type { HistoryRow, ScreeningFilter, ScreeningStore } from './screening-store.js';
import { summaryOf } from './screening-workflow.js';

/** What a list may be narrowed to, already validated by the HTTP layer. */
export interface ScreeningQuery {
  readonly municipality?: string;
  readonly assignee?: string;
  readonly unassigned?: boolean;
}

/**
 * Lists (routing facts only) and the opened screening (personal data, audited). Coordinators see every
 * screening; a municipality's permit officers only their municipality's, so their lists must name it.
 */
export class ScreeningReader {
  constructor(
    private readonly store: ScreeningStore,
    private readonly records: SealedRecords,
    private readonly policy: BibobAccessPolicy,
    private readonly access: AuditedAccess,
    private readonly calendar: DeadlineCalendar,
    private readonly hits: ScreeningHitLookup,
    private readonly alerts: AlertStore,
    private readonly clock: () => Date,
  ) {}

  async list(caller: UserIdentity, query: ScreeningQuery, origin: string): Promise<ScreeningListItem[]> {
    const attempt = { caller, action: 'screening.list', object: { type: 'screenings', id: query.municipality ?? '*' }, origin };
    await this.access.check({ ...attempt, policy: this.policy.anyScreening(caller) });
    // A permit officer's list without a municipality would be everyone's: it is theirs or nothing.
    await this.access.check({ ...attempt, policy: this.policy.screeningOf(caller, query.municipality ?? '') });
    const filter: ScreeningFilter = {
      ...(query.municipality === undefined ? {} : { municipality: query.municipality }),
      ...(query.unassigned === true ? { assignee: null } : query.assignee === undefined ? {} : { assignee: query.assignee }),
    };
    const screenings = await this.store.list(filter);
    const ids = screenings.map((screening) => screening.id);
    const [alerts, timelines] = await Promise.all([this.alerts.alertsOf(ids), this.store.timelinesOf(ids)]);
    const today = this.clock().toISOString().slice(0, 10);
    return screenings
      .map((screening): ScreeningListItem => {
        const own = alerts.filter((alert) => alert.screeningId === screening.id).map(({ screeningId: _screening, ...alert }) => alert);
        if (screening.phase === 'afgesloten') return { ...screening, overdue: false, alerts: own, nextDeadline: null };
        const gebeurtenissen = timelines.get(screening.id) ?? [];
        const outcome = computeDeadlines({ ontvangen: screening.receivedOn, beslistermijnWeken: screening.decisionTermWeeks, gebeurtenissen }, this.calendar);
        // From the engine and the clock, as the `verstreken` alert is (the end of the day, UTC), so the red line
        // does not wait for a job; an LBB due date passed after the advice arrived is history, not overdue.
        const overdue = watchedDeadlines(outcome, gebeurtenissen).some((entry) => entry.date < today);
        return { ...screening, overdue, alerts: own, nextDeadline: nextDeadlineOf(outcome, gebeurtenissen, today) };
      })
      .sort(poolOrder);
  }

  async detail(caller: UserIdentity, id: string, origin: string): Promise<ScreeningDetail> {
    const attempt = { caller, action: 'screening.open', object: { type: 'screening', id }, origin };
    await this.access.check({ ...attempt, policy: this.policy.anyScreening(caller) });
    const row = await this.store.find(id);
    if (row === undefined) throw new ObjectNotFound('screening');
    await this.access.check({ ...attempt, policy: this.policy.screeningOf(caller, row.municipality), auditAllowed: true });
    const application = await this.records.open(row.applicationSealed, ApplicationRecord);
    const history = await this.store.historyOf(id);
    const timeline = { ontvangen: row.receivedOn, beslistermijnWeken: row.decisionTermWeeks, gebeurtenissen: timelineOf(history) };
    const questionnaire = await Promise.all(
      (await this.store.questionnaireOf(id)).map(async (answer) => ({
        item: answer.item,
        complete: answer.complete,
        ...(answer.answerSealed === null ? {} : { answer: await this.records.open(answer.answerSealed, SealedText) }),
      })),
    );
    const conclusions = await Promise.all(
      (await this.store.conclusionsOf(id)).map(
        async (version): Promise<ScreeningConclusionVersion> => ({
          version: version.version,
          status: version.status,
          conclusion: await this.records.open(version.conclusionSealed, RiskConclusion),
          proposedBy: version.proposedBy,
          proposedAt: version.proposedAt,
          approvedBy: version.approvedBy,
          approvedAt: version.approvedAt,
        }),
      ),
    );
    return {
      ...summaryOf(row),
      reference: application.reference,
      applicant: application.applicant,
      people: application.people,
      address: application.address ?? null,
      vehicles: application.vehicles ?? [],
      questionnaire,
      lbbExtended: row.lbbExtended,
      lbbWaitingForInformation: row.lbbWaiting,
      timeline,
      deadlines: computeDeadlines(timeline, this.calendar),
      history: await Promise.all(history.map((entry) => this.historyEntry(entry))),
      conclusions,
      hits: await this.hits.hitsOf({ screeningId: id, ...application }),
    };
  }

  private async historyEntry(row: HistoryRow): Promise<ScreeningHistoryEntry> {
    return {
      at: row.at,
      action: row.action,
      actor: row.actor,
      fromPhase: row.fromPhase,
      toPhase: row.toPhase,
      reason: row.reasonSealed === null ? null : await this.records.open(row.reasonSealed, SealedText),
      date: row.eventDate,
    };
  }
}

/** The deadline engine's input: the days that move a term, in the order they happened. */
export function timelineOf(history: readonly HistoryRow[]): TimelineEvent[] {
  return history.flatMap((row) => (row.timelineKind === null || row.eventDate === null ? [] : [{ soort: row.timelineKind, datum: row.eventDate }]));
}
