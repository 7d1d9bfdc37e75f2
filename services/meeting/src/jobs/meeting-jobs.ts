import { Jobs, type MunicipalityId } from '@signaalhub/contracts';
import type { Logger } from '@signaalhub/logging';
import { createWorkers, type JobWorkers } from '@signaalhub/service-kit';
import type { Redis } from 'ioredis';
import { placeOnAgenda } from '../agenda/agenda-job-handler.js';
import type { AgendaStore } from '../agenda/agenda-store.js';
import type { ActionReminders } from '../reminders/action-reminders.js';

/** The catalog's jobs this service runs; each needs exactly one handler (checked at start-up). */
export const MEETING_JOBS = { agendaItem: Jobs.agendaItem, actionReminder: Jobs.actionReminder };

export interface MeetingJobParts {
  readonly connection: Redis;
  readonly prefix: string;
  readonly municipalities: readonly MunicipalityId[];
  readonly agenda: AgendaStore;
  readonly reminders: ActionReminders;
  readonly logger: Logger;
}

/** The workers of every meeting job: the agenda queues (one per municipality) and the reminder queue. */
export function meetingJobWorkers(parts: MeetingJobParts): JobWorkers {
  return createWorkers({
    connection: parts.connection,
    prefix: parts.prefix,
    municipalities: parts.municipalities,
    jobs: MEETING_JOBS,
    handlers: {
      agendaItem: placeOnAgenda(parts.agenda, parts.logger),
      actionReminder: (reminder) => parts.reminders.remind(reminder),
    },
    // Moving a job into PostgreSQL waits on the database more than on the CPU.
    concurrency: { agendaItem: 4 },
    logger: parts.logger,
  });
}
