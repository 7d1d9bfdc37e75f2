import 'reflect-metadata';
import { type DynamicModule, Module, type Provider, type Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { KafkaBusTransport, PassErrorsToBusFilter, type BusHandler, type ConsumerTuning, type EventBus } from '@signaalhub/bus';
import { ConfigError, exitOnStartFailure, loadConfigOrExit } from '@signaalhub/config';
import { EVENT_CATALOG, type EventType } from '@signaalhub/contracts';
import { IDENTITY_HEADER, IdentityGuard } from '@signaalhub/identity';
import { createLogger, type Logger } from '@signaalhub/logging';
import type { z } from 'zod';
import { checkHandlers } from './handler-check.js';
import { hardenHttp } from './http-hardening.js';
import { HealthController } from './health.controller.js';
import { INFRASTRUCTURE_SHUTDOWN, InfrastructureLifecycle, type InfrastructureShutdown } from './infrastructure-lifecycle.js';
import { useApiInputChecks } from './input/api-input.js';
import { useFormBody } from './input/form-body-parser.js';
import { useJsonBody } from './json-body.js';
import { BACKLOG_PROBES, READINESS_PROBES, type BacklogProbe, type ReadinessProbe } from './readiness-probe.js';
import { ReadinessService } from './readiness.service.js';

/** What a service's `compose` builds from its configuration: its parts and how they start and stop. */
export interface ComposedService {
  /** Nest controllers of the service's HTTP API. */
  readonly controllers?: readonly Type[];
  /** Values the controllers inject (explicit tokens: `{ provide: X, useValue: x }`). */
  readonly providers?: readonly Provider[];
  /** Modules of the service's own (e.g. one that applies middleware). */
  readonly imports?: readonly DynamicModule[];
  /** Application settings of the service's own (static files, headers), before it listens. */
  configure?(app: NestExpressApplication): void;
  /** The servers readiness asks (`/health/ready`). */
  readonly probes: readonly ReadinessProbe[];
  /** Work waiting (e.g. the outbox), shown by readiness without making the service unready. */
  readonly backlogs?: readonly BacklogProbe[];
  /** The bus the Kafka consumer runs on; required when the service consumes events. */
  readonly bus?: EventBus;
  /** Starts the service's own background work (workers, relays) before it consumes or listens. */
  start?(): Promise<void>;
  /** Stops that work (workers, relays); runs before the consumer and HTTP server close. */
  stop?(): Promise<void>;
  /** Closes the clients (Redis, PostgreSQL, Kafka producers) last, after everything that uses them stopped. */
  close(): Promise<void>;
}

/** A handler of one event type, made from the composed service. */
export type EventHandlerFactory<Parts> = (parts: Parts) => BusHandler;

/**
 * The consumed side: event types of the contracts' catalog (which gives each its topic) with a typed
 * handler map, so a subscribed type without a handler fails to compile.
 */
export interface EventConsumption<Config, Parts, TType extends EventType> {
  /** Every event type this service consumes. */
  readonly subscribes: readonly TType[];
  readonly handlers: { readonly [Type in NoInfer<TType>]: EventHandlerFactory<Parts> };
  readonly groupId: (config: Config) => string;
  readonly tuning?: Omit<ConsumerTuning, 'groupId'>;
}

export interface ServiceDefinition<Schema extends z.ZodObject, Parts extends ComposedService, TType extends EventType = never> {
  /** The service's name: its folder under services/, its logger and its log lines. */
  readonly name: string;
  /** The OpenAPI document's title and description (served at /api/docs); every API service has one. */
  readonly api?: { readonly title: string; readonly description?: string };
  /** Request bodies: the API's strict JSON parser (default), or HTML forms (the web application). */
  readonly bodies?: 'json' | 'forms';
  readonly config: Schema;
  readonly port: (config: z.infer<Schema>) => number;
  readonly host?: (config: z.infer<Schema>) => string;
  /** The identity-token secret; every route then needs the identity header unless marked `@Public()`. */
  readonly identitySecret?: (config: z.infer<Schema>) => string;
  readonly compose: (context: { config: z.infer<Schema>; logger: Logger }) => Promise<Parts>;
  readonly consumes?: EventConsumption<z.infer<Schema>, Parts, TType>;
}

/**
 * The one start-up of every service: validated configuration (exit 78 naming each bad variable),
 * handler checks that can fail (exit 78 naming what is missing), composition, health and readiness,
 * OpenAPI at /api/docs, the Kafka consumer, and an ordered shutdown on SIGTERM: background work and the
 * consumer first, then the HTTP server, then the clients.
 */
export function runService<Schema extends z.ZodObject, Parts extends ComposedService, TType extends EventType = never>(
  definition: ServiceDefinition<Schema, Parts, TType>,
): void {
  start(definition).catch((error: unknown) => {
    exitOnStartFailure(definition.name, error);
  });
}

async function start<Schema extends z.ZodObject, Parts extends ComposedService, TType extends EventType>(
  definition: ServiceDefinition<Schema, Parts, TType>,
): Promise<void> {
  const config = loadConfigOrExit(definition.config);
  // Jobs are checked when compose creates their workers (createWorkers); both exit 78 naming what is missing.
  const problems = definition.consumes === undefined ? [] : checkHandlers('event type', definition.consumes.subscribes, Object.keys(definition.consumes.handlers));
  if (problems.length > 0) throw new ConfigError(problems);

  const logger = createLogger(definition.name, (config as { LOG_LEVEL?: Parameters<typeof createLogger>[1] }).LOG_LEVEL ?? 'info');
  const parts = await definition.compose({ config, logger });
  const app = await createServiceApplication(
    {
      name: definition.name,
      api: definition.api,
      bodies: definition.bodies,
      identitySecret: definition.identitySecret?.(config),
      // Every service spreading `identityEnv` into its configuration has this variable (with its default).
      identityMaxAgeSeconds: (config as { IDENTITY_TOKEN_MAX_AGE_SECONDS?: number }).IDENTITY_TOKEN_MAX_AGE_SECONDS,
    },
    logger,
    parts,
  );
  if (definition.consumes !== undefined) connectConsumer(app, definition.consumes, config, parts, logger);
  app.enableShutdownHooks(['SIGTERM', 'SIGINT'], { useProcessExit: true });
  await parts.start?.();
  await app.startAllMicroservices();
  const port = definition.port(config);
  const host = definition.host?.(config) ?? '127.0.0.1';
  await app.listen(port, host);
  logger.info({ port, host, node: process.version }, `${definition.name} listening`);
}

/** How the skeleton builds a service's application; also for tests that run one in-process. */
export interface ServiceApplicationOptions {
  readonly name: string;
  readonly api?: { readonly title: string; readonly description?: string } | undefined;
  readonly bodies?: 'json' | 'forms' | undefined;
  readonly identitySecret?: string | undefined;
  /** How old an identity token may be, whatever its `exp` says; the identity package's default if undefined. */
  readonly identityMaxAgeSeconds?: number | undefined;
}

/**
 * The Nest application of a composed service: health and readiness, its controllers, the body parser,
 * the HTTP hardening, the identity guard, its own settings and OpenAPI; not yet listening, with no consumer connected.
 */
export async function createServiceApplication(options: ServiceApplicationOptions, logger: Logger, parts: ComposedService): Promise<NestExpressApplication> {
  const forms = options.bodies === 'forms';
  const app = await NestFactory.create<NestExpressApplication>(
    ServiceModule.register(options.name, logger, parts),
    // Nest declares its options as a class; a literal is how its own documentation passes them. The raw
    // body is kept: invalid UTF-8 is visible only there (the parsers replace it silently).
    // eslint-disable-next-line @typescript-eslint/no-unsafe-class-instance-assignment
    { logger: ['error', 'warn'], bodyParser: false, rawBody: true },
  );
  if (forms) {
    // HTML forms only; the web application checks their text itself, to answer with its Dutch pages.
    useFormBody(app);
  } else {
    // Our own JSON parser: a size limit, UTF-8 only, parse errors answered as 400 naming `body` (never echoing it).
    useJsonBody(app);
    useApiInputChecks(app);
  }
  hardenHttp(app, forms ? 'pages' : 'api');
  if (options.identitySecret !== undefined) {
    const maxAgeSeconds = options.identityMaxAgeSeconds;
    app.useGlobalGuards(new IdentityGuard({ secret: options.identitySecret, ...(maxAgeSeconds === undefined ? {} : { maxAgeSeconds }) }));
  }
  parts.configure?.(app);
  const { api, identitySecret } = options;
  if (api !== undefined) {
    SwaggerModule.setup(
      'api/docs',
      app,
      () => {
        const description = [api.description, identitySecret === undefined ? undefined : `Every /api route needs the ${IDENTITY_HEADER} header.`];
        const document = new DocumentBuilder().setTitle(api.title).setVersion('0.1.0').setDescription(description.filter((line) => line !== undefined).join(' '));
        return SwaggerModule.createDocument(app, document.build());
      },
      { jsonDocumentUrl: 'api/openapi.json' },
    );
  }
  return app;
}

function connectConsumer<Parts extends ComposedService, TType extends EventType, Config>(
  app: NestExpressApplication,
  consumes: EventConsumption<Config, Parts, TType>,
  config: Config,
  parts: Parts,
  logger: Logger,
): void {
  if (parts.bus === undefined) throw new Error('the service consumes events, so compose must return its bus');
  const transport = new KafkaBusTransport({
    bus: parts.bus,
    groupId: consumes.groupId(config),
    topics: consumes.subscribes.map((type) => EVENT_CATALOG[type].topic),
    logger,
    ...consumes.tuning,
  });
  for (const type of consumes.subscribes) {
    const handler = (consumes.handlers as Readonly<Record<string, EventHandlerFactory<Parts>>>)[type];
    if (handler === undefined) continue; // refused by the start-up check
    const run = handler(parts);
    // Nest's event handler: the bus awaits it (commit after success, retry, dead letter).
    transport.addHandler(EVENT_CATALOG[type].topic, (message: Parameters<BusHandler>[0]) => run(message), true);
  }
  // Handler errors must reach the bus (retry, then dead letter) with their real cause.
  app.connectMicroservice({ strategy: transport }, { deferInitialization: true }).useGlobalFilters(new PassErrorsToBusFilter());
}

/** The service's Nest module: health and readiness, its controllers and providers, and the ordered shutdown. */
@Module({})
class ServiceModule {
  static register(service: string, logger: Logger, parts: ComposedService): DynamicModule {
    const shutdown: InfrastructureShutdown = { service, logger, close: () => parts.close() };
    return {
      module: ServiceModule,
      imports: [...(parts.imports ?? [])],
      controllers: [HealthController, ...(parts.controllers ?? [])],
      providers: [
        ReadinessService,
        InfrastructureLifecycle,
        { provide: READINESS_PROBES, useValue: parts.probes },
        { provide: BACKLOG_PROBES, useValue: parts.backlogs ?? [] },
        { provide: INFRASTRUCTURE_SHUTDOWN, useValue: { ...shutdown, stop: parts.stop?.bind(parts) } },
        ...(parts.providers ?? []),
      ],
    };
  }
}
