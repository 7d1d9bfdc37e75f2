import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** What the services read to reach the stack; printed by `stack:up` as shell lines. */
export interface StackSettings {
  kafkaBrokers: string[];
  /** e.g. 'Apache Kafka 4.1.1', or 'external' when KAFKA_BROKERS points elsewhere. */
  kafkaVersion: string;
  redisUrl: string;
  databaseUrl: string;
  stackDir: string;
}

export interface StackOptions {
  stackDir?: string;
  kafkaPort?: number;
  /** Defaults to kafkaPort + 1. */
  kafkaControllerPort?: number;
  redisPort?: number;
  postgresPort?: number;
  /** Progress lines for a human; the library itself never writes to stdout. */
  log?: (line: string) => void;
  /** The environment to resolve defaults from; process.env unless a test pins it. */
  env?: Readonly<Record<string, string | undefined>>;
}

/** Servers given in the environment: the stack uses them and starts nothing in their place. */
export interface ExternalServers {
  kafkaBrokers?: string[];
  redisUrl?: string;
  databaseUrl?: string;
}

export interface StackConfig {
  stackDir: string;
  kafkaPort: number;
  kafkaControllerPort: number;
  redisPort: number;
  postgresPort: number;
  /** Where the Kafka jars are cached across stack dirs, so Maven runs once per machine. */
  kafkaCacheDir: string;
  external: ExternalServers;
  log: (line: string) => void;
}

export const KAFKA_VERSION = '4.1.1';
export const DEFAULT_KAFKA_PORT = 19092;
export const DEFAULT_REDIS_PORT = 16379;
export const DEFAULT_POSTGRES_PORT = 15432;
export const DATABASE_NAME = 'signaalhub';
export const DATABASE_ROLE = 'signaalhub';

/** src/ and dist/ both sit two levels below the package, which sits two below the repository. */
const repositoryRoot = fileURLToPath(new URL('../../../', import.meta.url));

export function resolveStackConfig(options: StackOptions = {}): StackConfig {
  const env = options.env ?? process.env;
  const kafkaPort = options.kafkaPort ?? portFromEnv(env, 'STACK_KAFKA_PORT') ?? DEFAULT_KAFKA_PORT;
  const cacheHome = nonEmpty(env.XDG_CACHE_HOME) ?? join(nonEmpty(env.HOME) ?? homedir(), '.cache');
  return {
    stackDir: resolve(options.stackDir ?? nonEmpty(env.STACK_DIR) ?? join(repositoryRoot, '.stack')),
    kafkaPort,
    kafkaControllerPort:
      options.kafkaControllerPort ?? portFromEnv(env, 'STACK_KAFKA_CONTROLLER_PORT') ?? kafkaPort + 1,
    redisPort: options.redisPort ?? portFromEnv(env, 'STACK_REDIS_PORT') ?? DEFAULT_REDIS_PORT,
    postgresPort: options.postgresPort ?? portFromEnv(env, 'STACK_POSTGRES_PORT') ?? DEFAULT_POSTGRES_PORT,
    kafkaCacheDir: resolve(nonEmpty(env.STACK_KAFKA_CACHE_DIR) ?? join(cacheHome, 'signaalhub', `kafka-${KAFKA_VERSION}`)),
    external: externalServersFromEnv(env),
    log: options.log ?? (() => undefined),
  };
}

export function externalServersFromEnv(env: Readonly<Record<string, string | undefined>>): ExternalServers {
  const external: ExternalServers = {};
  const brokers = nonEmpty(env.KAFKA_BROKERS);
  if (brokers !== undefined) {
    external.kafkaBrokers = brokers
      .split(',')
      .map((broker) => broker.trim())
      .filter((broker) => broker.length > 0);
  }
  const redisUrl = nonEmpty(env.REDIS_URL);
  if (redisUrl !== undefined) external.redisUrl = redisUrl;
  const databaseUrl = nonEmpty(env.DATABASE_URL);
  if (databaseUrl !== undefined) external.databaseUrl = databaseUrl;
  return external;
}

export function localKafkaBrokers(config: Pick<StackConfig, 'kafkaPort'>): string[] {
  return [`127.0.0.1:${config.kafkaPort}`];
}

export function localRedisUrl(config: Pick<StackConfig, 'redisPort'>): string {
  return `redis://127.0.0.1:${config.redisPort}`;
}

export function localDatabaseUrl(config: Pick<StackConfig, 'postgresPort'>): string {
  return `postgres://${DATABASE_ROLE}@127.0.0.1:${config.postgresPort}/${DATABASE_NAME}`;
}

/** The settings a service reads, whether each server is local or external. */
export function stackSettings(config: StackConfig): StackSettings {
  return {
    kafkaBrokers: config.external.kafkaBrokers ?? localKafkaBrokers(config),
    kafkaVersion: config.external.kafkaBrokers === undefined ? `Apache Kafka ${KAFKA_VERSION}` : 'external',
    redisUrl: config.external.redisUrl ?? localRedisUrl(config),
    databaseUrl: config.external.databaseUrl ?? localDatabaseUrl(config),
    stackDir: config.stackDir,
  };
}

/** Shell lines (`NAME=value`) so `eval "$(npm run -s stack:up)"` or a .env file can use them. */
export function renderSettingsAsShellLines(settings: StackSettings): string[] {
  return [
    `KAFKA_BROKERS=${settings.kafkaBrokers.join(',')}`,
    `REDIS_URL=${settings.redisUrl}`,
    `DATABASE_URL=${settings.databaseUrl}`,
    `KAFKA_VERSION='${settings.kafkaVersion}'`,
  ];
}

/** For status lines: an external server's URL may carry a password, which has no place in a terminal log. */
export function withoutPassword(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password === '') return url;
    parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(unparsable URL)';
  }
}

function portFromEnv(env: Readonly<Record<string, string | undefined>>, name: string): number | undefined {
  const raw = nonEmpty(env[name]);
  if (raw === undefined) return undefined;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 1 || port > 65_535) {
    throw new Error(`${name} must be a TCP port (an integer from 1 to 65535), got '${raw}'`);
  }
  return port;
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}
