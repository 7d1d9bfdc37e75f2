import { EventTypes } from '@signaalhub/contracts';
import type { EventConsumption } from '@signaalhub/service-kit';
import type { SignalIntakeService } from '../composition.js';
import type { SignalIntakeConfig } from '../config.js';

/**
 * The events this service consumes, each with its one handler. Decisions come back as feedback for the
 * reporter; the receiver verifies, stores or refuses them (transient failures are retried by the bus).
 */
export const CONSUMED_EVENTS: EventConsumption<SignalIntakeConfig, SignalIntakeService, typeof EventTypes.decisionRecorded> = {
  subscribes: [EventTypes.decisionRecorded],
  handlers: {
    [EventTypes.decisionRecorded]: (service) => async (message) => {
      await service.decisionReceiver.receive(message);
    },
  },
  groupId: (config) => config.KAFKA_GROUP_ID,
  tuning: {
    // The bus normally ends the process after 5 failed consumer restarts. Here the consumer only brings
    // feedback in, while the service's real job — accepting signals into the outbox — needs PostgreSQL
    // only: so it keeps restarting the consumer for as long as the broker is away (readiness says so).
    maxRestarts: Number.MAX_SAFE_INTEGER,
  },
};
