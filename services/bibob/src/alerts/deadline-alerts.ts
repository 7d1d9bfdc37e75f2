import type { ScreeningDeadlineAlertJobData, Jobs } from '@signaalhub/contracts';
import { computeDeadlines, parseTimeline, type DeadlineCalendar } from '@signaalhub/deadlines';
import type { Logger } from '@signaalhub/logging';
import type { DelayedJobs } from '@signaalhub/service-kit';
import { timelineOf } from '../screenings/screening-reader.js';
import type { ScreeningStore } from '../screenings/screening-store.js';
import { alertJobs, deadlinesOf, type ScreeningDeadlines } from './alert-plan.js';
import type { AlertStore, ScheduleCandidate } from './alert-store.js';

export interface DeadlineAlertsParts {
  readonly screenings: ScreeningStore;
  readonly alerts: AlertStore;
  readonly jobs: DelayedJobs<typeof Jobs.screeningDeadlineAlert>;
  /** How long before a hard deadline the `nadert` alert fires. */
  readonly leadMs: number;
  /** How often screenings changed since their alerts were scheduled are rescheduled. */
  readonly sweepMs: number;
  readonly logger: Logger;
  readonly clock: () => Date;
  /** The configured Atw art. 3(3) days: the same calendar the screening page shows its dates by. */
  readonly calendar: DeadlineCalendar;
}

const NO_DEADLINES: ScreeningDeadlines = { uitersteBeslisdatum: null, lbbAdviesUiterlijk: null };

/**
 * Screenings → delayed jobs at each hard deadline (the decision date and the LBB advice due date from the
 * deadline engine) and the lead time before it → an alert stored once when one fires. The database is the
 * source, Redis only the timer: on start every open screening's jobs are added again (deterministic ids
 * with the deadline date, so nothing doubles and a lost queue is restored); a sweep reschedules every
 * screening changed since (a step that moves a deadline: old jobs removed, new ones added); the handler
 * re-reads the screening and stores nothing when it closed or the deadline moved.
 */
export class DeadlineAlerts {
  private timer: NodeJS.Timeout | undefined;
  private sweeping: Promise<void> | undefined;

  constructor(private readonly parts: DeadlineAlertsParts) {}

  async start(): Promise<void> {
    const reconciled = await this.schedule(await this.parts.alerts.candidates(true));
    this.parts.logger.info({ screenings: reconciled }, 'deadline alerts reconciled');
    this.timer = setInterval(() => {
      // The sweep catches and logs its own failures.
      void this.sweep();
    }, this.parts.sweepMs);
  }

  /** Reschedules the screenings changed since their alerts were scheduled; safe to call at any time. */
  sweep(): Promise<void> {
    this.sweeping ??= this.parts.alerts
      .candidates(false)
      .then(async (changed) => {
        await this.schedule(changed);
      })
      .catch((error: unknown) => {
        this.parts.logger.warn({ errorName: error instanceof Error ? error.name : typeof error }, 'scheduling deadline alerts failed; will retry');
      })
      .finally(() => {
        this.sweeping = undefined;
      });
    return this.sweeping;
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.sweeping;
  }

  /** The job's handler: stores the alert if the screening is open and the deadline is still on that date. */
  async fire(alert: ScreeningDeadlineAlertJobData): Promise<void> {
    const deadlines = await this.currentDeadlines(alert.screeningId);
    const stillDue = deadlines !== undefined && deadlines[alert.deadline] === alert.deadlineDate;
    const stored = stillDue && (await this.parts.alerts.record(alert, this.parts.clock()));
    this.parts.logger.info({ screeningId: alert.screeningId, deadline: alert.deadline, moment: alert.moment, stored }, 'deadline alert fired');
  }

  private async schedule(candidates: readonly ScheduleCandidate[]): Promise<number> {
    for (const candidate of candidates) {
      const deadlines = candidate.closed ? NO_DEADLINES : ((await this.currentDeadlines(candidate.id)) ?? NO_DEADLINES);
      const jobs = alertJobs(candidate.id, deadlines, this.parts.leadMs);
      const jobIds = jobs.map((job) => job.jobId);
      await this.parts.jobs.remove(candidate.jobIds.filter((id) => !jobIds.includes(id)));
      await this.parts.jobs.add(jobs);
      await this.parts.alerts.markScheduled(candidate, deadlines, jobIds);
    }
    return candidates.length;
  }

  /** Undefined for a closed or unknown screening: it has no deadlines to be alerted to. */
  private async currentDeadlines(screeningId: string): Promise<ScreeningDeadlines | undefined> {
    const screening = await this.parts.screenings.find(screeningId);
    if (screening === undefined || screening.phase === 'afgesloten') return undefined;
    const history = await this.parts.screenings.historyOf(screeningId);
    const timeline = parseTimeline({ ontvangen: screening.receivedOn, beslistermijnWeken: screening.decisionTermWeeks, gebeurtenissen: timelineOf(history) });
    return deadlinesOf(computeDeadlines(timeline, this.parts.calendar));
  }
}
