import type { Logger } from '@signaalhub/logging';
import { Queue, UnrecoverableError, Worker, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Pool } from 'pg';
import { cappedBackoffMs } from '../agenda/capped-backoff.js';
import { quotedSchema } from '../infrastructure/database-schema.js';
import { Queues } from '@signaalhub/contracts';
import {
  ACTION_REMINDER_JOB_NAME,
  ActionReminderJobData,
  actionReminderJobId,
  reminderDelayMs,
} from './action-reminder-job.js';

const SWEEP_INTERVAL_MS = 5_000;

/**
 * Due dates of decided actions → delayed BullMQ jobs → "reminder due" recorded when they fire. The
 * database row is the source: a sweep schedules every row not yet scheduled, so a Redis hiccup right after
 * a decision only delays its reminders.
 */
export class ActionReminders {
  private readonly queue: Queue<ActionReminderJobData>;
  private worker: Worker<ActionReminderJobData> | undefined;
  private readonly table: string;
  private timer: NodeJS.Timeout | undefined;
  private sweeping: Promise<void> | undefined;

  constructor(
    private readonly pool: Pool,
    schema: string,
    private readonly connection: Redis,
    private readonly prefix: string,
    private readonly logger: Logger,
    private readonly clock: () => Date = () => new Date(),
  ) {
    this.table = `${quotedSchema(schema)}.action_reminders`;
    this.queue = new Queue<ActionReminderJobData>(Queues.actionReminders, { connection, prefix });
  }

  get queueName(): string {
    return this.queue.name;
  }

  async start(): Promise<void> {
    this.worker = new Worker<ActionReminderJobData>(Queues.actionReminders, (job) => this.remind(job), {
      connection: this.connection,
      prefix: this.prefix,
      settings: { backoffStrategy: (attemptsMade: number) => cappedBackoffMs(attemptsMade) },
    });
    this.worker.on('error', (error) => {
      this.logger.warn({ queue: Queues.actionReminders, errorName: error.name }, 'reminder worker error');
    });
    await this.worker.waitUntilReady();
    this.timer = setInterval(() => {
      this.sweep();
    }, SWEEP_INTERVAL_MS);
    this.sweep();
  }

  /** Schedules every reminder row that has no job yet; safe to call at any time. */
  sweep(): void {
    if (this.sweeping !== undefined) return;
    this.sweeping = this.scheduleUnscheduled()
      .then(() => undefined)
      .catch((error: unknown) => {
        this.logger.warn({ errorName: error instanceof Error ? error.name : typeof error }, 'scheduling reminders failed; will retry');
      })
      .finally(() => {
        this.sweeping = undefined;
      });
  }

  async scheduleUnscheduled(): Promise<number> {
    const rows = await this.pool.query<{ decision_id: string; action_index: number; due_date: string }>(
      `SELECT decision_id, action_index, to_char(due_date, 'YYYY-MM-DD') AS due_date FROM ${this.table} WHERE scheduled_at IS NULL LIMIT 500`,
    );
    for (const row of rows.rows) {
      const data: ActionReminderJobData = { decisionId: row.decision_id, actionIndex: row.action_index, dueDate: row.due_date };
      await this.queue.add(ACTION_REMINDER_JOB_NAME, data, {
        jobId: actionReminderJobId(data),
        delay: reminderDelayMs(data.dueDate, this.clock()),
        attempts: 1_000,
        backoff: { type: 'capped' },
        removeOnComplete: { age: 30 * 24 * 60 * 60 },
        removeOnFail: false,
      });
      await this.pool.query(`UPDATE ${this.table} SET scheduled_at = now() WHERE decision_id = $1 AND action_index = $2`, [
        row.decision_id,
        row.action_index,
      ]);
    }
    return rows.rows.length;
  }

  async close(): Promise<void> {
    clearInterval(this.timer);
    await this.sweeping;
    await this.worker?.close();
    await this.queue.close();
  }

  private async remind(job: Job<ActionReminderJobData>): Promise<void> {
    const parsed = ActionReminderJobData.safeParse(job.data);
    if (!parsed.success) throw new UnrecoverableError(`reminder job ${String(job.id)} has the wrong shape`);
    const { decisionId, actionIndex, dueDate } = parsed.data;
    await this.pool.query(`UPDATE ${this.table} SET reminded_at = now() WHERE decision_id = $1 AND action_index = $2 AND reminded_at IS NULL`, [
      decisionId,
      actionIndex,
    ]);
    this.logger.info({ decisionId, actionIndex, dueDate }, 'action reminder due');
  }
}
