import { z } from 'zod';
import { ActionReminderKind } from './api/action-api.js';
import { Envelope } from './envelope-header.js';
import { EnvelopeMessageId } from './header-fields.js';
import { MunicipalityId } from './municipalities.js';
import { PartyId } from './parties.js';
import { Theme } from './themes.js';
import { Queues } from './topics.js';

/**
 * One kind of BullMQ job. Its name and queue are PERSISTED in Redis: never rename one — add a new job.
 * Job data is checked against `data` when a worker takes the job; it holds ids, routing facts and
 * envelopes (ciphertext) only — never personal data.
 */
export interface JobDefinition<Data extends z.ZodType = z.ZodType> {
  /** The job's name inside its queue. */
  readonly name: string;
  /** One queue, or one queue per municipality (named by the function). */
  readonly queue: string | ((municipality: MunicipalityId) => string);
  readonly data: Data;
}

/** The jobs a service runs, by a key of its choosing; each needs exactly one handler. */
export type JobCatalog = Readonly<Record<string, JobDefinition>>;

export type JobData<Job extends JobDefinition> = z.infer<Job['data']>;

/**
 * An agenda job: the envelope as it arrived (ciphertext) plus routing facts. Add fields compatibly;
 * personal data stays inside `envelope.body`.
 */
export const AgendaJobData = z.strictObject({
  envelope: Envelope,
  messageId: EnvelopeMessageId,
  signalId: z.uuid(),
  municipality: MunicipalityId,
  theme: Theme,
  /** The envelope's signed creation time: stable under redelivery, so the job never changes. */
  receivedAt: z.iso.datetime(),
  reporterParty: PartyId,
});
export type AgendaJobData = z.infer<typeof AgendaJobData>;

/**
 * A reminder of a decided action: ids, a date and a version only; the action's text stays in the sealed
 * decision. `kind` and `dueDateVersion` were added later: a job queued before them is the at-the-due-date
 * reminder of the first due date.
 */
export const ActionReminderJobData = z.strictObject({
  decisionId: z.uuid(),
  actionIndex: z.number().int().min(0),
  dueDate: z.iso.date(),
  kind: ActionReminderKind.default('overdue'),
  /** Counts the due date's changes: a job of an older version finds its action moved and does nothing. */
  dueDateVersion: z.number().int().min(0).default(0),
});
export type ActionReminderJobData = z.output<typeof ActionReminderJobData>;

/** Every job of the hub. Workers are created from these entries (`createWorkers` in the service kit). */
export const Jobs = {
  /** A signal admitted by the meeting, on its way from Kafka into the agenda table. */
  agendaItem: { name: 'agenda-item', queue: Queues.agenda, data: AgendaJobData },
  /** A decided action whose due date comes near (`due`) or has come (`overdue`). */
  actionReminder: { name: 'action-reminder', queue: Queues.actionReminders, data: ActionReminderJobData },
} as const satisfies JobCatalog;

/** The queues a job travels on: its one queue, or one per municipality the service serves. */
export function jobQueueNames(job: JobDefinition, municipalities: readonly MunicipalityId[]): string[] {
  const { queue } = job;
  return typeof queue === 'string' ? [queue] : municipalities.map((municipality) => queue(municipality));
}
