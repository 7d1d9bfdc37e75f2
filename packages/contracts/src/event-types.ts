import { z } from 'zod';

/**
 * Event type names, carried in the envelope header's `type` field. PERSISTED in Kafka and in every
 * store that keeps envelopes: never rename one — add a new one and migrate. Named `entity.past_tense`.
 * The events between the services are DESIGN.md §6; `EVENT_CATALOG` says what each one carries.
 */
export const EventTypes = {
  signalSubmitted: 'signal.submitted',
  decisionRecorded: 'decision.recorded',
  /** Sealed and stored by the meeting (the note of a completed action); not published yet. */
  actionCompleted: 'action.completed',
  screeningRequested: 'screening.requested',
  screeningOpened: 'screening.opened',
  screeningProgressed: 'screening.progressed',
  screeningConcluded: 'screening.concluded',
  screeningDisclosed: 'screening.disclosed',
  informationRequested: 'information.requested',
  informationAnswered: 'information.answered',
  permitDecided: 'permit.decided',
  permitSuspended: 'permit.suspended',
  permitReinstated: 'permit.reinstated',
  permitRevoked: 'permit.revoked',
  permitExpired: 'permit.expired',
  handoverAccepted: 'handover.accepted',
  handoverReturned: 'handover.returned',
  feedPublished: 'feed.published',
} as const;

export const EVENT_TYPES = Object.values(EventTypes) as [
  (typeof EventTypes)[keyof typeof EventTypes],
  ...(typeof EventTypes)[keyof typeof EventTypes][],
];
export const EventType = z.enum(EVENT_TYPES);
export type EventType = z.infer<typeof EventType>;
