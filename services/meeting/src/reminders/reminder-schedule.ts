import { ACTION_REMINDER_KINDS, type ActionReminderJobData, type ActionReminderKind, type ActionStatus } from '@signaalhub/contracts';

const DAY_MS = 24 * 60 * 60 * 1000;

/** What the reminder rules need to know of an action. */
export interface ScheduledAction {
  readonly decisionId: string;
  readonly actionIndex: number;
  readonly dueDate: string;
  readonly dueDateVersion: number;
  readonly done: boolean;
}

/** One delayed job to add: its deterministic id, its data (ids only) and how long BullMQ waits. */
export interface ReminderJob {
  readonly jobId: string;
  readonly data: ActionReminderJobData;
  readonly delayMs: number;
}

/** Action, kind and due-date version: adding the same reminder twice keeps one job; a moved date gets new ids. */
export function reminderJobId(reminder: Pick<ActionReminderJobData, 'decisionId' | 'actionIndex' | 'kind' | 'dueDateVersion'>): string {
  return `${reminder.decisionId}-${reminder.actionIndex}-${reminder.kind}-v${String(reminder.dueDateVersion)}`;
}

/** `overdue` at the start of the due date (UTC), `due` `leadDays` days earlier. */
export function reminderFiresAt(dueDate: string, kind: ActionReminderKind, leadDays: number): Date {
  const dueAt = Date.parse(`${dueDate}T00:00:00.000Z`);
  return new Date(kind === 'overdue' ? dueAt : dueAt - leadDays * DAY_MS);
}

/**
 * The reminders an action still needs: none when it is done, none for a kind already noted for this due
 * date; a reminder whose time has passed fires at once (delay 0), so a service that was down catches up.
 */
export function remindersToSchedule(action: ScheduledAction, noted: readonly ActionReminderKind[], leadDays: number, now: Date): ReminderJob[] {
  if (action.done) return [];
  return ACTION_REMINDER_KINDS.filter((kind) => !noted.includes(kind)).map((kind) => {
    const data: ActionReminderJobData = {
      decisionId: action.decisionId,
      actionIndex: action.actionIndex,
      dueDate: action.dueDate,
      kind,
      dueDateVersion: action.dueDateVersion,
    };
    return { jobId: reminderJobId(data), data, delayMs: Math.max(0, reminderFiresAt(action.dueDate, kind, leadDays).getTime() - now.getTime()) };
  });
}

/** The job ids of every reminder of one due-date version: removed when the action is done or moved. */
export function reminderJobIds(action: Pick<ScheduledAction, 'decisionId' | 'actionIndex' | 'dueDateVersion'>): string[] {
  return ACTION_REMINDER_KINDS.map((kind) => reminderJobId({ ...action, kind }));
}

/** Status as people see it, from the application clock: done, else overdue from the due date, else due within the lead. */
export function actionStatus(action: { readonly dueDate: string; readonly done: boolean }, leadDays: number, now: Date): ActionStatus {
  if (action.done) return 'done';
  if (now >= reminderFiresAt(action.dueDate, 'overdue', leadDays)) return 'overdue';
  if (now >= reminderFiresAt(action.dueDate, 'due', leadDays)) return 'due';
  return 'open';
}
