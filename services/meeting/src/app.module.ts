import { type DynamicModule, Module } from '@nestjs/common';
import { MeetingAccessPolicy } from './access/meeting-access-policy.js';
import { NeedToKnow } from './access/need-to-know.js';
import { SignalAdmission } from './admission/signal-admission.js';
import { AgendaReader } from './agenda/agenda-reader.js';
import { MEETING_CONFIG } from './config.js';
import { DecisionRecorder } from './decisions/decision-recorder.js';
import { SignalSubmittedHandler } from './events/signal-submitted.handler.js';
import { HealthController } from './health/health.controller.js';
import { ReadinessService } from './health/readiness.service.js';
import { AgendaController } from './http/agenda.controller.js';
import { MeetingsController } from './http/meetings.controller.js';
import { InfrastructureLifecycle } from './infrastructure/infrastructure-lifecycle.js';
import { EVENT_BUS, MUNICIPALITY_LIST, POSTGRES_POOL, REDIS_CLIENT, SERVICE_LOGGER, SERVICE_PARTS } from './infrastructure/tokens.js';
import { MeetingStore } from './meetings/meeting-store.js';
import type { ServiceParts } from './service-parts.js';

/** The parts are built (and closed) outside Nest, in service-parts.ts, so their life cycle is explicit. */
@Module({})
export class AppModule {
  static register(parts: ServiceParts): DynamicModule {
    return {
      module: AppModule,
      controllers: [HealthController, SignalSubmittedHandler, AgendaController, MeetingsController],
      providers: [
        ReadinessService,
        InfrastructureLifecycle,
        { provide: SERVICE_PARTS, useValue: parts },
        { provide: MEETING_CONFIG, useValue: parts.config },
        { provide: SERVICE_LOGGER, useValue: parts.logger },
        { provide: EVENT_BUS, useValue: parts.bus },
        { provide: REDIS_CLIENT, useValue: parts.redis },
        { provide: POSTGRES_POOL, useValue: parts.postgres },
        { provide: MUNICIPALITY_LIST, useValue: parts.config.MUNICIPALITIES },
        { provide: SignalAdmission, useValue: parts.admission },
        { provide: AgendaReader, useValue: parts.reader },
        { provide: DecisionRecorder, useValue: parts.decisions },
        { provide: MeetingStore, useValue: parts.meetings },
        { provide: MeetingAccessPolicy, useValue: parts.policy },
        { provide: NeedToKnow, useValue: parts.needToKnow },
      ],
    };
  }
}
