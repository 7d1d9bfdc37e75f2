import { EventTypes } from '@signaalhub/contracts';
import type { EventConsumption } from '@signaalhub/service-kit';
import type { BibobService } from '../composition.js';
import type { BibobConfig } from '../config.js';

/** The events this service consumes, each with its one handler: a requested screening opens one. */
export const CONSUMED_EVENTS: EventConsumption<BibobConfig, BibobService, typeof EventTypes.screeningRequested> = {
  subscribes: [EventTypes.screeningRequested],
  handlers: {
    [EventTypes.screeningRequested]: (service) => async (message) => {
      await service.requests.receive(message);
    },
  },
  groupId: (config) => config.KAFKA_GROUP_ID,
};
