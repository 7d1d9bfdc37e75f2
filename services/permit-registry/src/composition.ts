import { APP_FILTER } from '@nestjs/core';
import { AccessErrorFilter, AuditedAccess } from '@signaalhub/access';
import { AuditLog } from '@signaalhub/audit';
import { ConfigError } from '@signaalhub/config';
import { createEventBus, type EventBus } from '@signaalhub/bus';
import { municipalityPartyId, TOPIC_DEFINITIONS } from '@signaalhub/contracts';
import { DEFAULT_FRESHNESS_WINDOW, EnvelopeOpener, EnvelopeSealer, HeaderVerifier, RedisReplayStore } from '@signaalhub/envelope';
import type { Logger } from '@signaalhub/logging';
import { TransactionalOutbox } from '@signaalhub/outbox';
import { type ComposedService, connectDurableRedis, loadServiceKeys, openServiceDatabase } from '@signaalhub/service-kit';
import { kafkaProbe, outboxBacklogProbe, postgresProbe, redisProbe } from '@signaalhub/service-kit';
import type { Redis } from 'ioredis';
import type pg from 'pg';
import { RegistryAccessPolicy } from './access/registry-access-policy.js';
import { ApplicationDesk } from './applications/application-desk.js';
import { ApplicationStore } from './applications/application-store.js';
import { ApplicationScreenings } from './applications/application-screenings.js';
import { ApplicationsController } from './http/applications.controller.js';
import { PermitsController } from './http/permits.controller.js';
import { PublicRegisterController } from './http/public-register.controller.js';
import { PermitClock } from './permits/permit-clock.js';
import { PermitDesk } from './permits/permit-desk.js';
import { PermitMessages } from './permits/permit-messages.js';
import { PermitStore } from './permits/permit-store.js';
import { PublicRegister } from './public-register/public-register.js';
import { PublicRegisterStore } from './public-register/public-register-store.js';
import { SERVICE_NAME } from './registry/service-actor.js';
import type { PermitRegistryConfig } from './config.js';
import { PERMIT_REGISTRY_MIGRATIONS } from './database/migrations.js';
import { EstablishmentRegister } from './establishments/establishment-register.js';
import { EstablishmentRescreening } from './establishments/establishment-rescreening.js';
import { EstablishmentStore } from './establishments/establishment-store.js';
import { EstablishmentsController } from './http/establishments.controller.js';
import { FlagStore } from './flags/flag-store.js';
import { signalFlagIntake } from './flags/signal-flag-intake.js';
import { RescreeningScreenings } from './establishments/rescreening-screenings.js';
import { RescreeningStore } from './establishments/rescreening-store.js';
import { ScreeningEventsIntake } from './screenings/screening-events-intake.js';
import { ScreeningRequests } from './screenings/screening-requests.js';
import { MunicipalRecords } from './registry/registry-records.js';
import { loadRegistrySettings, type RegistrySettings } from './registry/registry-settings.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Everything the service is made of, built once from the configuration (the composition root). */
export interface PermitRegistryService extends ComposedService {
  readonly bus: EventBus;
  readonly postgres: pg.Pool;
  readonly redis: Redis;
  readonly settings: RegistrySettings;
  readonly screenings: ScreeningEventsIntake;
  readonly signalFlags: ReturnType<typeof signalFlagIntake>;
}

