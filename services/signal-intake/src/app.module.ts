import { type DynamicModule, Module } from '@nestjs/common';
import { composeParts, type SignalIntakeInfrastructure } from './composition.js';
import { SIGNAL_INTAKE_CONFIG } from './config.js';
import { DecisionRecordedHandler } from './events/decision-recorded.handler.js';
import { HealthController } from './health/health.controller.js';
import { ReadinessService } from './health/readiness.service.js';
import { InfrastructureLifecycle } from './infrastructure/infrastructure-lifecycle.js';
import {
  ACCESS_CONTROL,
  DECISION_RECEIVER,
  DISTRIBUTION_POLICY,
  EVENT_BUS,
  OUTBOX_RELAY,
  POSTGRES_POOL,
  REDIS_CLIENT,
  SERVICE_LOGGER,
  SIGNAL_OVERVIEW,
  SIGNAL_SUBMITTER,
} from './infrastructure/tokens.js';
import { OutboxRelayLifecycle } from './outbox/outbox-relay-lifecycle.js';
import { PolicyController } from './policy/policy.controller.js';
import { SignalsController } from './signals/signals.controller.js';

export type { SignalIntakeInfrastructure } from './composition.js';

/** The infrastructure clients are created (and closed) by main.ts and handed in, so their life cycle is explicit. */
@Module({})
export class AppModule {
  static register(infrastructure: SignalIntakeInfrastructure): DynamicModule {
    const parts = composeParts(infrastructure);
    return {
      module: AppModule,
      controllers: [HealthController, SignalsController, PolicyController, DecisionRecordedHandler],
      providers: [
        ReadinessService,
        InfrastructureLifecycle,
        OutboxRelayLifecycle,
        { provide: SIGNAL_INTAKE_CONFIG, useValue: infrastructure.config },
        { provide: SERVICE_LOGGER, useValue: infrastructure.logger },
        { provide: EVENT_BUS, useValue: infrastructure.bus },
        { provide: REDIS_CLIENT, useValue: infrastructure.redis },
        { provide: POSTGRES_POOL, useValue: infrastructure.postgres },
        { provide: DISTRIBUTION_POLICY, useValue: infrastructure.policy },
        { provide: ACCESS_CONTROL, useValue: parts.access },
        { provide: SIGNAL_SUBMITTER, useValue: parts.submitter },
        { provide: SIGNAL_OVERVIEW, useValue: parts.overview },
        { provide: DECISION_RECEIVER, useValue: parts.decisionReceiver },
        { provide: OUTBOX_RELAY, useValue: parts.outbox },
      ],
    };
  }
}
