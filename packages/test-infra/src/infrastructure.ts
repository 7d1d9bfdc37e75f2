/** What a test gets: real servers, never mocks (DESIGN.md §7). Plain data, so vitest can hand it to workers. */
export interface TestInfrastructure {
  readonly provider: 'local-processes' | 'testcontainers';
  readonly kafkaBrokers: string[];
  /** e.g. "Apache Kafka 4.1.1"; printed by the global set-up so the test log names it. */
  readonly kafkaVersion: string;
  readonly redisUrl: string;
  readonly databaseUrl: string;
}
