import { APP_FILTER } from '@nestjs/core';
import { AccessErrorFilter, AuditedAccess } from '@signaalhub/access';
import { AuditLog } from '@signaalhub/audit';
import { ConfigError } from '@signaalhub/config';
import { createEventBus, type EventBus } from '@signaalhub/bus';
import { TOPIC_DEFINITIONS } from '@signaalhub/contracts';
import { DEFAULT_FRESHNESS_WINDOW, EnvelopeOpener, EnvelopeSealer, HeaderVerifier, RedisReplayStore, SealedRecords, storedEnvelopeOpener } from '@signaalhub/envelope';
import type { Logger } from '@signaalhub/logging';
import { MatchTokenStore } from '@signaalhub/matching';
import { TransactionalOutbox } from '@signaalhub/outbox';
import { type ComposedService, connectDurableRedis, kafkaProbe, loadServiceKeys, openServiceDatabase, outboxBacklogProbe, postgresProbe, redisProbe } from '@signaalhub/service-kit';
import type { Redis } from 'ioredis';
import type pg from 'pg';
import { FeedAccessPolicy } from './access/feed-access-policy.js';
import type { RiecFeedConfig } from './config.js';
import { RIEC_FEED_MIGRATIONS } from './database/migrations.js';
import { HandoverStore } from './handovers/handover-store.js';
import { RiecHandovers } from './handovers/riec-handovers.js';
import { CrossMunicipalityHits } from './hits/cross-municipality-hits.js';
import { ExclusionList } from './hits/exclusion-list.js';
import type { InformationAnswerInbox } from '@signaalhub/inbox';
import { hitAnswerIntake } from './hits/hit-answer-intake.js';
import { HitInformationRequests } from './hits/hit-information-requests.js';
import { HitRequestStore } from './hits/hit-request-store.js';
import { HitSignals } from './hits/hit-signals.js';
import { HitsMispExport } from './hits/hits-misp-export.js';
import { HitStore } from './hits/hit-store.js';
import { HitSummary } from './hits/hit-summary.js';
import { RiecEnvelopes } from './hits/riec-envelopes.js';
import { ExclusionsController } from './http/exclusions.controller.js';
import { HandoversController } from './http/handovers.controller.js';
import { HitsController } from './http/hits.controller.js';
import { ReleasesController } from './http/releases.controller.js';
import { HeaderProjections } from './projections/header-projections.js';
import { ProjectionStore } from './projections/projection-store.js';
import { ReleasePublisher } from './releases/release-publisher.js';
import { ReleaseStore } from './releases/release-store.js';
import { Releases } from './releases/releases.js';

/** Audit actor of this service when it acts on its own (Kafka events). */
export const SERVICE_NAME = 'riec-feed';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Everything the service is made of, built once from the configuration (the composition root). */
export interface RiecFeedService extends ComposedService {
  readonly bus: EventBus;
  readonly postgres: pg.Pool;
  readonly redis: Redis;
  readonly projections: HeaderProjections;
  /** The owning municipalities' answers to the liaison's "verzoeken om informatie". */
  readonly informationAnswers: InformationAnswerInbox;
  /** Builds, stores and sends the releases of a month (the API's and the tests' way in). */
  readonly releasePublisher: ReleasePublisher;
}

