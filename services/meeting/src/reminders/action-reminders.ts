import { Jobs, type ActionReminderJobData } from '@signaalhub/contracts';
import type { Logger } from '@signaalhub/logging';
import { DelayedJobs } from '@signaalhub/service-kit';
import type { Redis } from 'ioredis';
import type { ActionStore, OpenAction } from '../actions/action-store.js';
import { reminderJobIds, remindersToSchedule } from './reminder-schedule.js';

const SWEEP_INTERVAL_MS = 5_000;

/**
 * Actions → delayed BullMQ jobs (`due` some days before the due date, `overdue` at it) → a stored notice
 * when one fires (`remind`, the job's handler). The database is the source, Redis only the timer:
 * - on start, and whenever the Redis connection comes back, every open action's pending reminders are
 *   added again (deterministic ids, so nothing is doubled), which restores jobs a Redis restart lost;
 * - a sweep schedules actions not yet scheduled (new decisions, moved dates, a Redis hiccup);
 * - the handler notes a reminder only if the action is still open on that due date, once (unique key).
 */
export class ActionReminders {
  private readonly jobs: DelayedJobs<typeof Jobs.actionReminder>;
  private timer: NodeJS.Timeout | undefined;
  private sweeping: Promise<void> | undefined;
  /** The next sweep takes every open action, not only the unscheduled ones (Redis came back, maybe empty). */
  private reconcileRequested = false;

  constructor(
    private readonly actions: ActionStore,
    connection: Redis,
    prefix: string,
    private readonly leadDays: number,
    private readonly logger: Logger,
    private readonly clock: () => Date,
  ) {
    this.jobs = new DelayedJobs(Jobs.actionReminder, { connection, prefix, clock });
  }

  /** Reconciles every open action, then sweeps now and then; the job's worker is made from the job catalog. */
  async start(): Promise<void> {
    const scheduled = await this.schedule(await this.actions.open({ unscheduledOnly: false }));
    this.logger.info({ actions: scheduled }, 'action reminders reconciled');
    this.jobs.onReconnect(() => {
      this.reconcileRequested = true;
      this.sweep();
    });
    this.timer = setInterval(() => {
      this.sweep();
    }, SWEEP_INTERVAL_MS);
  }

  /**
   * Schedules every action that has no jobs for its current due date yet (every open action after Redis
   * came back; a request that arrives during a sweep is taken by the next one); safe to call at any time.
   */
  sweep(): void {
    if (this.sweeping !== undefined) return;
    const all = this.reconcileRequested;
    this.reconcileRequested = false;
    this.sweeping = this.actions
      .open({ unscheduledOnly: !all })
      .then(async (open) => {
        const scheduled = await this.schedule(open);
        if (all) this.logger.info({ actions: scheduled }, 'action reminders reconciled after Redis reconnected');
      })
      .catch((error: unknown) => {
        if (all) this.reconcileRequested = true;
        this.logger.warn({ errorName: error instanceof Error ? error.name : typeof error }, 'scheduling reminders failed; will retry');
      })
      .finally(() => {
        this.sweeping = undefined;
      });
  }

  /** Done or moved: the jobs of that due-date version go (a job that runs anyway finds nothing to note). */
  async unschedule(action: Pick<OpenAction, 'decisionId' | 'actionIndex' | 'dueDateVersion'>): Promise<void> {
    // A job that is running right now cannot be removed; it re-reads the action and does nothing.
    await this.jobs.remove(reminderJobIds(action));
  }

  async close(): Promise<void> {
    clearInterval(this.timer);
    await this.sweeping;
    await this.jobs.close();
  }

  /** The reminder job's handler: notes the reminder if the action is still open on that due date. */
  async remind(job: ActionReminderJobData): Promise<void> {
    const noted = await this.actions.note(job, this.clock());
    this.logger.info({ decisionId: job.decisionId, actionIndex: job.actionIndex, kind: job.kind, dueDateVersion: job.dueDateVersion, noted }, 'action reminder fired');
  }

  private async schedule(open: readonly OpenAction[]): Promise<number> {
    for (const action of open) {
      const now = this.clock();
      const jobs = remindersToSchedule({ ...action, done: false }, action.noted, this.leadDays, now);
      await this.jobs.add(jobs.map((job) => ({ jobId: job.jobId, data: job.data, fireAt: new Date(now.getTime() + job.delayMs) })));
      await this.actions.markScheduled(action);
    }
    return open.length;
  }
}
