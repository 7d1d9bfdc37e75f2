import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { KafkaBusTransport, PassErrorsToBusFilter } from '@signaalhub/bus';
import { loadConfigOrExit } from '@signaalhub/config';
import { Topics } from '@signaalhub/contracts';
import { IdentityGuard } from '@signaalhub/identity';
import { createLogger } from '@signaalhub/logging';
import { useJsonBody } from '@signaalhub/service-kit';
import { AppModule } from './app.module.js';
import { MeetingConfigSchema } from './config.js';
import { createServiceParts } from './service-parts.js';

/** Topics this service consumes; the transport refuses to start unless each has exactly one handler. */
const CONSUMED_TOPICS = [Topics.signalSubmitted];

async function main(): Promise<void> {
  const config = loadConfigOrExit(MeetingConfigSchema);
  const logger = createLogger('meeting', config.LOG_LEVEL);
  const parts = await createServiceParts(config, logger);

  const app = await NestFactory.create<NestExpressApplication>(
    AppModule.register(parts),
    // Nest declares its options as a class; a literal is how its own documentation passes them.
    // eslint-disable-next-line @typescript-eslint/no-unsafe-class-instance-assignment
    { logger: ['error', 'warn'], bodyParser: false },
  );
  // Our own JSON parser: a size limit, and parse errors answered as 400 naming `body` (never echoing it).
  useJsonBody(app);
  app.useGlobalGuards(new IdentityGuard(config.IDENTITY_TOKEN_SECRET));
  const kafkaTransport = app.connectMicroservice(
    {
      strategy: new KafkaBusTransport({
        bus: parts.bus,
        groupId: config.KAFKA_GROUP_ID,
        topics: CONSUMED_TOPICS,
        logger,
        // Admission waits on Redis and PostgreSQL as much as on the CPU, so several run at once. Its order
        // does not matter (the agenda sorts by priority, then age) and it is idempotent per message id.
        partitionsConsumedConcurrently: 6,
        messagesInFlightPerPartition: 8,
      }),
    },
    { deferInitialization: true },
  );
  // Handler errors must reach the bus (retry, then dead letter) with their real cause.
  kafkaTransport.useGlobalFilters(new PassErrorsToBusFilter());
  SwaggerModule.setup(
    'api/docs',
    app,
    () => SwaggerModule.createDocument(app, new DocumentBuilder().setTitle('Signaalhub meeting').setVersion('0.1.0').build()),
    { jsonDocumentUrl: 'api/openapi.json' },
  );
  // SIGTERM: Nest closes the Kafka transport first, then InfrastructureLifecycle closes workers and clients.
  app.enableShutdownHooks(['SIGTERM', 'SIGINT'], { useProcessExit: true });
  await parts.start();
  await app.startAllMicroservices();
  await app.listen(config.MEETING_PORT, '127.0.0.1');
  logger.info({ port: config.MEETING_PORT, municipalities: config.MUNICIPALITIES, node: process.version }, 'meeting listening');
}

main().catch((error: unknown) => {
  process.stderr.write(`meeting failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
