import type { z } from 'zod';
import { DecisionRecorded } from './decision-recorded.js';
import { EventTypes, type EventType } from './event-types.js';
import { Signal } from './signal.js';

/**
 * The payload schema of every event type; `satisfies` makes a new event type without a payload a
 * compile error. Validate with it on send and on receive (DESIGN.md §9).
 */
export const EVENT_PAYLOADS = {
  [EventTypes.signalSubmitted]: Signal,
  [EventTypes.decisionRecorded]: DecisionRecorded,
} as const satisfies Record<EventType, z.ZodType>;

export type EventPayload<T extends EventType> = z.infer<(typeof EVENT_PAYLOADS)[T]>;
