import { z } from 'zod';
import { ActionCompleted } from './api/action-api.js';
import { Approach, DecisionRecorded } from './decision-recorded.js';
import { EventTypes, type EventType } from './event-types.js';
import { HandoverAccepted, HandoverReturned } from './handover.js';
import { HeaderMatchTokens, lowercaseUuid } from './header-fields.js';
import { FeedPublished } from './feed-published.js';
import { InformationAnswered, InformationRequested } from './information.js';
import { MunicipalityId } from './municipalities.js';
import { PermitEvent } from './permit-registry.js';
import {
  ScreeningConcluded,
  ScreeningDisclosed,
  ScreeningId,
  ScreeningKind,
  ScreeningMilestone,
  ScreeningOpened,
  ScreeningProgressed,
  ScreeningRequested,
} from './screening.js';
import { Signal } from './signal.js';
import { ReportDate } from './signal-import.js';
import { Theme } from './themes.js';
import { Topics, type TopicName } from './topics.js';

/*
 * The events between the services (DESIGN.md §6): per type the topic it travels on, the version of
 * its payload schema, the routing facts its envelope header v2 carries in cleartext, and the payload
 * schema. Routing facts are never personal data and never a Bibob outcome: a screening's header says
 * which screening and which milestone, not what was found. Every enum value below is PERSISTED.
 */

/** Status of a permit as the public register shows it; PERSISTED in headers. */
export const PERMIT_STATUSES = ['granted', 'refused', 'suspended', 'revoked', 'expired'] as const;
export const PermitStatus = z.enum(PERMIT_STATUSES);
export type PermitStatus = z.infer<typeof PermitStatus>;

/** Kinds of object whose owner an information request goes to; PERSISTED in headers. */
export const INFORMATION_OBJECT_KINDS = ['signal', 'screening', 'permit'] as const;
export const InformationObjectKind = z.enum(INFORMATION_OBJECT_KINDS);
export type InformationObjectKind = z.infer<typeof InformationObjectKind>;

/** A feed period: a month (`2026-03`) or a quarter (`2026-Q1`). */
export const FeedPeriod = z.string().regex(/^\d{4}-(?:0[1-9]|1[0-2]|Q[1-4])$/, 'period must be YYYY-MM or YYYY-Qn');

export const FeedReleaseId = lowercaseUuid('releaseId');

const screeningFacts = { municipality: MunicipalityId, screeningId: ScreeningId };
const permitFacts = <S extends z.ZodType<PermitStatus>>(status: S) => ({ municipality: MunicipalityId, status, matchTokens: HeaderMatchTokens });

export interface EventDefinition {
  /** The Kafka topic the event travels on. */
  readonly topic: TopicName;
  /** Version of the payload schema (the header's `schemaVersion`). */
  readonly schemaVersion: number;
  /** The routing facts of header v2 for this type, beside the facts every header has. */
  readonly facts: z.ZodRawShape;
  /**
   * The payload schema; `undefined` while no service produces the event yet (its payload is defined
   * by the service that first sends it, not guessed here).
   */
  readonly payload: z.ZodType | undefined;
}