/** `clock`: the application clock that decides whether an event is late and a month has ended (tests pass their own; the service shifts real time by RIEC_FEED_CLOCK_OFFSET_SECONDS). */
export async function composeRiecFeed({ config, logger, clock: givenClock }: { config: RiecFeedConfig; logger: Logger; clock?: () => Date }): Promise<RiecFeedService> {
  const offsetMs = config.RIEC_FEED_CLOCK_OFFSET_SECONDS * 1000;
  const clock = givenClock ?? ((): Date => new Date(Date.now() + offsetMs));
  // Keys are configuration too: a broken key directory or passphrase exits 78 before anything connects.
  const { keyring, matchTokenKey } = await loadServiceKeys(config.KEYS_DIR, config.HUB_KEY_PASSPHRASE);
  if (!keyring.canActAs(config.RIEC_PARTY)) throw new ConfigError([`RIEC_PARTY: no private key for ${config.RIEC_PARTY} in KEYS_DIR`]);
  const schema = config.RIEC_FEED_DATABASE_SCHEMA;

  const bus = createEventBus({ brokers: config.KAFKA_BROKERS, clientId: config.KAFKA_CLIENT_ID, logger });
  await bus.provision(TOPIC_DEFINITIONS, { replicationFactor: config.KAFKA_REPLICATION_FACTOR });
  const redis = await connectDurableRedis(config.REDIS_URL);
  const postgres = await openServiceDatabase({ url: config.DATABASE_URL, schema, migrations: RIEC_FEED_MIGRATIONS, maxConnections: 10 });
  const audit = await AuditLog.open(postgres, schema);
  const deadLetters = bus.createProducer();
  await deadLetters.connect();

  const outbox = new TransactionalOutbox({ pool: postgres, databaseUrl: config.DATABASE_URL, schema, producer: bus.createProducer(), logger });
  const policy = new FeedAccessPolicy(config.RIEC_PARTY, config.MUNICIPALITIES);
  const access = new AuditedAccess(audit, logger.child({ component: 'access' }));
  const replayStore = new RedisReplayStore(redis, config.RIEC_FEED_REPLAY_NAMESPACE);
  const window = { maxAgeMs: config.ENVELOPE_MAX_AGE_DAYS * DAY_MS, clockSkewMs: DEFAULT_FRESHNESS_WINDOW.clockSkewMs };
  const riecEnvelopes = new RiecEnvelopes(postgres, schema);
  const hitStore = new HitStore(postgres, schema);
  const handoverStore = new HandoverStore(postgres, schema);
  const sealer = new EnvelopeSealer(keyring, clock);
  const records = new SealedRecords(keyring, config.RIEC_PARTY);
  const opener = storedEnvelopeOpener(keyring);
  const hitRequests = new HitRequestStore(postgres, schema);
  const inboxParts = { service: SERVICE_NAME, deadLetters, audit, logger };
  const projections = new HeaderProjections({
    pool: postgres,
    store: new ProjectionStore(postgres, schema),
    tokens: new MatchTokenStore(postgres, schema),
    hitSummary: new HitSummary(schema),
    riecEnvelopes,
    handovers: handoverStore,
    verifier: new HeaderVerifier(keyring, { replayStore, window, clock }),
    riecParty: config.RIEC_PARTY,
    poolParty: config.BIBOB_POOL_PARTY,
    municipalities: config.MUNICIPALITIES,
    inbox: inboxParts,
    clock,
  });
  const informationAnswers = hitAnswerIntake({
    pool: postgres,
    // A fresh answer is opened with the freshness window and replay rule; stored envelopes later without.
    opener: new EnvelopeOpener(keyring, { replayStore, window, clock }),
    requests: hitRequests,
    envelopes: riecEnvelopes,
    riecParty: config.RIEC_PARTY,
    inbox: inboxParts,
  });
  const exclusions = new ExclusionList({ pool: postgres, schema, policy, access, matchTokenKey, clock });
  const releaseStore = new ReleaseStore(postgres, schema);
  const releasePublisher = new ReleasePublisher({
    pool: postgres,
    schema,
    store: releaseStore,
    sealer,
    outbox: outbox.writer,
    riecParty: config.RIEC_PARTY,
    municipalities: config.MUNICIPALITIES,
    k: config.RIEC_FEED_K,
    clock,
  });

  return {
    bus,
    postgres,
    redis,
    projections,
    informationAnswers,
    releasePublisher,
    controllers: [HitsController, ExclusionsController, ReleasesController, HandoversController],
    providers: [
      { provide: APP_FILTER, useClass: AccessErrorFilter },
      { provide: AuditedAccess, useValue: access },
      { provide: CrossMunicipalityHits, useValue: new CrossMunicipalityHits(hitStore, policy, access) },
      {
        provide: HitSignals,
        useValue: new HitSignals({ store: hitStore, envelopes: riecEnvelopes, requests: hitRequests, opener, riecParty: config.RIEC_PARTY, policy, access }),
      },
      { provide: ExclusionList, useValue: exclusions },
      { provide: Releases, useValue: new Releases({ store: releaseStore, publisher: releasePublisher, policy, access }) },
      {
        provide: HitsMispExport,
        useValue: new HitsMispExport({
          store: hitStore,
          policy,
          access,
          eventUuid: config.RIEC_FEED_MISP_EVENT_UUID,
          organisation: { name: config.RIEC_FEED_MISP_ORG_NAME, uuid: config.RIEC_FEED_MISP_ORG_UUID },
          clock,
        }),
      },
      {
        provide: HitInformationRequests,
        useValue: new HitInformationRequests({
          pool: postgres,
          store: hitStore,
          requests: hitRequests,
          envelopes: riecEnvelopes,
          opener,
          sealer,
          outbox: outbox.writer,
          records,
          riecParty: config.RIEC_PARTY,
          policy,
          access,
          clock,
        }),
      },
      {
        provide: RiecHandovers,
        useValue: new RiecHandovers({
          pool: postgres,
          store: handoverStore,
          signals: riecEnvelopes,
          opener,
          sealer,
          outbox: outbox.writer,
          records,
          riecParty: config.RIEC_PARTY,
          policy,
          access,
          clock,
        }),
      },
    ],
    // The relay publishes the liaison's requests, the releases and the hand-over answers; the consumer is the skeleton's.
    start: () => outbox.start(),
    stop: () => outbox.stop(),
    // After stop nothing uses the clients any more.
    close: () => closeClients(bus, redis, postgres),
    probes: [postgresProbe(postgres), redisProbe(redis), kafkaProbe(bus)],
    backlogs: [outboxBacklogProbe(outbox)],
  };
}

async function closeClients(bus: EventBus, redis: Redis, postgres: pg.Pool): Promise<void> {
  await bus.close();
  await redis.quit();
  await postgres.end();
}
