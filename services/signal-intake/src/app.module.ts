import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { AccessErrorFilter } from '@signaalhub/access';
import {
  BACKLOG_PROBES,
  HealthController,
  INFRASTRUCTURE_SHUTDOWN,
  InfrastructureLifecycle,
  kafkaProbe,
  outboxBacklogProbe,
  postgresProbe,
  READINESS_PROBES,
  ReadinessService,
  redisProbe,
  type InfrastructureShutdown,
} from '@signaalhub/service-kit';
import { composeParts, type SignalIntakeInfrastructure } from './composition.js';
import { SIGNAL_INTAKE_CONFIG } from './config.js';
import { DecisionRecordedHandler } from './events/decision-recorded.handler.js';
import {
  AUDITED_ACCESS,
  DECISION_RECEIVER,
  DISTRIBUTION_POLICY,
  OUTBOX,
  SIGNAL_OVERVIEW,
  SIGNAL_SUBMITTER,
} from './infrastructure/tokens.js';
import { OutboxLifecycle } from './infrastructure/outbox-lifecycle.js';
import { PolicyController } from './policy/policy.controller.js';
import { SignalsController } from './signals/signals.controller.js';

export type { SignalIntakeInfrastructure } from './composition.js';

/** The infrastructure clients are created (and closed) by main.ts and handed in, so their life cycle is explicit. */
@Module({})
export class AppModule {
  static register(infrastructure: SignalIntakeInfrastructure): DynamicModule {
    const parts = composeParts(infrastructure);
    const { bus, redis, postgres, logger } = infrastructure;
    const shutdown: InfrastructureShutdown = {
      service: 'signal-intake',
      logger,
      close: async () => {
        await redis.quit();
        await postgres.end();
      },
    };
    return {
      module: AppModule,
      controllers: [HealthController, SignalsController, PolicyController, DecisionRecordedHandler],
      providers: [
        ReadinessService,
        InfrastructureLifecycle,
        OutboxLifecycle,
        { provide: SIGNAL_INTAKE_CONFIG, useValue: infrastructure.config },
        { provide: READINESS_PROBES, useValue: [kafkaProbe(bus), redisProbe(redis), postgresProbe(postgres)] },
        { provide: BACKLOG_PROBES, useValue: [outboxBacklogProbe(parts.outbox)] },
        { provide: INFRASTRUCTURE_SHUTDOWN, useValue: shutdown },
        { provide: DISTRIBUTION_POLICY, useValue: infrastructure.policy },
        { provide: AUDITED_ACCESS, useValue: parts.access },
        { provide: APP_FILTER, useClass: AccessErrorFilter },
        { provide: SIGNAL_SUBMITTER, useValue: parts.submitter },
        { provide: SIGNAL_OVERVIEW, useValue: parts.overview },
        { provide: DECISION_RECEIVER, useValue: parts.decisionReceiver },
        { provide: OUTBOX, useValue: parts.outbox },
      ],
    };
  }
}