/** `satisfies` makes an event type without a catalog entry a compile error. */
export const EVENT_CATALOG = {
  [EventTypes.signalSubmitted]: {
    topic: Topics.signalSubmitted,
    schemaVersion: 1,
    // reportedOn: only on a historical import (its original report day; `createdAt` stays the sealing time, which
    // every reader's freshness check needs). The feed counts such a signal in the periods of that day.
    facts: { municipality: MunicipalityId, theme: Theme, matchTokens: HeaderMatchTokens, reportedOn: ReportDate.optional() },
    payload: Signal,
  },
  [EventTypes.decisionRecorded]: {
    topic: Topics.decisionRecorded,
    schemaVersion: 1,
    // signalId (optional: decisions sealed before it was added lack it) lets the feed measure lead times from headers.
    facts: { municipality: MunicipalityId, approach: Approach, riecHandover: z.boolean(), signalId: lowercaseUuid('signalId').optional() },
    payload: DecisionRecorded,
  },
  // Follow-up of a decision: it would travel with the decisions, in their order per municipality.
  [EventTypes.actionCompleted]: {
    topic: Topics.decisionRecorded,
    schemaVersion: 1,
    facts: { municipality: MunicipalityId },
    payload: ActionCompleted,
  },
  [EventTypes.screeningRequested]: {
    topic: Topics.screening,
    schemaVersion: 1,
    // `permitKind` is the header field's persisted name; its values are the screening kinds.
    facts: { municipality: MunicipalityId, permitKind: ScreeningKind, matchTokens: HeaderMatchTokens },
    payload: ScreeningRequested,
  },
  [EventTypes.screeningOpened]: { topic: Topics.screening, schemaVersion: 1, facts: screeningFacts, payload: ScreeningOpened },
  [EventTypes.screeningProgressed]: {
    topic: Topics.screening,
    schemaVersion: 1,
    facts: { ...screeningFacts, milestone: ScreeningMilestone },
    payload: ScreeningProgressed,
  },
  // The outcome is in the payload only: the header of a conclusion looks the same whatever was found.
  [EventTypes.screeningConcluded]: { topic: Topics.screening, schemaVersion: 1, facts: screeningFacts, payload: ScreeningConcluded },
  [EventTypes.screeningDisclosed]: { topic: Topics.screening, schemaVersion: 1, facts: screeningFacts, payload: ScreeningDisclosed },
  [EventTypes.informationRequested]: {
    topic: Topics.information,
    schemaVersion: 1,
    facts: { municipality: MunicipalityId, objectKind: InformationObjectKind },
    payload: InformationRequested,
  },
  [EventTypes.informationAnswered]: {
    topic: Topics.information,
    schemaVersion: 1,
    facts: { municipality: MunicipalityId, objectKind: InformationObjectKind },
    payload: InformationAnswered,
  },
  [EventTypes.permitDecided]: {
    topic: Topics.permit,
    schemaVersion: 1,
    facts: permitFacts(z.enum(['granted', 'refused'])),
    payload: PermitEvent,
  },
  [EventTypes.permitSuspended]: { topic: Topics.permit, schemaVersion: 1, facts: permitFacts(z.literal('suspended')), payload: PermitEvent },
  [EventTypes.permitReinstated]: { topic: Topics.permit, schemaVersion: 1, facts: permitFacts(z.literal('granted')), payload: PermitEvent },
  [EventTypes.permitRevoked]: { topic: Topics.permit, schemaVersion: 1, facts: permitFacts(z.literal('revoked')), payload: PermitEvent },
  [EventTypes.permitExpired]: { topic: Topics.permit, schemaVersion: 1, facts: permitFacts(z.literal('expired')), payload: PermitEvent },
  // Sealed by the RIEC to the deciding municipality only; the case reference and the reason are in the payload.
  [EventTypes.handoverAccepted]: { topic: Topics.handover, schemaVersion: 1, facts: { municipality: MunicipalityId }, payload: HandoverAccepted },
  [EventTypes.handoverReturned]: { topic: Topics.handover, schemaVersion: 1, facts: { municipality: MunicipalityId }, payload: HandoverReturned },
  [EventTypes.feedPublished]: {
    topic: Topics.feedPublished,
    schemaVersion: 1,
    facts: { period: FeedPeriod, releaseId: FeedReleaseId },
    payload: FeedPublished,
  },
} as const satisfies Record<EventType, EventDefinition>;

export type EventCatalog = typeof EVENT_CATALOG;

/** The routing facts of one event type, as its header v2 carries them. */
export type RoutingFacts<T extends EventType> = z.infer<z.ZodObject<EventCatalog[T]['facts']>>;

/** The payload of an event type that has one today. */
export type EventPayload<T extends EventType> = EventCatalog[T]['payload'] extends z.ZodType
  ? z.infer<EventCatalog[T]['payload']>
  : unknown;
