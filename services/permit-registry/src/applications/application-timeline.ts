import type { ScreeningMilestone } from '@signaalhub/contracts';
import { computeDeadlines, TIMELINE_EVENT_KINDS, TimelineError, type DeadlineCalendar, type DeadlineOutcome, type TimelineEventKind } from '@signaalhub/deadlines';
import type { ApplicationRow, TimelineRow } from './application-store.js';

/*
 * The application's decision term, pure: the registry's decision date is the legal one, computed by the
 * shared deadline engine from the application's own timeline — its completeness requests and the LBB
 * milestones the pool sent (`screening.progressed`).
 */

/** How each LBB milestone of the pool moves the municipality's decision term. */
export const MILESTONE_TIMELINE: Readonly<Record<ScreeningMilestone, TimelineEventKind>> = {
  'lbb-requested': 'lbb-gevraagd',
  extended: 'lbb-verlengd',
  'waiting-for-information': 'lbb-informatie-gevraagd',
  'information-received': 'lbb-informatie-ontvangen',
  'advice-received': 'lbb-advies-ontvangen',
};

/** Entries that are no term events (the screening asked, opened, concluded). */
export const SCREENING_ENTRIES = ['screening-gevraagd', 'screening-geopend', 'conclusie-ontvangen'] as const;

const isTermEvent = (kind: string): kind is TimelineEventKind => (TIMELINE_EVENT_KINDS as readonly string[]).includes(kind);

export function deadlinesOf(application: Pick<ApplicationRow, 'receivedOn' | 'decisionTermWeeks'>, timeline: readonly TimelineRow[], calendar: DeadlineCalendar): DeadlineOutcome {
  const gebeurtenissen = timeline.flatMap((row) => (isTermEvent(row.kind) ? [{ soort: row.kind, datum: row.date }] : []));
  return computeDeadlines({ ontvangen: application.receivedOn, beslistermijnWeken: application.decisionTermWeeks, gebeurtenissen }, calendar);
}

/** The deadlines, or the engine's Dutch reason why the timeline with `added` would be impossible. */
export function checkedDeadlines(
  application: Pick<ApplicationRow, 'receivedOn' | 'decisionTermWeeks'>,
  timeline: readonly TimelineRow[],
  calendar: DeadlineCalendar,
): { ok: true; deadlines: DeadlineOutcome } | { ok: false; reason: string } {
  try {
    return { ok: true, deadlines: deadlinesOf(application, timeline, calendar) };
  } catch (error) {
    if (error instanceof TimelineError) return { ok: false, reason: error.message };
    throw error;
  }
}

/** Whether a completeness request is open (asked and not yet received). */
export function completenessOpen(timeline: readonly TimelineRow[]): TimelineRow | undefined {
  const last = timeline.filter((row) => row.kind === 'aanvulling-gevraagd' || row.kind === 'aanvulling-ontvangen').at(-1);
  return last?.kind === 'aanvulling-gevraagd' ? last : undefined;
}

/** The latest date on the timeline: a new entry never lies before it. */
export function lastDate(application: Pick<ApplicationRow, 'receivedOn'>, timeline: readonly TimelineRow[]): string {
  return timeline.reduce((latest, row) => (row.date > latest ? row.date : latest), application.receivedOn);
}

/** Overdue: the decision date passed without a decision. */
export function isOverdue(deadlines: DeadlineOutcome, today: string): boolean {
  return deadlines.uitersteBeslisdatum !== null && deadlines.uitersteBeslisdatum < today;
}
