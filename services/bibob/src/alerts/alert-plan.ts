import { DEADLINE_ALERT_MOMENTS, SCREENING_DEADLINES, type ScreeningDeadline, type ScreeningDeadlineAlertJobData } from '@signaalhub/contracts';
import type { DeadlineOutcome } from '@signaalhub/deadlines';
import type { TimedJob } from '@signaalhub/service-kit';

const DAY_MS = 24 * 60 * 60 * 1000;

/** A screening's hard deadlines as the engine computed them; null where a date is still open. */
export type ScreeningDeadlines = Readonly<Record<ScreeningDeadline, string | null>>;

export function deadlinesOf(outcome: DeadlineOutcome): ScreeningDeadlines {
  return { uitersteBeslisdatum: outcome.uitersteBeslisdatum, lbbAdviesUiterlijk: outcome.lbbAdviesUiterlijk };
}

/** Screening, deadline, its date and the moment: the same alert keeps one job; a moved date gets new ids. */
export function alertJobId(alert: ScreeningDeadlineAlertJobData): string {
  return `${alert.screeningId}-${alert.deadline}-${alert.deadlineDate}-${alert.moment}`;
}

/** A deadline date is the last day allowed: `verstreken` at its end (UTC), `nadert` the lead time before. */
export function alertFiresAt(alert: Pick<ScreeningDeadlineAlertJobData, 'deadlineDate' | 'moment'>, leadMs: number): Date {
  const passesAt = Date.parse(`${alert.deadlineDate}T00:00:00.000Z`) + DAY_MS;
  return new Date(alert.moment === 'verstreken' ? passesAt : passesAt - leadMs);
}

/** Two alerts per known deadline; none for a date an open suspension leaves open. */
export function alertJobs(screeningId: string, deadlines: ScreeningDeadlines, leadMs: number): TimedJob<ScreeningDeadlineAlertJobData>[] {
  return SCREENING_DEADLINES.flatMap((deadline) => {
    const deadlineDate = deadlines[deadline];
    if (deadlineDate === null) return [];
    return DEADLINE_ALERT_MOMENTS.map((moment) => {
      const data: ScreeningDeadlineAlertJobData = { screeningId, deadline, deadlineDate, moment };
      return { jobId: alertJobId(data), data, fireAt: alertFiresAt(data, leadMs) };
    });
  });
}
