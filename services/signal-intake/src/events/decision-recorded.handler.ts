import { Controller, Inject } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import type { BusMessage } from '@signaalhub/bus';
import { Topics } from '@signaalhub/contracts';
import type { Logger } from '@signaalhub/logging';
import { SERVICE_LOGGER } from '../infrastructure/tokens.js';

/**
 * Decisions of the local undermining meeting, on their way back to the reporter as feedback.
 * This skeleton proves the Kafka wiring; opening the envelope and storing the feedback come with
 * the intake issue.
 */
@Controller()
export class DecisionRecordedHandler {
  constructor(@Inject(SERVICE_LOGGER) private readonly logger: Logger) {}

  @EventPattern(Topics.decisionRecorded)
  handle(@Payload() message: BusMessage): void {
    // Log routing facts only: the value is an envelope whose body may hold personal data.
    this.logger.info(
      { topic: message.topic, partition: message.partition, offset: message.offset, bytes: message.value.length },
      'decision event received',
    );
  }
}
