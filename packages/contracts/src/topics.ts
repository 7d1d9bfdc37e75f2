import type { MunicipalityId } from './municipalities.js';

/**
 * Kafka topic names. PERSISTED in the broker: never rename one — add a new version and migrate.
 * Topics carry envelopes only and are keyed by municipality (ordering per municipality).
 */
export const Topics = {
  signalSubmitted: 'signaalhub.signal.submitted.v1',
  decisionRecorded: 'signaalhub.decision.recorded.v1',
  /** Every screening lifecycle event, so opened → progressed → concluded keep their order per municipality. */
  screening: 'signaalhub.screening.v1',
  information: 'signaalhub.information.v1',
  /** Every permit lifecycle event, so decided → suspended → reinstated keep their order per municipality. */
  permit: 'signaalhub.permit.v1',
  handover: 'signaalhub.handover.v1',
  feedPublished: 'signaalhub.feed.published.v1',
} as const;
export type TopicName = (typeof Topics)[keyof typeof Topics];

export interface TopicDefinition {
  readonly name: string;
  readonly partitions: number;
  /** -1 keeps messages forever; retention of personal data is enforced inside the envelopes' stores. */
  readonly retentionMs: number;
  readonly cleanupPolicy: 'delete' | 'compact';
}

const SEVEN_YEARS_MS = 7 * 365 * 24 * 60 * 60 * 1000;

/** The one list every service provisions from; dead-letter topics (`<topic>.dlq`) are derived by the bus. */
export const TOPIC_DEFINITIONS: readonly TopicDefinition[] = Object.values(Topics).map((name) => ({
  name,
  partitions: 6,
  retentionMs: SEVEN_YEARS_MS,
  cleanupPolicy: 'delete' as const,
}));

/**
 * BullMQ queue names. PERSISTED in Redis: never rename one — add a new version and migrate.
 */
export const Queues = {
  /** One agenda queue per municipality, e.g. `signaalhub.agenda.soest.v1`. */
  agenda: (municipality: MunicipalityId): string => `signaalhub.agenda.${municipality}.v1`,
  actionReminders: 'signaalhub.action-reminders.v1',
  screeningDeadlineAlerts: 'signaalhub.screening-deadline-alerts.v1',
} as const;
