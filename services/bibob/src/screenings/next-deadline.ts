import type { ScreeningDeadline, ScreeningNextDeadline } from '@signaalhub/contracts';
import type { DeadlineOutcome, TimelineEvent } from '@signaalhub/deadlines';

/**
 * The hard deadlines still to be met: the decision date, and the LBB advice due date while the advice is
 * awaited (once it arrived, its due date is history, not a deadline).
 */
export function watchedDeadlines(outcome: DeadlineOutcome, timeline: readonly TimelineEvent[]): { deadline: ScreeningDeadline; date: string }[] {
  const kinds = new Set(timeline.map((event) => event.soort));
  const lbbAwaited = kinds.has('lbb-gevraagd') && !kinds.has('lbb-advies-ontvangen');
  const watched: { deadline: ScreeningDeadline; date: string }[] = [];
  if (outcome.uitersteBeslisdatum !== null) watched.push({ deadline: 'uitersteBeslisdatum', date: outcome.uitersteBeslisdatum });
  if (lbbAwaited && outcome.lbbAdviesUiterlijk !== null) watched.push({ deadline: 'lbbAdviesUiterlijk', date: outcome.lbbAdviesUiterlijk });
  return watched;
}

/**
 * The nearest watched deadline on or after `today` (`YYYY-MM-DD`); when all have passed, the latest one
 * (it is what the screening is overdue on); none known: null.
 */
export function nextDeadlineOf(outcome: DeadlineOutcome, timeline: readonly TimelineEvent[], today: string): ScreeningNextDeadline | null {
  const watched = watchedDeadlines(outcome, timeline).sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const chosen = watched.find((entry) => entry.date >= today) ?? watched.at(-1);
  if (chosen === undefined) return null;
  return { ...chosen, provisional: outcome.voorlopig.includes(chosen.deadline), passed: chosen.date < today };
}

/** The pool's order: overdue first, then the nearest next deadline (none last), then the oldest. */
export function poolOrder(
  a: { readonly overdue: boolean; readonly nextDeadline: ScreeningNextDeadline | null; readonly openedAt: string; readonly id: string },
  b: typeof a,
): number {
  if (a.overdue !== b.overdue) return a.overdue ? -1 : 1;
  const dateA = a.nextDeadline?.date ?? '9999-12-31';
  const dateB = b.nextDeadline?.date ?? '9999-12-31';
  if (dateA !== dateB) return dateA < dateB ? -1 : 1;
  if (a.openedAt !== b.openedAt) return a.openedAt < b.openedAt ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
