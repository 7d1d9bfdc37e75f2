import { EventTypes } from '@signaalhub/contracts';
import type { BusHandler } from '@signaalhub/bus';
import type { EventConsumption } from '@signaalhub/service-kit';
import type { RiecFeedService } from '../composition.js';
import type { RiecFeedConfig } from '../config.js';
import type { ProjectedEvent } from '../projections/header-projections.js';

const projected =
  (type: ProjectedEvent) =>
  (service: RiecFeedService): BusHandler =>
  async (message) => {
    await service.projections.receive(type, message);
  };

/** An answer to the liaison's request: the outcome (applied, duplicate, refused) is the inbox's own concern. */
const answerTakenIn =
  (service: RiecFeedService): BusHandler =>
  (message) =>
    service.informationAnswers.receive(message).then(() => undefined);

/**
 * The events this service consumes: every projected one read from its verified header; an answer to one of
 * the liaison's "verzoeken om informatie" opened as the RIEC and kept sealed on its request.
 */
export const CONSUMED_EVENTS: EventConsumption<RiecFeedConfig, RiecFeedService, ProjectedEvent | typeof EventTypes.informationAnswered> = {
  subscribes: [
    EventTypes.signalSubmitted,
    EventTypes.decisionRecorded,
    EventTypes.screeningOpened,
    EventTypes.screeningProgressed,
    EventTypes.screeningConcluded,
    EventTypes.permitDecided,
    EventTypes.permitSuspended,
    EventTypes.permitReinstated,
    EventTypes.permitRevoked,
    EventTypes.permitExpired,
    EventTypes.informationAnswered,
  ],
  handlers: {
    [EventTypes.signalSubmitted]: projected(EventTypes.signalSubmitted),
    [EventTypes.decisionRecorded]: projected(EventTypes.decisionRecorded),
    [EventTypes.screeningOpened]: projected(EventTypes.screeningOpened),
    [EventTypes.screeningProgressed]: projected(EventTypes.screeningProgressed),
    [EventTypes.screeningConcluded]: projected(EventTypes.screeningConcluded),
    [EventTypes.permitDecided]: projected(EventTypes.permitDecided),
    [EventTypes.permitSuspended]: projected(EventTypes.permitSuspended),
    [EventTypes.permitReinstated]: projected(EventTypes.permitReinstated),
    [EventTypes.permitRevoked]: projected(EventTypes.permitRevoked),
    [EventTypes.permitExpired]: projected(EventTypes.permitExpired),
    [EventTypes.informationAnswered]: answerTakenIn,
  },
  groupId: (config) => config.KAFKA_GROUP_ID,
};
