import { AuditedAccess } from '@signaalhub/access';
import type { AuditLog } from '@signaalhub/audit';
import type { EventBus } from '@signaalhub/bus';
import { EnvelopeOpener, EnvelopeSealer, RedisReplayStore, storedEnvelopeOpener, type MatchTokenKey, type PartyKeyring } from '@signaalhub/envelope';
import type { Logger } from '@signaalhub/logging';
import { TransactionalOutbox } from '@signaalhub/outbox';
import type { Redis } from 'ioredis';
import type { Pool } from 'pg';
import type { SignalIntakeConfig } from './config.js';
import { DecisionReader } from './decisions/decision-reader.js';
import { DecisionReceiver } from './decisions/decision-receiver.js';
import { DecisionStore } from './decisions/decision-store.js';
import type { DistributionPolicy } from './policy/distribution-policy.js';
import { SignalOverview } from './signals/signal-overview.js';
import { SignalStore } from './signals/signal-store.js';
import { SignalSubmitter } from './signals/signal-submitter.js';

/** The infrastructure clients and loaded settings, created (and closed) by main.ts. */
export interface SignalIntakeInfrastructure {
  readonly config: SignalIntakeConfig;
  readonly logger: Logger;
  readonly bus: EventBus;
  readonly redis: Redis;
  readonly postgres: Pool;
  readonly keyring: PartyKeyring;
  readonly matchTokenKey: MatchTokenKey;
  readonly policy: DistributionPolicy;
  readonly auditLog: AuditLog;
}

export interface SignalIntakeParts {
  readonly access: AuditedAccess;
  readonly submitter: SignalSubmitter;
  readonly overview: SignalOverview;
  readonly decisionReceiver: DecisionReceiver;
  readonly outbox: TransactionalOutbox;
}

/**
 * Decisions may reach a consumer group that starts late or lags (a new instance reads the topic from
 * the beginning), so this consumer accepts envelopes up to 30 days old instead of the default 7.
 */
const DECISION_FRESHNESS = { maxAgeMs: 30 * 24 * 60 * 60 * 1000, clockSkewMs: 5 * 60 * 1000 };

/** The composition root: every part built once from the infrastructure, wired by hand. */
export function composeParts(infrastructure: SignalIntakeInfrastructure): SignalIntakeParts {
  const { config, logger, bus, redis, postgres, keyring, matchTokenKey, policy, auditLog } = infrastructure;
  const schema = config.SIGNAL_INTAKE_DB_SCHEMA;
  const signals = new SignalStore(postgres, schema);
  const decisions = new DecisionStore(postgres, schema);
  const access = new AuditedAccess(auditLog, logger.child({ component: 'access' }));
  return {
    access,
    submitter: new SignalSubmitter({ policy, sealer: new EnvelopeSealer(keyring), matchTokenKey, store: signals, access }),
    overview: new SignalOverview(signals, decisions, new DecisionReader(storedEnvelopeOpener(keyring), access), access),
    decisionReceiver: new DecisionReceiver({
      // Namespaced per schema so two services (or two test schemas) never share "already opened" marks.
      opener: new EnvelopeOpener(keyring, { replayStore: new RedisReplayStore(redis, schema.replace(/_/g, '-')), window: DECISION_FRESHNESS }),
      signals,
      decisions,
      auditLog,
      deadLetters: bus.createProducer(),
      logger: logger.child({ component: 'decision-receiver' }),
    }),
    outbox: new TransactionalOutbox({
      pool: postgres,
      databaseUrl: config.DATABASE_URL,
      schema,
      producer: bus.createProducer(),
      logger,
      pollMs: config.OUTBOX_POLL_MS,
    }),
  };
}
