import { EventTypes } from '@signaalhub/contracts';
import type { EventConsumption } from '@signaalhub/service-kit';
import type { BibobService } from '../composition.js';
import type { BibobConfig } from '../config.js';

/**
 * The events this service consumes, each with its one handler: a requested screening opens one; a
 * submitted signal's verified header teaches the pool its match tokens (hit/no-hit); an answer to one
 * of the pool's "verzoeken om informatie" is stored sealed on its request.
 */
export const CONSUMED_EVENTS: EventConsumption<
  BibobConfig,
  BibobService,
  typeof EventTypes.screeningRequested | typeof EventTypes.signalSubmitted | typeof EventTypes.informationAnswered
> = {
  subscribes: [EventTypes.screeningRequested, EventTypes.signalSubmitted, EventTypes.informationAnswered],
  handlers: {
    [EventTypes.screeningRequested]: (service) => async (message) => {
      await service.requests.receive(message);
    },
    [EventTypes.signalSubmitted]: (service) => async (message) => {
      await service.signalHeaders.receive(message);
    },
    [EventTypes.informationAnswered]: (service) => async (message) => {
      await service.informationAnswers.receive(message);
    },
  },
  groupId: (config) => config.KAFKA_GROUP_ID,
};
