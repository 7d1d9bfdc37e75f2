import { type DynamicModule, Module, type MiddlewareConsumer, type NestModule } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import type { Logger } from '@signaalhub/logging';
import {
  HealthController,
  INFRASTRUCTURE_SHUTDOWN,
  InfrastructureLifecycle,
  postgresProbe,
  READINESS_PROBES,
  ReadinessService,
  redisProbe,
  type InfrastructureShutdown,
} from '@signaalhub/service-kit';
import type { Redis } from 'ioredis';
import type { Pool } from 'pg';
import type { AccountStore } from './accounts/account-store.js';
import type { Authenticator } from './accounts/authenticator.js';
import type { WebConfig } from './config.js';
import { AgendaController } from './http/agenda.controller.js';
import { SignInController } from './http/sign-in.controller.js';
import { SignalsController } from './http/signals.controller.js';
import { StartController } from './http/start.controller.js';
import { WebExceptionFilter } from './http/web-exception.filter.js';
import {
  ACCOUNT_STORE,
  AUTHENTICATOR,
  INTAKE_CLIENT,
  MEETING_CLIENT,
  SERVICE_LOGGER,
  SESSION_STORE,
  WEB_CONFIG,
} from './infrastructure/tokens.js';
import type { IntakeClient } from './services/intake-client.js';
import type { MeetingClient } from './services/meeting-client.js';
import { CsrfGuard } from './sessions/csrf.guard.js';
import type { SessionStore } from './sessions/session-store.js';
import { SessionMiddleware } from './sessions/session.middleware.js';

/** Everything the web application is built from; main.ts (or a test) creates and closes these. */
export interface WebParts {
  readonly config: WebConfig;
  readonly logger: Logger;
  readonly redis: Redis;
  readonly postgres: Pool;
  readonly accounts: AccountStore;
  readonly sessions: SessionStore;
  readonly authenticator: Authenticator;
  readonly intake: IntakeClient;
  readonly meeting: MeetingClient;
}

@Module({})
export class AppModule implements NestModule {
  static register(parts: WebParts): DynamicModule {
    const shutdown: InfrastructureShutdown = {
      service: 'web',
      logger: parts.logger,
      close: async () => {
        await parts.redis.quit();
        await parts.postgres.end();
      },
    };
    return {
      module: AppModule,
      controllers: [HealthController, SignInController, StartController, SignalsController, AgendaController],
      providers: [
        ReadinessService,
        InfrastructureLifecycle,
        { provide: APP_GUARD, useClass: CsrfGuard },
        { provide: APP_FILTER, useClass: WebExceptionFilter },
        { provide: WEB_CONFIG, useValue: parts.config },
        { provide: SERVICE_LOGGER, useValue: parts.logger },
        // Ready = sessions (Redis) and accounts (PostgreSQL) answer; the services have their own readiness.
        { provide: READINESS_PROBES, useValue: [redisProbe(parts.redis), postgresProbe(parts.postgres)] },
        { provide: INFRASTRUCTURE_SHUTDOWN, useValue: shutdown },
        { provide: ACCOUNT_STORE, useValue: parts.accounts },
        { provide: SESSION_STORE, useValue: parts.sessions },
        { provide: AUTHENTICATOR, useValue: parts.authenticator },
        { provide: INTAKE_CLIENT, useValue: parts.intake },
        { provide: MEETING_CLIENT, useValue: parts.meeting },
      ],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(SessionMiddleware).forRoutes('*');
  }
}
