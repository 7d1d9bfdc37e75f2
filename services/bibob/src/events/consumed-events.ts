import { EventTypes } from '@signaalhub/contracts';
import type { EventConsumption } from '@signaalhub/service-kit';
import type { BibobService } from '../composition.js';
import type { BibobConfig } from '../config.js';

/**
 * The events this service consumes, each with its one handler: a requested screening opens one; a
 * submitted signal's verified header teaches the pool its match tokens (hit/no-hit).
 */
export const CONSUMED_EVENTS: EventConsumption<BibobConfig, BibobService, typeof EventTypes.screeningRequested | typeof EventTypes.signalSubmitted> = {
  subscribes: [EventTypes.screeningRequested, EventTypes.signalSubmitted],
  handlers: {
    [EventTypes.screeningRequested]: (service) => async (message) => {
      await service.requests.receive(message);
    },
    [EventTypes.signalSubmitted]: (service) => async (message) => {
      await service.signalHeaders.receive(message);
    },
  },
  groupId: (config) => config.KAFKA_GROUP_ID,
};
