import { APP_FILTER } from '@nestjs/core';
import { AccessErrorFilter, AuditedAccess } from '@signaalhub/access';
import { AuditLog } from '@signaalhub/audit';
import { ConfigError } from '@signaalhub/config';
import { createEventBus, type EventBus } from '@signaalhub/bus';
import { TOPIC_DEFINITIONS } from '@signaalhub/contracts';
import { DEFAULT_FRESHNESS_WINDOW, EnvelopeOpener, EnvelopeSealer, matchToken, RedisReplayStore, SealedRecords } from '@signaalhub/envelope';
import type { Logger } from '@signaalhub/logging';
import { TransactionalOutbox } from '@signaalhub/outbox';
import { type ComposedService, connectDurableRedis, loadServiceKeys, openServiceDatabase } from '@signaalhub/service-kit';
import { kafkaProbe, outboxBacklogProbe, postgresProbe, redisProbe } from '@signaalhub/service-kit';
import type { Redis } from 'ioredis';
import type pg from 'pg';
import { BibobAccessPolicy } from './access/bibob-access-policy.js';
import type { BibobConfig } from './config.js';
import { BIBOB_MIGRATIONS } from './database/migrations.js';
import { DisclosureRegister } from './disclosures/disclosure-register.js';
import { DisclosuresController } from './http/disclosures.controller.js';
import { ScreeningsController } from './http/screenings.controller.js';
import { ScreeningRequestIntake } from './intake/screening-request-intake.js';
import { PoolAssignment } from './screenings/new-screening-assignment.js';
import { loadCoordinators, type Coordinator } from './assignment/coordinator-config.js';
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
}

export async function composeBibob({ config, logger }: { config: BibobConfig; logger: Logger }): Promise<BibobService> {
  // Keys are configuration too: a broken key directory or passphrase exits 78 before anything connects.
  const { keyring, matchTokenKey } = await loadServiceKeys(config.KEYS_DIR, config.HUB_KEY_PASSPHRASE);
  const coordinators = await coordinatorPool(config);
  const poolParty = config.BIBOB_POOL_PARTY;
  if (!keyring.canActAs(poolParty)) throw new ConfigError([`BIBOB_POOL_PARTY: no private key for ${poolParty} in KEYS_DIR`]);
  const schema = config.BIBOB_DATABASE_SCHEMA;
  const clock = (): Date => new Date();

  const redis = await connectDurableRedis(config.REDIS_URL);
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
  const opening = new ScreeningOpening({ pool: postgres, store, records, messages, assignment: new PoolAssignment(coordinators, store),
    applicantToken: (kvkNumber) => matchToken({ kind: 'kvk', kvkNumber }, matchTokenKey).token,
    logger,
    clock,
  });
  const requests = new ScreeningRequestIntake({
    opener: new EnvelopeOpener(keyring, {
      replayStore: new RedisReplayStore(redis, config.BIBOB_REPLAY_NAMESPACE),
      window: { maxAgeMs: config.ENVELOPE_MAX_AGE_DAYS * DAY_MS, clockSkewMs: DEFAULT_FRESHNESS_WINDOW.clockSkewMs },
    }),
    opening,
    store,
    poolParty,
    municipalities: config.MUNICIPALITIES,
    inbox: { service: SERVICE_NAME, deadLetters, audit, logger },
  });
  const workflowParts = { pool: postgres, store, records, messages, policy, access, logger, clock };
  const disclosures = new DisclosureRegister({ ...workflowParts, schema, riecParty: config.RIEC_PARTY, grounds: config.BIBOB_DISCLOSURE_GROUNDS });

  return {
    bus,
    postgres,
    redis,
    requests,
    controllers: [ScreeningsController, DisclosuresController],
    providers: [
      { provide: APP_FILTER, useClass: AccessErrorFilter },
      { provide: AuditedAccess, useValue: access },
      { provide: ScreeningFormIntake, useValue: new ScreeningFormIntake(opening, policy, access, config.MUNICIPALITIES, clock) },
      { provide: ScreeningReader, useValue: new ScreeningReader(store, records, policy, access, { extraNonWorkingDays: config.BIBOB_EXTRA_NON_WORKING_DAYS }) },
      { provide: ScreeningWorkflow, useValue: new ScreeningWorkflow(workflowParts) },
      { provide: ScreeningReassignment, useValue: new ScreeningReassignment({ ...workflowParts, coordinators }) },
      { provide: DisclosureRegister, useValue: disclosures },
    ],
    probes: [postgresProbe(postgres), redisProbe(redis), kafkaProbe(bus)],
    backlogs: [outboxBacklogProbe(outbox)],
    start: () => outbox.start(),
    stop: () => outbox.stop(),
    // After stop: the relay no longer uses the producer, the pool or Redis.
    close: async () => {
      await bus.close();
      await Promise.all([redis.quit(), postgres.end()]);
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