/** `clock`: the application clock every date reads (tests pass their own; the service shifts real time by PERMIT_REGISTRY_CLOCK_OFFSET_SECONDS). */
export async function composePermitRegistry({ config, logger, clock: givenClock }: { config: PermitRegistryConfig; logger: Logger; clock?: () => Date }): Promise<PermitRegistryService> {
  const offsetMs = config.PERMIT_REGISTRY_CLOCK_OFFSET_SECONDS * 1000;
  const clock = givenClock ?? ((): Date => new Date(Date.now() + offsetMs));
  // Keys and the registry file are configuration too: either broken exits 78 before anything connects.
  const { keyring, matchTokenKey } = await loadServiceKeys(config.KEYS_DIR, config.HUB_KEY_PASSPHRASE);
  const municipalities = config.PERMIT_REGISTRY_MUNICIPALITIES;
  const keyless = municipalities.filter((municipality) => !keyring.canActAs(municipalityPartyId(municipality)));
  if (keyless.length > 0) throw new ConfigError(keyless.map((municipality) => `PERMIT_REGISTRY_MUNICIPALITIES: no private key for ${municipalityPartyId(municipality)} in KEYS_DIR`));
  const loaded = await loadRegistrySettings('PERMIT_REGISTRY_CONFIG_FILE', config.PERMIT_REGISTRY_CONFIG_FILE);
  if (!loaded.ok) throw new ConfigError(loaded.problems);
  const { settings } = loaded;
  const schema = config.PERMIT_REGISTRY_DATABASE_SCHEMA;

  const bus = createEventBus({ brokers: config.KAFKA_BROKERS, clientId: config.KAFKA_CLIENT_ID, logger });
  await bus.provision(TOPIC_DEFINITIONS, { replicationFactor: config.KAFKA_REPLICATION_FACTOR });
  const redis = await connectDurableRedis(config.REDIS_URL);
  const postgres = await openServiceDatabase({ url: config.DATABASE_URL, schema, migrations: PERMIT_REGISTRY_MIGRATIONS, maxConnections: 10 });
  const [audit, deadLetters] = [await AuditLog.open(postgres, schema), bus.createProducer()];
  await deadLetters.connect();
  const outbox = new TransactionalOutbox({ pool: postgres, databaseUrl: config.DATABASE_URL, schema, producer: bus.createProducer(), logger });

  const records = new MunicipalRecords(keyring, municipalities);
  const policy = new RegistryAccessPolicy(municipalities);
  const access = new AuditedAccess(audit, logger.child({ component: 'access' }));
  const establishmentStore = new EstablishmentStore(postgres, schema);
  const flagStore = new FlagStore(postgres, schema);
  const rescreeningStore = new RescreeningStore(postgres, schema);
  const establishments = new EstablishmentRegister({
    store: establishmentStore,
    flags: flagStore,
    rescreenings: rescreeningStore,
    records,
    policy,
    access,
    settings,
    matchTokenKey,
    logger,
    clock,
  });

  const calendar = { extraNonWorkingDays: config.PERMIT_REGISTRY_EXTRA_NON_WORKING_DAYS };
  const applicationStore = new ApplicationStore(postgres, schema);
  const permitStore = new PermitStore(postgres, schema);
  const sealer = new EnvelopeSealer(keyring, clock);
  const screeningRequests = new ScreeningRequests(sealer, outbox.writer, records, config.BIBOB_POOL_PARTY, matchTokenKey);
  const rescreening = new EstablishmentRescreening({ pool: postgres, store: establishmentStore, rescreenings: rescreeningStore, records, screeningRequests, policy, access, logger, clock });
  const desk = new ApplicationDesk({
    pool: postgres,
    store: applicationStore,
    establishments: establishmentStore,
    permits: permitStore,
    records,
    screeningRequests,
    policy,
    access,
    calendar,
    logger,
    clock,
  });
  const publicRegister = new PublicRegister({
    store: new PublicRegisterStore(postgres, schema),
    settings: settings.publicRegister,
    municipalities,
    sweepMs: config.PERMIT_REGISTRY_RETENTION_SWEEP_MS,
    logger: logger.child({ component: 'public-register' }),
    clock,
  });
  const permits = new PermitDesk({
    pool: postgres,
    store: permitStore,
    records,
    messages: new PermitMessages(sealer, outbox.writer, config.BIBOB_POOL_PARTY, config.RIEC_PARTY),
    publicRegister,
    policy,
    access,
    settings,
    matchTokenKey,
    logger,
    clock,
  });
  const permitClock = new PermitClock({
    store: permitStore,
    desk: permits,
    sweepMs: config.PERMIT_REGISTRY_PERMIT_CLOCK_MS,
    logger: logger.child({ component: 'permit-clock' }),
    clock,
  });
  const replayStore = new RedisReplayStore(redis, config.PERMIT_REGISTRY_REPLAY_NAMESPACE);
  const window = { maxAgeMs: config.ENVELOPE_MAX_AGE_DAYS * DAY_MS, clockSkewMs: DEFAULT_FRESHNESS_WINDOW.clockSkewMs };
  const inboxParts = { service: SERVICE_NAME, deadLetters, audit, logger };
  const signalFlags = signalFlagIntake({
    verifier: new HeaderVerifier(keyring, { replayStore, window, clock }),
    flags: flagStore,
    municipalities,
    matchTokenKey,
    inbox: inboxParts,
    logger,
    clock,
  });
  const screenings = new ScreeningEventsIntake({
    opener: new EnvelopeOpener(keyring, { replayStore, window }),
    poolParty: config.BIBOB_POOL_PARTY,
    pool: postgres,
    // An application's reference and an establishment's are distinct ids: at most one target knows an event.
    targets: [new ApplicationScreenings(applicationStore, calendar), new RescreeningScreenings(establishmentStore, rescreeningStore, clock)],
    records,
    municipalities,
    inbox: inboxParts,
  });

  return {
    bus,
    screenings,
    signalFlags,
    postgres,
    redis,
    settings,
    controllers: [EstablishmentsController, ApplicationsController, PermitsController, PublicRegisterController],
    providers: [
      { provide: APP_FILTER, useClass: AccessErrorFilter },
      { provide: AuditedAccess, useValue: access },
      { provide: EstablishmentRegister, useValue: establishments },
      { provide: EstablishmentRescreening, useValue: rescreening },
      { provide: ApplicationDesk, useValue: desk },
      { provide: PermitDesk, useValue: permits },
      { provide: PublicRegister, useValue: publicRegister },
    ],
    probes: [postgresProbe(postgres), redisProbe(redis), kafkaProbe(bus)],
    backlogs: [outboxBacklogProbe(outbox)],
    // The relay, the public register's retention sweep and the permit clock are independent of each other
    // (the clock's events wait in the outbox table until the relay sends them).
    start: async () => {
      await Promise.all([outbox.start(), publicRegister.start(), permitClock.start()]);
    },
    stop: async () => {
      await Promise.all([permitClock.stop(), publicRegister.stop(), outbox.stop()]);
    },
    // After stop: neither the relay nor the sweeps use the producer, the pool or Redis.
    close: async () => {
      await bus.close();
      await Promise.all([redis.quit(), postgres.end()]);
    },
  };
}
