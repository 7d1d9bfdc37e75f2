import { EventTypes } from '@signaalhub/contracts';
import type { EventConsumption } from '@signaalhub/service-kit';
import type { MeetingService } from '../composition.js';
import type { MeetingConfig } from '../config.js';

/**
 * The events this service consumes, each with its one handler: every submitted signal goes onto its
 * agenda queue; an information request to one of its municipalities waits for that municipality's members;
 * the RIEC's answer to a hand-over is kept with the decided item.
 */
export const CONSUMED_EVENTS: EventConsumption<
  MeetingConfig,
  MeetingService,
  typeof EventTypes.signalSubmitted | typeof EventTypes.informationRequested | typeof EventTypes.handoverAccepted | typeof EventTypes.handoverReturned
> = {
  subscribes: [EventTypes.signalSubmitted, EventTypes.informationRequested, EventTypes.handoverAccepted, EventTypes.handoverReturned],
  handlers: {
    [EventTypes.signalSubmitted]: (service) => async (message) => {
      await service.admission.admit(message);
    },
    [EventTypes.informationRequested]: (service) => async (message) => {
      await service.informationIntake.receive(message);
    },
    [EventTypes.handoverAccepted]: (service) => async (message) => {
      await service.handoverAnswers.receive(EventTypes.handoverAccepted, message);
    },
    [EventTypes.handoverReturned]: (service) => async (message) => {
      await service.handoverAnswers.receive(EventTypes.handoverReturned, message);
    },
  },
  groupId: (config) => config.KAFKA_GROUP_ID,
  tuning: {
    // Admission waits on Redis and PostgreSQL as much as on the CPU, so several run at once. Its order
    // does not matter (the agenda sorts by priority, then age) and it is idempotent per message id.
    partitionsConsumedConcurrently: 6,
    messagesInFlightPerPartition: 8,
  },
};
