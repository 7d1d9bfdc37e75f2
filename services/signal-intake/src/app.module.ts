import { type DynamicModule, Module } from '@nestjs/common';
import type { EventBus } from '@signaalhub/bus';
import type { Logger } from '@signaalhub/logging';
import type { Redis } from 'ioredis';
import type { Pool } from 'pg';
import { SIGNAL_INTAKE_CONFIG, type SignalIntakeConfig } from './config.js';
import { DecisionRecordedHandler } from './events/decision-recorded.handler.js';
import { HealthController } from './health/health.controller.js';
import { ReadinessService } from './health/readiness.service.js';
import { InfrastructureLifecycle } from './infrastructure/infrastructure-lifecycle.js';
import { EVENT_BUS, POSTGRES_POOL, REDIS_CLIENT, SERVICE_LOGGER } from './infrastructure/tokens.js';

export interface SignalIntakeInfrastructure {
  readonly config: SignalIntakeConfig;
  readonly logger: Logger;
  readonly bus: EventBus;
  readonly redis: Redis;
  readonly postgres: Pool;
}

/** The infrastructure clients are created (and closed) by main.ts and handed in, so their life cycle is explicit. */
@Module({})
export class AppModule {
  static register(infrastructure: SignalIntakeInfrastructure): DynamicModule {
    return {
      module: AppModule,
      controllers: [HealthController, DecisionRecordedHandler],
      providers: [
        ReadinessService,
        InfrastructureLifecycle,
        { provide: SIGNAL_INTAKE_CONFIG, useValue: infrastructure.config },
        { provide: SERVICE_LOGGER, useValue: infrastructure.logger },
        { provide: EVENT_BUS, useValue: infrastructure.bus },
        { provide: REDIS_CLIENT, useValue: infrastructure.redis },
        { provide: POSTGRES_POOL, useValue: infrastructure.postgres },
      ],
    };
  }
}
