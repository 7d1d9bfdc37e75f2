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
  /** How often the safety net reschedules screenings whose alerts do not follow their latest change. */
  readonly sweepMs: number;
  readonly logger: Logger;
  readonly clock: () => Date;
  /** The configured Atw art. 3(3) days: the same calendar the screening page shows its dates by. */
  readonly calendar: DeadlineCalendar;
}

/** How long a step waits for its alerts to be rescheduled before it answers without them. */
export const FOLLOW_WAIT_MS = 5_000;

const NO_DEADLINES: ScreeningDeadlines = { uitersteBeslisdatum: null, lbbAdviesUiterlijk: null };

/**
 * Screenings → delayed jobs at each hard deadline (the decision date and the LBB advice due date from the
 * deadline engine) and the lead time before it → an alert stored once when one fires. The database is the
 * source, Redis only the timer:
 * - a step that may move a deadline calls `follow` once its transaction committed: old jobs removed, new
 *   ones added, before the step answers (at most FOLLOW_WAIT_MS: a Redis that is away does not hold it);
 * - on start, and whenever the Redis connection comes back, every open screening's jobs are added again
 *   (deterministic ids with the deadline date, so nothing doubles and a lost queue is restored);
 * - a slow sweep is the safety net for a step whose `follow` never finished (the service died between the
 *   commit and Redis, or Redis was away): the schedule row records which change the jobs follow, so a
 *   screening changed since is found and rescheduled;
 * - the handler re-reads the screening and stores nothing when it closed or the deadline moved.
 */
export class DeadlineAlerts {
  private timer: NodeJS.Timeout | undefined;
  private sweeping: Promise<void> | undefined;
  /** The next sweep takes every open screening (Redis came back, maybe without its data). */
  private reconcileRequested = false;

  constructor(private readonly parts: DeadlineAlertsParts) {}

  async start(): Promise<void> {
    const reconciled = await this.schedule(await this.parts.alerts.candidates(true));
    this.parts.logger.info({ screenings: reconciled }, 'deadline alerts reconciled');
    this.parts.jobs.onReconnect(() => {
      this.reconcileRequested = true;
      // The sweep catches and logs its own failures.
      void this.sweep();
    });
    this.timer = setInterval(() => {
      void this.sweep();
    }, this.parts.sweepMs);
  }

  /**
   * After a step committed: the screening's jobs follow its deadlines now. A failure is logged, not thrown —
   * the step stands, and the sweep reschedules the screening (its schedule row still names the older change).
   * Never called inside the step's transaction: jobs moved for a step that then rolls back would follow
   * dates that never were, and nothing would notice.
   */
  async follow(screeningId: string): Promise<void> {
    const rescheduled = (async (): Promise<'done'> => {
      try {
        const candidate = await this.parts.alerts.candidate(screeningId);
        if (candidate !== undefined) await this.schedule([candidate]);
      } catch (error) {
        this.parts.logger.warn({ screeningId, errorName: error instanceof Error ? error.name : typeof error }, 'rescheduling deadline alerts after a step failed; the sweep retries');
      }
      return 'done';
    })();
    // BullMQ waits for an unreachable Redis without end; the step has committed, so it answers anyway and
    // the jobs follow when Redis is back (this call goes on, and the sweep and the reconnect reconcile too).
    let timer: NodeJS.Timeout | undefined;
    const waited = new Promise<'waited'>((resolve) => {
      timer = setTimeout(() => {
        resolve('waited');
      }, FOLLOW_WAIT_MS);
    });
    const outcome = await Promise.race([rescheduled, waited]);
    clearTimeout(timer);
    if (outcome === 'waited') this.parts.logger.warn({ screeningId }, 'deadline alerts not yet rescheduled (Redis slow or away); the step answers, the jobs follow');
  }

  /**
   * Reschedules the screenings changed since their alerts were scheduled (every open one after Redis came
   * back; a request that arrives during a sweep is taken by the next); safe to call at any time.
   */
  sweep(): Promise<void> {
    if (this.sweeping !== undefined) return this.sweeping;
    const all = this.reconcileRequested;
    this.reconcileRequested = false;
    let failed = false;
    this.sweeping = this.parts.alerts
      .candidates(all)
      .then(async (changed) => {
        const scheduled = await this.schedule(changed);
        if (all) this.parts.logger.info({ screenings: scheduled }, 'deadline alerts reconciled after Redis reconnected');
      })
      .catch((error: unknown) => {
        failed = true;
        if (all) this.reconcileRequested = true;
        this.parts.logger.warn({ errorName: error instanceof Error ? error.name : typeof error }, 'scheduling deadline alerts failed; will retry');
      })
      .finally(() => {
        this.sweeping = undefined;
        // Redis came back during this sweep: reconcile now rather than at the next (slow) tick; after a
        // failure the tick retries, so a Redis still away is not hammered.
        if (!failed && this.reconcileRequested && this.timer !== undefined) void this.sweep();
      });
    return this.sweeping;
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
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
