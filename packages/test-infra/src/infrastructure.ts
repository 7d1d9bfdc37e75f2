/** What a test gets: real servers, never mocks (DESIGN.md §7). Plain data, so vitest can hand it to workers. */
export interface TestInfrastructure {
  readonly provider: 'local-processes' | 'testcontainers';
  readonly kafkaBrokers: string[];
  /** e.g. "Apache Kafka 4.1.1"; printed by the global set-up so the test log names it. */
  readonly kafkaVersion: string;
  readonly redisUrl: string;
  readonly databaseUrl: string;
  /** How a worker reaches the broker process for fault injection. */
  readonly kafkaProcess: KafkaProcessRef;
}

export type KafkaProcessRef =
  | { readonly kind: 'local'; readonly stackDir: string; readonly kafkaPort: number }
  | { readonly kind: 'container'; readonly containerId: string }
  | { readonly kind: 'external' };

/** Fault injection on the shared broker, for the tests that prove nothing acknowledged is lost. */
export interface KafkaControl {
  /** SIGKILL the broker process (no clean shutdown). */
  kill(): Promise<void>;
  /** Start it again on the same port and data and wait until it answers a metadata request. */
  start(): Promise<void>;
}
