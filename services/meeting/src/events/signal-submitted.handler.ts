import { Controller, Inject } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import type { BusMessage } from '@signaalhub/bus';
import { Topics } from '@signaalhub/contracts';
import { SignalAdmission } from '../admission/signal-admission.js';

/** Every submitted signal goes onto its municipality's agenda queue (see SignalAdmission). */
@Controller()
export class SignalSubmittedHandler {
  constructor(@Inject(SignalAdmission) private readonly admission: SignalAdmission) {}

  @EventPattern(Topics.signalSubmitted)
  async handle(@Payload() message: BusMessage): Promise<void> {
    await this.admission.admit(message);
  }
}
