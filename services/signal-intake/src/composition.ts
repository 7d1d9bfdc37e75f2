import { AccessErrorFilter, AuditedAccess } from '@signaalhub/access';
import { AuditLog } from '@signaalhub/audit';
import { createEventBus, type EventBus } from '@signaalhub/bus';
import { TOPIC_DEFINITIONS } from '@signaalhub/contracts';
import { EnvelopeOpener, EnvelopeSealer, RedisReplayStore, storedEnvelopeOpener } from '@signaalhub/envelope';
import type { Logger } from '@signaalhub/logging';
import { TransactionalOutbox } from '@signaalhub/outbox';
import {
  connectDurableRedis,
  kafkaProbe,
  loadServiceKeys,
  openServiceDatabase,
  outboxBacklogProbe,
  postgresProbe,
  redisProbe,
  type ComposedService,
} from '@signaalhub/service-kit';
import { APP_FILTER } from '@nestjs/core';
import type { SignalIntakeConfig } from './config.js';
import { SIGNAL_INTAKE_MIGRATIONS } from './database/migrations.js';
import { DecisionReader } from './decisions/decision-reader.js';
import { DecisionReceiver } from './decisions/decision-receiver.js';
import { DecisionStore } from './decisions/decision-store.js';
import { assertPolicyPartiesKnown, DISTRIBUTION_POLICY, loadDistributionPolicy } from './policy/distribution-policy.js';
import { PolicyController } from './policy/policy.controller.js';
import { SignalImportStore } from './imports/signal-import-store.js';
import { SignalImporter } from './imports/signal-importer.js';
import { SignalImportsController } from './imports/signal-imports.controller.js';
import { SignalOverview } from './signals/signal-overview.js';
import { SignalStore } from './signals/signal-store.js';
import { SignalSubmitter } from './signals/signal-submitter.js';
import { SignalsController } from './signals/signals.controller.js';

export interface SignalIntakeService extends ComposedService {
  readonly bus: EventBus;
  readonly decisionReceiver: DecisionReceiver;
}

/**
 * Decisions may reach a consumer group that starts late or lags (a new instance reads the topic from
 * the beginning), so this consumer accepts envelopes up to 30 days old instead of the default 7.
 */
const DECISION_FRESHNESS = { maxAgeMs: 30 * 24 * 60 * 60 * 1000, clockSkewMs: 5 * 60 * 1000 };

/** The composition root: keys and policy (configuration too: a bad one exits 78), clients, then every part. */
export async function composeSignalIntake({ config, logger }: { config: SignalIntakeConfig; logger: Logger }): Promise<SignalIntakeService> {
  const { keyring, matchTokenKey } = await loadServiceKeys(config.KEYS_DIR, config.HUB_KEY_PASSPHRASE);
  const policy = await loadDistributionPolicy(config.DISTRIBUTION_POLICY_FILE);
  assertPolicyPartiesKnown(policy, (party) => keyring.knows(party));

  const schema = config.SIGNAL_INTAKE_DB_SCHEMA;
  const redis = await connectDurableRedis(config.REDIS_URL);
  // Two connections stay checked out by the outbox relay (its open transaction) and the audit writer.
  const postgres = await openServiceDatabase({ url: config.DATABASE_URL, schema, migrations: SIGNAL_INTAKE_MIGRATIONS, maxConnections: 10 });
  const auditLog = await AuditLog.open(postgres, schema);
  const bus = createEventBus({ brokers: config.KAFKA_BROKERS, clientId: config.KAFKA_CLIENT_ID, logger });
  await bus.provision(TOPIC_DEFINITIONS, { replicationFactor: config.KAFKA_REPLICATION_FACTOR });

  const signals = new SignalStore(postgres, schema);
  const sealer = new EnvelopeSealer(keyring);
  const decisions = new DecisionStore(postgres, schema);
  const access = new AuditedAccess(auditLog, logger.child({ component: 'access' }));
  const outbox = new TransactionalOutbox({
    pool: postgres,
    databaseUrl: config.DATABASE_URL,
    schema,
    producer: bus.createProducer(),
    logger,
    pollMs: config.OUTBOX_POLL_MS,
  });
  const decisionReceiver = new DecisionReceiver({
    // Namespaced per schema so two services (or two test schemas) never share "already opened" marks.
    opener: new EnvelopeOpener(keyring, { replayStore: new RedisReplayStore(redis, schema.replace(/_/g, '-')), window: DECISION_FRESHNESS }),
    signals,
    decisions,
    auditLog,
    deadLetters: bus.createProducer(),
    logger: logger.child({ component: 'decision-receiver' }),
  });

  return {
    bus,
    decisionReceiver,
    controllers: [SignalsController, PolicyController, SignalImportsController],
    providers: [
      { provide: APP_FILTER, useClass: AccessErrorFilter },
      { provide: DISTRIBUTION_POLICY, useValue: policy },
      { provide: AuditedAccess, useValue: access },
      { provide: SignalSubmitter, useValue: new SignalSubmitter({ policy, sealer, matchTokenKey, store: signals, access }) },
      { provide: SignalImporter, useValue: new SignalImporter({ policy, sealer, matchTokenKey, store: new SignalImportStore(postgres, schema), access }) },
      { provide: SignalOverview, useValue: new SignalOverview(signals, decisions, new DecisionReader(storedEnvelopeOpener(keyring), access), access) },
    ],
    probes: [kafkaProbe(bus), redisProbe(redis), postgresProbe(postgres)],
    backlogs: [outboxBacklogProbe(outbox)],
    start: () => outbox.start(),
    stop: () => outbox.stop(),
    async close() {
      await bus.close();
      await redis.quit();
      await postgres.end();
    },
  };
}
