import { type DynamicModule, Module, type MiddlewareConsumer, type NestModule } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import type { Logger } from '@signaalhub/logging';
import type { AccountStore } from '../accounts/account-store.js';
import type { Authenticator } from '../accounts/authenticator.js';
import type { WebConfig } from '../config.js';
import { ACCOUNT_STORE, AUTHENTICATOR, BIBOB_CLIENT, FEED_CLIENT, INTAKE_CLIENT, MEETING_CLIENT, PUBLIC_REGISTER_CLIENT, REGISTRY_CLIENT, RIEC_HANDOVER_CLIENT, SERVICE_LOGGER, SESSION_STORE, WEB_CONFIG } from '../infrastructure/tokens.js';
import type { BibobClient } from '../services/bibob-client.js';
import type { FeedClient } from '../services/feed-client.js';
import type { RiecHandoverClient } from '../services/riec-handover-client.js';
import type { IntakeClient } from '../services/intake-client.js';
import type { MeetingClient } from '../services/meeting-client.js';
import type { PublicRegisterClient } from '../services/public-register-client.js';
import type { RegistryClient } from '../services/registry-client.js';
import { FormInputMiddleware } from '../forms/form-input.js';
import { CsrfGuard } from '../sessions/csrf.guard.js';
import type { SessionStore } from '../sessions/session-store.js';
import { SessionMiddleware } from '../sessions/session.middleware.js';
import { ActionsController } from './actions.controller.js';
import { AgendaController } from './agenda.controller.js';
import { InformationRequestsController } from './information-requests.controller.js';
import { DisclosuresController } from './disclosures.controller.js';
import { ScreeningsController } from './screenings.controller.js';
import { EstablishmentsController } from './establishments.controller.js';
import { ExclusionsController } from './exclusions.controller.js';
import { HitsController } from './hits.controller.js';
import { MyMunicipalityController } from './my-municipality.controller.js';
import { ReleasesController } from './releases.controller.js';
import { RiecDashboardController } from './riec-dashboard.controller.js';
import { PermitApplicationsController } from './permit-applications.controller.js';
import { PermitsController } from './permits.controller.js';
import { RiecHandoversController } from './riec-handovers.controller.js';
import { DiscussedController } from './discussed.controller.js';
import { MeetingPagesController } from './meeting-pages.controller.js';
import { PublicRegisterController } from './public-register.controller.js';
import { SignInController } from './sign-in.controller.js';
import { SignalsController } from './signals.controller.js';
import { StartController } from './start.controller.js';
import { WebExceptionFilter } from './web-exception.filter.js';

/** What the pages work with; built once in composition.ts. */
export interface WebParts {
  readonly config: WebConfig;
  readonly logger: Logger;
  readonly accounts: AccountStore;
  readonly sessions: SessionStore;
  readonly authenticator: Authenticator;
  readonly intake: IntakeClient;
  readonly meeting: MeetingClient;
  readonly bibob: BibobClient;
  readonly registry: RegistryClient;
  readonly publicRegister: PublicRegisterClient;
  readonly feed: FeedClient;
  readonly riecHandovers: RiecHandoverClient;
}

/** The pages, the session middleware on every route, CSRF on every POST and the Dutch error pages. */
@Module({})
export class WebModule implements NestModule {
  static register(parts: WebParts): DynamicModule {
    return {
      module: WebModule,
      controllers: [
        SignInController,
        StartController,
        SignalsController,
        DiscussedController,
        MeetingPagesController,
        AgendaController,
        ActionsController,
        InformationRequestsController,
        ScreeningsController,
        DisclosuresController,
        EstablishmentsController,
        PermitApplicationsController,
        PermitsController,
        PublicRegisterController,
        RiecDashboardController,
        ReleasesController,
        HitsController,
        ExclusionsController,
        MyMunicipalityController,
        RiecHandoversController,
      ],
      providers: [
        { provide: APP_GUARD, useClass: CsrfGuard },
        { provide: APP_FILTER, useClass: WebExceptionFilter },
        { provide: WEB_CONFIG, useValue: parts.config },
        { provide: SERVICE_LOGGER, useValue: parts.logger },
        { provide: ACCOUNT_STORE, useValue: parts.accounts },
        { provide: SESSION_STORE, useValue: parts.sessions },
        { provide: AUTHENTICATOR, useValue: parts.authenticator },
        { provide: INTAKE_CLIENT, useValue: parts.intake },
        { provide: MEETING_CLIENT, useValue: parts.meeting },
        { provide: BIBOB_CLIENT, useValue: parts.bibob },
        { provide: REGISTRY_CLIENT, useValue: parts.registry },
        { provide: PUBLIC_REGISTER_CLIENT, useValue: parts.publicRegister },
        { provide: FEED_CLIENT, useValue: parts.feed },
        { provide: RIEC_HANDOVER_CLIENT, useValue: parts.riecHandovers },
      ],
      // The session middleware injects the store.
      exports: [SESSION_STORE],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(SessionMiddleware, FormInputMiddleware).forRoutes('*');
  }
}
