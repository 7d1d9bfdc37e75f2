import { Controller, Inject, type OnApplicationShutdown } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import type { BusMessage } from '@signaalhub/bus';
import { Topics } from '@signaalhub/contracts';
import type { DecisionReceiver } from '../decisions/decision-receiver.js';
import { DECISION_RECEIVER } from '../infrastructure/tokens.js';

/**
 * Decisions of the local undermining meeting, on their way back to the reporter as feedback. Thrown
 * errors are transient (the bus retries, then dead-letters); refusals are handled by the receiver.
 */
@Controller()
export class DecisionRecordedHandler implements OnApplicationShutdown {
  constructor(@Inject(DECISION_RECEIVER) private readonly receiver: DecisionReceiver) {}

  @EventPattern(Topics.decisionRecorded)
  async handle(@Payload() message: BusMessage): Promise<void> {
    await this.receiver.receive(message);
  }

  /** Runs after Nest stopped the Kafka transport, so no handler is still writing dead letters. */
  async onApplicationShutdown(): Promise<void> {
    await this.receiver.close();
  }
}
