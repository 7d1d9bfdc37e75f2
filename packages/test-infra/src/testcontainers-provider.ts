import type { Servers } from './infrastructure.js';

// Confluent Platform 8.1 ships Apache Kafka 4.1, the same line as the local stack.
const KAFKA_IMAGE = 'confluentinc/cp-kafka:8.1.0';
const REDIS_IMAGE = 'redis:7.4';
const POSTGRES_IMAGE = 'postgres:15';

export interface ProvidedContainers {
  readonly servers: Servers;
  stop(): Promise<void>;
}

/** Used where a Docker engine answers. Not exercised on the project's own machines, which have none. */
export async function provideContainers(): Promise<ProvidedContainers> {
  const { KafkaContainer } = await import('@testcontainers/kafka');
  const { RedisContainer } = await import('@testcontainers/redis');
  const { PostgreSqlContainer } = await import('@testcontainers/postgresql');
  const [kafka, redis, postgres] = await Promise.all([
    new KafkaContainer(KAFKA_IMAGE).withKraft().start(),
    new RedisContainer(REDIS_IMAGE).withCommand(['redis-server', '--appendonly', 'yes', '--maxmemory-policy', 'noeviction']).start(),
    new PostgreSqlContainer(POSTGRES_IMAGE).withDatabase('signaalhub').start(),
  ]);
  return {
    servers: {
      provider: 'testcontainers',
      kafkaBrokers: [`${kafka.getHost()}:${kafka.getMappedPort(9093)}`],
      kafkaVersion: `Apache Kafka 4.1 (${KAFKA_IMAGE})`,
      redisUrl: redis.getConnectionUrl(),
      databaseUrl: postgres.getConnectionUri(),
    },
    async stop() {
      await Promise.all([kafka.stop(), redis.stop(), postgres.stop()]);
    },
  };
}
