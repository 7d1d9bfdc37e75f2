import { Jobs, type ActionReminderJobData } from '@signaalhub/contracts';
import type { Logger } from '@signaalhub/logging';
import { CAPPED_BACKOFF } from '@signaalhub/service-kit';
import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Pool } from 'pg';
import { quotedSchema } from '@signaalhub/database';
import { actionReminderJobId, reminderDelayMs } from './action-reminder-job.js';

const SWEEP_INTERVAL_MS = 5_000;

/**
 * Due dates of decided actions → delayed BullMQ jobs → "reminder due" recorded when they fire (`remind`, the
 * job's handler). The database row is the source: a sweep schedules every row not yet scheduled, so a Redis
 * hiccup right after a decision only delays its reminders.
 */
export class ActionReminders {
  private readonly queue: Queue<ActionReminderJobData>;
  private readonly table: string;
  private timer: NodeJS.Timeout | undefined;
  private sweeping: Promise<void> | undefined;

  constructor(
    private readonly pool: Pool,
    schema: string,
    connection: Redis,
    prefix: string,
    private readonly logger: Logger,
    private readonly clock: () => Date = () => new Date(),
  ) {
    this.table = `${quotedSchema(schema)}.action_reminders`;
    this.queue = new Queue<ActionReminderJobData>(Jobs.actionReminder.queue, { connection, prefix });
  }

  get queueName(): string {
    return this.queue.name;
  }

  /** Starts the sweep; the reminder job's worker is made from the job catalog with the service's other workers. */
  start(): void {
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
      await this.queue.add(Jobs.actionReminder.name, data, {
        jobId: actionReminderJobId(data),
        delay: reminderDelayMs(data.dueDate, this.clock()),
        attempts: 1_000,
        backoff: CAPPED_BACKOFF,
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
    await this.queue.close();
  }

  /** The reminder job's handler: records that the reminder is due (once). */
  async remind({ decisionId, actionIndex, dueDate }: ActionReminderJobData): Promise<void> {
    await this.pool.query(`UPDATE ${this.table} SET reminded_at = now() WHERE decision_id = $1 AND action_index = $2 AND reminded_at IS NULL`, [
      decisionId,
      actionIndex,
    ]);
    this.logger.info({ decisionId, actionIndex, dueDate }, 'action reminder due');
  }
}
