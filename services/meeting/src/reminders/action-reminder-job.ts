import type { ActionReminderJobData } from '@signaalhub/contracts';

/** Deterministic, so scheduling the same reminder twice keeps one job. */
export function actionReminderJobId(reminder: Pick<ActionReminderJobData, 'decisionId' | 'actionIndex'>): string {
  return `${reminder.decisionId}-${reminder.actionIndex}`;
}

/** A reminder is due at the start of its due date (UTC); one for a date in the past fires at once. */
export function reminderDelayMs(dueDate: string, now: Date): number {
  return Math.max(0, Date.parse(`${dueDate}T00:00:00.000Z`) - now.getTime());
}
