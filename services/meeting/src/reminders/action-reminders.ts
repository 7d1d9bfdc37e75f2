import { Jobs, type ActionReminderJobData } from '@signaalhub/contracts';
import type { Logger } from '@signaalhub/logging';
import { CAPPED_BACKOFF } from '@signaalhub/service-kit';
import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import type { ActionStore, OpenAction } from '../actions/action-store.js';
import { reminderJobIds, remindersToSchedule } from './reminder-schedule.js';

const SWEEP_INTERVAL_MS = 5_000;

/**
 * Actions → delayed BullMQ jobs (`due` some days before the due date, `overdue` at it) → a stored notice
 * when one fires (`remind`, the job's handler). The database is the source, Redis only the timer:
 * - on start every open action's pending reminders are added again (deterministic ids, so nothing is
 *   doubled), which also restores jobs a Redis restart lost;
 * - a sweep schedules actions not yet scheduled (new decisions, moved dates, a Redis hiccup);
 * - the handler notes a reminder only if the action is still open on that due date, once (unique key).
 */
export class ActionReminders {
  private readonly queue: Queue<ActionReminderJobData>;
  private timer: NodeJS.Timeout | undefined;
  private sweeping: Promise<void> | undefined;

  constructor(
    private readonly actions: ActionStore,
    connection: Redis,
    prefix: string,
    private readonly leadDays: number,
    private readonly logger: Logger,
    private readonly clock: () => Date,
  ) {
    this.queue = new Queue<ActionReminderJobData>(Jobs.actionReminder.queue, { connection, prefix });
  }

  /** Reconciles every open action, then sweeps now and then; the job's worker is made from the job catalog. */
  async start(): Promise<void> {
    const scheduled = await this.schedule(await this.actions.open({ unscheduledOnly: false }));
    this.logger.info({ actions: scheduled }, 'action reminders reconciled');
    this.timer = setInterval(() => {
      this.sweep();
    }, SWEEP_INTERVAL_MS);
  }

  /** Schedules every action that has no jobs for its current due date yet; safe to call at any time. */
  sweep(): void {
    if (this.sweeping !== undefined) return;
    this.sweeping = this.actions
      .open({ unscheduledOnly: true })
      .then(async (open) => {
        await this.schedule(open);
      })
      .catch((error: unknown) => {
        this.logger.warn({ errorName: error instanceof Error ? error.name : typeof error }, 'scheduling reminders failed; will retry');
      })
      .finally(() => {
        this.sweeping = undefined;
      });
  }

  /** Done or moved: the jobs of that due-date version go (a job that runs anyway finds nothing to note). */
  async unschedule(action: Pick<OpenAction, 'decisionId' | 'actionIndex' | 'dueDateVersion'>): Promise<void> {
    for (const jobId of reminderJobIds(action)) {
      // A job that is running right now cannot be removed; it re-reads the action and does nothing.
      await this.queue.remove(jobId).catch(() => 0);
    }
  }

  async close(): Promise<void> {
    clearInterval(this.timer);
    await this.sweeping;
    await this.queue.close();
  }

  /** The reminder job's handler: notes the reminder if the action is still open on that due date. */
  async remind(job: ActionReminderJobData): Promise<void> {
    const noted = await this.actions.note(job, this.clock());
    this.logger.info({ decisionId: job.decisionId, actionIndex: job.actionIndex, kind: job.kind, dueDateVersion: job.dueDateVersion, noted }, 'action reminder fired');
  }

  private async schedule(open: readonly OpenAction[]): Promise<number> {
    for (const action of open) {
      for (const job of remindersToSchedule({ ...action, done: false }, action.noted, this.leadDays, this.clock())) {
        await this.queue.add(Jobs.actionReminder.name, job.data, {
          jobId: job.jobId,
          delay: job.delayMs,
          attempts: 1_000,
          backoff: CAPPED_BACKOFF,
          removeOnComplete: { age: 30 * 24 * 60 * 60 },
          removeOnFail: false,
        });
      }
      await this.actions.markScheduled(action);
    }
    return open.length;
  }
}
