import { z } from 'zod';

/** Reminder job data. PERSISTED in Redis. Ids and a date only: the action's text stays in the sealed decision. */
export const ActionReminderJobData = z.strictObject({
  decisionId: z.uuid(),
  actionIndex: z.number().int().min(0),
  dueDate: z.iso.date(),
});
export type ActionReminderJobData = z.infer<typeof ActionReminderJobData>;

/** Job name inside the reminder queue. PERSISTED in Redis. */
export const ACTION_REMINDER_JOB_NAME = 'action-reminder';

/** Deterministic, so scheduling the same reminder twice keeps one job. */
export function actionReminderJobId(reminder: Pick<ActionReminderJobData, 'decisionId' | 'actionIndex'>): string {
  return `${reminder.decisionId}-${reminder.actionIndex}`;
}

/** A reminder is due at the start of its due date (UTC); one for a date in the past fires at once. */
export function reminderDelayMs(dueDate: string, now: Date): number {
  return Math.max(0, Date.parse(`${dueDate}T00:00:00.000Z`) - now.getTime());
}
