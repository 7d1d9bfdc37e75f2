import { z } from 'zod';

/**
 * Event type names, carried in the envelope header's `type` field. PERSISTED in Kafka and in every
 * store that keeps envelopes: never rename one — add a new one and migrate. Named `entity.past_tense`.
 */
export const EventTypes = {
  signalSubmitted: 'signal.submitted',
  decisionRecorded: 'decision.recorded',
} as const;

export const EventType = z.enum([EventTypes.signalSubmitted, EventTypes.decisionRecorded]);
export type EventType = z.infer<typeof EventType>;
