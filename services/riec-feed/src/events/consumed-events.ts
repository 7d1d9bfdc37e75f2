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

/** The events this service consumes: every one a projection reads from its verified header. */
export const CONSUMED_EVENTS: EventConsumption<RiecFeedConfig, RiecFeedService, ProjectedEvent> = {
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
  },
  groupId: (config) => config.KAFKA_GROUP_ID,
};
