import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { createEventBus, KafkaBusTransport, PassErrorsToBusFilter } from '@signaalhub/bus';
import { loadConfigOrExit } from '@signaalhub/config';
import { TOPIC_DEFINITIONS, Topics } from '@signaalhub/contracts';
import { createLogger } from '@signaalhub/logging';
import { Redis } from 'ioredis';
import pg from 'pg';
import { AppModule } from './app.module.js';
import { SignalIntakeConfigSchema } from './config.js';
import { assertDurableRedis } from './infrastructure/durable-redis.js';

/** Topics this service consumes; the transport refuses to start unless each has exactly one handler. */
const CONSUMED_TOPICS = [Topics.decisionRecorded];

async function main(): Promise<void> {
  const config = loadConfigOrExit(SignalIntakeConfigSchema);
  const logger = createLogger('signal-intake', config.LOG_LEVEL);

  const redis = new Redis(config.REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 3 });
  await redis.connect();
  await assertDurableRedis(redis);
  const postgres = new pg.Pool({ connectionString: config.DATABASE_URL, max: 5 });
  const bus = createEventBus({ brokers: config.KAFKA_BROKERS, clientId: config.KAFKA_CLIENT_ID, logger });
  await bus.provision(TOPIC_DEFINITIONS, { replicationFactor: config.KAFKA_REPLICATION_FACTOR });

  // Nest declares its options as a class; a literal is how its own documentation passes them.
  // eslint-disable-next-line @typescript-eslint/no-unsafe-class-instance-assignment
  const app = await NestFactory.create(AppModule.register({ config, logger, bus, redis, postgres }), { logger: ['error', 'warn'] });
  const kafkaTransport = app.connectMicroservice({
    strategy: new KafkaBusTransport({ bus, groupId: config.KAFKA_GROUP_ID, topics: CONSUMED_TOPICS, logger }),
  }, { deferInitialization: true });
  // Handler errors must reach the bus (retry, then dead letter) with their real cause.
  kafkaTransport.useGlobalFilters(new PassErrorsToBusFilter());
  SwaggerModule.setup(
    'api/docs',
    app,
    () => SwaggerModule.createDocument(app, new DocumentBuilder().setTitle('Signaalhub signal intake').setVersion('0.1.0').build()),
    { jsonDocumentUrl: 'api/openapi.json' },
  );
  // SIGTERM: Nest closes the Kafka transport first, then InfrastructureLifecycle closes the clients.
  app.enableShutdownHooks(['SIGTERM', 'SIGINT'], { useProcessExit: true });
  await app.startAllMicroservices();
  await app.listen(config.SIGNAL_INTAKE_PORT, '127.0.0.1');
  logger.info({ port: config.SIGNAL_INTAKE_PORT }, 'signal-intake listening');
}

main().catch((error: unknown) => {
  process.stderr.write(`signal-intake failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
