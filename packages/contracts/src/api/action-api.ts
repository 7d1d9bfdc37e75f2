import { z } from 'zod';
import { Limits } from '../limits.js';

/*
 * The meeting service's actions API ("Acties"): every action of every decision with its lead party, due
 * date and status. Responses hold routing facts, dates and, for a caller whose party may open the
 * decision, the action's text and its completion note.
 */

/** Which reminder of an action: `due` some days before its due date, `overdue` at its due date. PERSISTED. */
export const ACTION_REMINDER_KINDS = ['due', 'overdue'] as const;
export const ActionReminderKind = z.enum(ACTION_REMINDER_KINDS);
export type ActionReminderKind = z.infer<typeof ActionReminderKind>;

/** `overdue` and `due` are derived from the service's clock; `done` is stored. */
export const ACTION_STATUSES = ['open', 'due', 'overdue', 'done'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

/** A reminder that fired: exactly one per action, kind and due date. */
export interface ActionReminderNotice {
  readonly kind: ActionReminderKind;
  readonly dueDate: string;
  readonly notedAt: string;
}

/** One line of `GET /api/actions`. */
export interface ActionView {
  readonly decisionId: string;
  readonly actionIndex: number;
  readonly itemId: string;
  readonly municipality: string;
  readonly leadParty: string;
  readonly dueDate: string;
  readonly status: ActionStatus;
  /** Undefined when the caller's party is not a recipient of the decision. */
  readonly description?: string;
  readonly done?: { readonly doneOn: string; readonly byParty: string; readonly note?: string };
  /** Reminders of the current due date that fired, oldest first. */
  readonly reminders: readonly ActionReminderNotice[];
  /** The caller's party leads the action: it may mark it done. */
  readonly ledByCaller: boolean;
}

/** `POST /api/actions/:decisionId/:actionIndex/done`: only members of the lead party. */
export const ActionDoneRequest = z.strictObject({
  doneOn: z.iso.date(),
  note: z.string().trim().min(1).max(Limits.freeTextLength),
});
export type ActionDoneRequest = z.infer<typeof ActionDoneRequest>;

/** `POST /api/actions/:decisionId/:actionIndex/due-date`: moves the action and its reminders. */
export const ActionDueDateRequest = z.strictObject({
  dueDate: z.iso.date(),
});
export type ActionDueDateRequest = z.infer<typeof ActionDueDateRequest>;

/** The sealed completion note (payload of `action.completed`): free text may name people, so it is ciphertext at rest. */
export const ActionCompleted = z.strictObject({
  decisionId: z.uuid(),
  actionIndex: z.number().int().min(0),
  doneOn: z.iso.date(),
  note: z.string().max(Limits.freeTextLength),
});
export type ActionCompleted = z.infer<typeof ActionCompleted>;
