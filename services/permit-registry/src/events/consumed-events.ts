import { EventTypes } from '@signaalhub/contracts';
import type { EventConsumption } from '@signaalhub/service-kit';
import type { PermitRegistryService } from '../composition.js';
import type { PermitRegistryConfig } from '../config.js';

type Consumed = typeof EventTypes.signalSubmitted | typeof EventTypes.screeningOpened | typeof EventTypes.screeningProgressed | typeof EventTypes.screeningConcluded;

/**
 * The events this service consumes, each with its one handler: a submitted signal's verified header flags
 * the establishments its match tokens hit; what the Bibob pool tells a registry municipality about the
 * screenings its applications and its re-screenings asked for.
 */
export const CONSUMED_EVENTS: EventConsumption<PermitRegistryConfig, PermitRegistryService, Consumed> = {
  subscribes: [EventTypes.signalSubmitted, EventTypes.screeningOpened, EventTypes.screeningProgressed, EventTypes.screeningConcluded],
  handlers: {
    [EventTypes.signalSubmitted]: (service) => async (message) => {
      await service.signalFlags.receive(message);
    },
    [EventTypes.screeningOpened]: (service) => async (message) => {
      await service.screenings.receive(EventTypes.screeningOpened, message);
    },
    [EventTypes.screeningProgressed]: (service) => async (message) => {
      await service.screenings.receive(EventTypes.screeningProgressed, message);
    },
    [EventTypes.screeningConcluded]: (service) => async (message) => {
      await service.screenings.receive(EventTypes.screeningConcluded, message);
    },
  },
  groupId: (config) => config.KAFKA_GROUP_ID,
};
