import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { AccessErrorFilter, AuditedAccess } from '@signaalhub/access';
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
import { MeetingAccessPolicy } from './access/meeting-access-policy.js';
import { SignalAdmission } from './admission/signal-admission.js';
import { AgendaReader } from './agenda/agenda-reader.js';
import { MEETING_CONFIG } from './config.js';
import { DecisionRecorder } from './decisions/decision-recorder.js';
import { SignalSubmittedHandler } from './events/signal-submitted.handler.js';
import { AgendaController } from './http/agenda.controller.js';
import { MeetingsController } from './http/meetings.controller.js';
import { MUNICIPALITY_LIST } from './infrastructure/tokens.js';
import { MeetingStore } from './meetings/meeting-store.js';
import { SERVICE_NAME, type ServiceParts } from './service-parts.js';

/** The parts are built (and closed) outside Nest, in service-parts.ts, so their life cycle is explicit. */
@Module({})
export class AppModule {
  static register(parts: ServiceParts): DynamicModule {
    // Workers, relay and clients close last, after Nest closed the Kafka transport and the HTTP server.
    const shutdown: InfrastructureShutdown = { service: SERVICE_NAME, logger: parts.logger, close: () => parts.close() };
    return {
      module: AppModule,
      controllers: [HealthController, SignalSubmittedHandler, AgendaController, MeetingsController],
      providers: [
        ReadinessService,
        InfrastructureLifecycle,
        { provide: MEETING_CONFIG, useValue: parts.config },
        { provide: READINESS_PROBES, useValue: [kafkaProbe(parts.bus), redisProbe(parts.redis), postgresProbe(parts.postgres)] },
        { provide: BACKLOG_PROBES, useValue: [outboxBacklogProbe(parts.outbox)] },
        { provide: INFRASTRUCTURE_SHUTDOWN, useValue: shutdown },
        { provide: MUNICIPALITY_LIST, useValue: parts.config.MUNICIPALITIES },
        { provide: SignalAdmission, useValue: parts.admission },
        { provide: AgendaReader, useValue: parts.reader },
        { provide: DecisionRecorder, useValue: parts.decisions },
        { provide: MeetingStore, useValue: parts.meetings },
        { provide: MeetingAccessPolicy, useValue: parts.policy },
        { provide: AuditedAccess, useValue: parts.access },
        { provide: APP_FILTER, useClass: AccessErrorFilter },
      ],
    };
  }
}
