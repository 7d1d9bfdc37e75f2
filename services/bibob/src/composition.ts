import { APP_FILTER } from '@nestjs/core';
import { AccessErrorFilter, AuditedAccess } from '@signaalhub/access';
import { AuditLog } from '@signaalhub/audit';
import { ConfigError } from '@signaalhub/config';
import { createEventBus, type EventBus } from '@signaalhub/bus';
import { Jobs, TOPIC_DEFINITIONS } from '@signaalhub/contracts';
import { DEFAULT_FRESHNESS_WINDOW, EnvelopeOpener, EnvelopeSealer, HeaderVerifier, matchToken, RedisReplayStore, SealedRecords } from '@signaalhub/envelope';
import { MatchTokenStore } from '@signaalhub/matching';
import type { Logger } from '@signaalhub/logging';
import { TransactionalOutbox } from '@signaalhub/outbox';
import { type ComposedService, connectDurableRedis, createWorkers, DelayedJobs, loadServiceKeys, openServiceDatabase } from '@signaalhub/service-kit';
import { kafkaProbe, outboxBacklogProbe, postgresProbe, redisProbe } from '@signaalhub/service-kit';
import { Redis } from 'ioredis';
import type pg from 'pg';
import { BibobAccessPolicy } from './access/bibob-access-policy.js';
import { AlertStore } from './alerts/alert-store.js';
import { DeadlineAlerts } from './alerts/deadline-alerts.js';
import type { BibobConfig } from './config.js';
import { BIBOB_MIGRATIONS } from './database/migrations.js';
import { DisclosureRegister } from './disclosures/disclosure-register.js';
import { CoordinatorsController } from './http/coordinators.controller.js';
import { DisclosuresController } from './http/disclosures.controller.js';
import { ScreeningHitLookup } from './hits/screening-hit-lookup.js';
import { SignalHeaderIntake } from './hits/signal-header-intake.js';
import { InformationRequestsController } from './http/information-requests.controller.js';
import { ScreeningsController } from './http/screenings.controller.js';
import { InformationAnswerIntake } from './information/information-answer-intake.js';
import { PoolRequestStore } from './information/information-request-store.js';
import { PoolInformationRequests } from './information/pool-information-requests.js';
import { ScreeningRequestIntake } from './intake/screening-request-intake.js';
import { PoolAssignment } from './screenings/new-screening-assignment.js';
import { loadCoordinators, type Coordinator } from './assignment/coordinator-config.js';
import { CoordinatorOverview } from './screenings/coordinator-overview.js';
import { ScreeningFormIntake } from './screenings/screening-form.js';
import { ScreeningMessages } from './screenings/screening-messages.js';
import { ScreeningOpening } from './screenings/screening-opening.js';
import { ScreeningReader } from './screenings/screening-reader.js';
import { ScreeningReassignment } from './screenings/screening-reassignment.js';
import { ScreeningStore } from './screenings/screening-store.js';
import { ScreeningWorkflow } from './screenings/screening-workflow.js';

/** Audit actor of this service when it acts on its own (Kafka events). */
export const SERVICE_NAME = 'bibob';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Everything the service is made of, built once from the configuration (the composition root). */
export interface BibobService extends ComposedService {
  readonly bus: EventBus;
  readonly postgres: pg.Pool;
  readonly redis: Redis;
  readonly requests: ScreeningRequestIntake;
  readonly signalHeaders: SignalHeaderIntake;
  readonly informationAnswers: InformationAnswerIntake;
  readonly alerts: DeadlineAlerts;
}

