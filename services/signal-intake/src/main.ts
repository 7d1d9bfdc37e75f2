import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { AuditLog } from '@signaalhub/audit';
import { createEventBus, KafkaBusTransport, PassErrorsToBusFilter } from '@signaalhub/bus';
import { loadConfigOrExit } from '@signaalhub/config';
import { TOPIC_DEFINITIONS, Topics } from '@signaalhub/contracts';
import { IDENTITY_HEADER, IdentityGuard } from '@signaalhub/identity';
import { runMigrations } from '@signaalhub/database';
import { createLogger } from '@signaalhub/logging';
import { assertDurableRedis, useJsonBody } from '@signaalhub/service-kit';
import { Redis } from 'ioredis';
import pg from 'pg';
import { AppModule } from './app.module.js';
import { SignalIntakeConfigSchema, type SignalIntakeConfig } from './config.js';
import { SIGNAL_INTAKE_MIGRATIONS } from './database/migrations.js';
import { loadServiceKeys, type ServiceKeys } from './infrastructure/load-keys.js';
import { assertPolicyPartiesKnown, loadDistributionPolicy, type DistributionPolicy } from './policy/distribution-policy.js';

/** Topics this service consumes; the transport refuses to start unless each has exactly one handler. */
const CONSUMED_TOPICS = [Topics.decisionRecorded];

/**
 * The bus normally ends the process after 5 failed consumer restarts. Here the consumer only brings
 * feedback in, while the service's real job — accepting signals into the outbox — needs PostgreSQL
 * only: so it keeps restarting the consumer for as long as the broker is away (readiness says so).
 */
const DECISION_CONSUMER_MAX_RESTARTS = Number.MAX_SAFE_INTEGER;

/** Keys and policy are configuration too: a bad one stops the service with a clear message (exit 78). */
async function loadSettingsOrExit(config: SignalIntakeConfig): Promise<ServiceKeys & { policy: DistributionPolicy }> {
  try {
    const keys = await loadServiceKeys(config.KEYS_DIR, config.HUB_KEY_PASSPHRASE).catch((error: unknown) => {
      // openpgp's and the file system's messages name files and rules, never key material.
      throw new Error(`KEYS_DIR / HUB_KEY_PASSPHRASE: cannot load the keys (${error instanceof Error ? error.message : 'unknown error'})`, {
        cause: error,
      });
    });
    const policy = await loadDistributionPolicy(config.DISTRIBUTION_POLICY_FILE);
    assertPolicyPartiesKnown(policy, (party) => keys.keyring.knows(party));
    return { ...keys, policy };
  } catch (error) {
    process.stderr.write(`Invalid configuration:\n  - ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(78); // EX_CONFIG from sysexits.h
  }
}

async function main(): Promise<void> {
  const config = loadConfigOrExit(SignalIntakeConfigSchema);
  const logger = createLogger('signal-intake', config.LOG_LEVEL);
  const { keyring, matchTokenKey, policy } = await loadSettingsOrExit(config);

  const redis = new Redis(config.REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 3 });
  await redis.connect();
  await assertDurableRedis(redis);
  // Two connections stay checked out by the outbox relay (its open transaction) and the audit writer.
  const postgres = new pg.Pool({ connectionString: config.DATABASE_URL, max: 10 });
  await runMigrations(postgres, { schema: config.SIGNAL_INTAKE_DB_SCHEMA, migrations: SIGNAL_INTAKE_MIGRATIONS });
  const auditLog = await AuditLog.open(postgres, config.SIGNAL_INTAKE_DB_SCHEMA);
  const bus = createEventBus({ brokers: config.KAFKA_BROKERS, clientId: config.KAFKA_CLIENT_ID, logger });
  await bus.provision(TOPIC_DEFINITIONS, { replicationFactor: config.KAFKA_REPLICATION_FACTOR });

  const app = await NestFactory.create<NestExpressApplication>(
    AppModule.register({ config, logger, bus, redis, postgres, keyring, matchTokenKey, policy, auditLog }),
    // Nest declares its options as a class; a literal is how its own documentation passes them.
    // eslint-disable-next-line @typescript-eslint/no-unsafe-class-instance-assignment
    { logger: ['error', 'warn'], bodyParser: false },
  );
  // Our own JSON parser: a size limit, and parse errors answered as 400 naming `body` (never echoing it).
  useJsonBody(app);
  app.useGlobalGuards(new IdentityGuard(config.IDENTITY_TOKEN_SECRET));
  const kafkaTransport = app.connectMicroservice({
    strategy: new KafkaBusTransport({
      bus,
      groupId: config.KAFKA_GROUP_ID,
      topics: CONSUMED_TOPICS,
      logger,
      maxRestarts: DECISION_CONSUMER_MAX_RESTARTS,
    }),
  }, { deferInitialization: true });
  // Handler errors must reach the bus (retry, then dead letter) with their real cause.
  kafkaTransport.useGlobalFilters(new PassErrorsToBusFilter());
  SwaggerModule.setup(
    'api/docs',
    app,
    () =>
      SwaggerModule.createDocument(
        app,
        new DocumentBuilder()
          .setTitle('Signaalhub signal intake')
          .setDescription(`Accepting signals and showing reporters their status and feedback. Every /api route needs the ${IDENTITY_HEADER} header.`)
          .setVersion('0.1.0')
          .build(),
      ),
    { jsonDocumentUrl: 'api/openapi.json' },
  );
  // SIGTERM: Nest stops the relay and the Kafka transport first, then InfrastructureLifecycle closes the clients.
  app.enableShutdownHooks(['SIGTERM', 'SIGINT'], { useProcessExit: true });
  await app.startAllMicroservices();
  await app.listen(config.SIGNAL_INTAKE_PORT, '127.0.0.1');
  logger.info({ port: config.SIGNAL_INTAKE_PORT, node: process.version }, 'signal-intake listening');
}

main().catch((error: unknown) => {
  process.stderr.write(`signal-intake failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
