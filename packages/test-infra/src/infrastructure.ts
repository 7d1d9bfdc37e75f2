/** What a test gets: real servers, never mocks (DESIGN.md §7). Plain data, so vitest can hand it to workers. */
export interface TestInfrastructure {
  readonly provider: 'local-processes' | 'testcontainers';
  readonly kafkaBrokers: string[];
  /** e.g. "Apache Kafka 4.1.1"; printed by the global set-up so the test log names it. */
  readonly kafkaVersion: string;
  readonly redisUrl: string;
  readonly databaseUrl: string;
  /** Keys of the default parties and the partnership key, as `hub keys init` writes them. */
  readonly keysDir: string;
  readonly keyPassphrase: string;
  /** Shared by the web application and the services in tests (`IDENTITY_TOKEN_SECRET`). */
  readonly identitySecret: string;
}

/** The servers alone, as a provider starts them. */
export type Servers = Omit<TestInfrastructure, 'keysDir' | 'keyPassphrase' | 'identitySecret'>;