/** `clock`: the application clock every date and timer reads (tests pass their own; the service shifts real time by BIBOB_CLOCK_OFFSET_SECONDS). */
export async function composeBibob({ config, logger, clock: givenClock }: { config: BibobConfig; logger: Logger; clock?: () => Date }): Promise<BibobService> {
  const offsetMs = config.BIBOB_CLOCK_OFFSET_SECONDS * 1000;
  const clock = givenClock ?? ((): Date => new Date(Date.now() + offsetMs));
  // Keys are configuration too: a broken key directory or passphrase exits 78 before anything connects.
  const { keyring, matchTokenKey } = await loadServiceKeys(config.KEYS_DIR, config.HUB_KEY_PASSPHRASE);
  const coordinators = await coordinatorPool(config);
  const poolParty = config.BIBOB_POOL_PARTY;
  if (!keyring.canActAs(poolParty)) throw new ConfigError([`BIBOB_POOL_PARTY: no private key for ${poolParty} in KEYS_DIR`]);
  const schema = config.BIBOB_DATABASE_SCHEMA;

  const redis = await connectDurableRedis(config.REDIS_URL);
  // BullMQ needs its own connection that retries forever instead of failing commands.
  const bullmqConnection = new Redis(config.REDIS_URL, { maxRetriesPerRequest: null });
  const postgres = await openServiceDatabase({ url: config.DATABASE_URL, schema, migrations: BIBOB_MIGRATIONS, maxConnections: 10 });
  const audit = await AuditLog.open(postgres, schema);
  const bus = createEventBus({ brokers: config.KAFKA_BROKERS, clientId: config.KAFKA_CLIENT_ID, logger });
  await bus.provision(TOPIC_DEFINITIONS, { replicationFactor: config.KAFKA_REPLICATION_FACTOR });
  const deadLetters = bus.createProducer();
  await deadLetters.connect();

  const outbox = new TransactionalOutbox({ pool: postgres, databaseUrl: config.DATABASE_URL, schema, producer: bus.createProducer(), logger });
  const records = new SealedRecords(keyring, poolParty);
  const messages = new ScreeningMessages(new EnvelopeSealer(keyring, clock), outbox.writer, poolParty, config.RIEC_PARTY);
  const store = new ScreeningStore(postgres, schema);
  const policy = new BibobAccessPolicy(poolParty, coordinators.filter((entry) => entry.lead).map((entry) => entry.id));
  const access = new AuditedAccess(audit, logger.child({ component: 'access' }));
  const prefix = config.BIBOB_QUEUE_PREFIX;
  const alertJobs = new DelayedJobs(Jobs.screeningDeadlineAlert, { connection: bullmqConnection, prefix, clock });
  const alertStore = new AlertStore(postgres, schema);
  const calendar = { extraNonWorkingDays: config.BIBOB_EXTRA_NON_WORKING_DAYS };
  const alerts = new DeadlineAlerts({
    screenings: store,
    alerts: alertStore,
    jobs: alertJobs,
    leadMs: config.BIBOB_ALERT_LEAD_SECONDS * 1000,
    sweepMs: config.BIBOB_ALERT_SWEEP_MS,
    logger: logger.child({ component: 'deadline-alerts' }),
    clock,
    calendar,
  });
  const opening = new ScreeningOpening({ pool: postgres, store, records, messages, assignment: new PoolAssignment(coordinators, store),
    applicantToken: (kvkNumber) => matchToken({ kind: 'kvk', kvkNumber }, matchTokenKey).token,
    logger,
    clock,
    followDeadlines: (screeningId) => alerts.follow(screeningId),
  });
  const replayStore = new RedisReplayStore(redis, config.BIBOB_REPLAY_NAMESPACE);
  const window = { maxAgeMs: config.ENVELOPE_MAX_AGE_DAYS * DAY_MS, clockSkewMs: DEFAULT_FRESHNESS_WINDOW.clockSkewMs };
  const inboxParts = { service: SERVICE_NAME, deadLetters, audit, logger };
  const opener = new EnvelopeOpener(keyring, { replayStore, window });
  const requests = new ScreeningRequestIntake({
    opener,
    opening,
    store,
    poolParty,
    municipalities: config.MUNICIPALITIES,
    inbox: inboxParts,
  });
  const tokens = new MatchTokenStore(postgres, schema);
  const signalHeaders = new SignalHeaderIntake({
    verifier: new HeaderVerifier(keyring, { replayStore, window, clock }),
    tokens,
    poolParty,
    municipalities: config.MUNICIPALITIES,
    inbox: inboxParts,
  });
  const hits = new ScreeningHitLookup({ pool: postgres, schema, tokens, matchTokenKey, clock });
  const poolRequests = new PoolRequestStore(postgres, schema);
  const informationAnswers = new InformationAnswerIntake({ opener, requests: poolRequests, records, poolParty, inbox: inboxParts });
  const workers = createWorkers({
    connection: bullmqConnection,
    prefix,
    jobs: { screeningDeadlineAlert: Jobs.screeningDeadlineAlert },
    handlers: { screeningDeadlineAlert: (alert) => alerts.fire(alert) },
    logger,
  });
  const workflowParts = { pool: postgres, store, records, messages, policy, access, logger, clock, followDeadlines: (screeningId: string) => alerts.follow(screeningId) };
  const disclosures = new DisclosureRegister({ ...workflowParts, schema, riecParty: config.RIEC_PARTY, grounds: config.BIBOB_DISCLOSURE_GROUNDS });

  return {
    bus,
    postgres,
    redis,
    requests,
    signalHeaders,
    informationAnswers,
    alerts,
    controllers: [ScreeningsController, DisclosuresController, CoordinatorsController, InformationRequestsController],
    providers: [
      { provide: APP_FILTER, useClass: AccessErrorFilter },
      { provide: AuditedAccess, useValue: access },
      { provide: ScreeningFormIntake, useValue: new ScreeningFormIntake(opening, policy, access, config.MUNICIPALITIES, clock) },
      { provide: ScreeningReader, useValue: new ScreeningReader(store, records, policy, access, calendar, hits, alertStore, clock) },
      { provide: ScreeningWorkflow, useValue: new ScreeningWorkflow(workflowParts) },
      { provide: ScreeningReassignment, useValue: new ScreeningReassignment({ ...workflowParts, coordinators }) },
      { provide: DisclosureRegister, useValue: disclosures },
      { provide: CoordinatorOverview, useValue: new CoordinatorOverview(coordinators, store, policy, access, clock) },
      {
        provide: PoolInformationRequests,
        useValue: new PoolInformationRequests({ pool: postgres, screenings: store, requests: poolRequests, records, messages, hits, policy, access, logger, clock }),
      },
    ],
    probes: [postgresProbe(postgres), redisProbe(redis), kafkaProbe(bus)],
    backlogs: [outboxBacklogProbe(outbox)],
    start: async () => {
      await outbox.start();
      await workers.start();
      await alerts.start();
    },
    stop: async () => {
      await alerts.stop();
      await workers.close();
      await alertJobs.close();
      await outbox.stop();
    },
    // After stop: the relay, the workers and the alert sweep no longer use the producer, the pool or Redis.
    close: async () => {
      await bus.close();
      await Promise.all([redis.quit(), bullmqConnection.quit(), postgres.end()]);
    },
  };
}

/** The coordinator pool from configuration (exit 78 naming each problem); none configured: an empty pool. */
async function coordinatorPool(config: BibobConfig): Promise<readonly Coordinator[]> {
  const options = { knownMunicipalities: config.MUNICIPALITIES };
  const loaded =
    config.BIBOB_COORDINATORS_FILE !== undefined
      ? await loadCoordinators({ kind: 'file', variable: 'BIBOB_COORDINATORS_FILE', path: config.BIBOB_COORDINATORS_FILE }, options)
      : config.BIBOB_COORDINATORS !== undefined
        ? await loadCoordinators({ kind: 'json', variable: 'BIBOB_COORDINATORS', json: config.BIBOB_COORDINATORS }, options)
        : { ok: true as const, coordinators: [] };
  if (!loaded.ok) throw new ConfigError([...loaded.problems]);
  return loaded.coordinators;
}
