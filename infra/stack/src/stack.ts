import { mkdirSync } from 'node:fs';
import { basename } from 'node:path';
import type { ComponentStatus } from './component-status.js';
import { ensureKafkaLibs } from './kafka-distribution.js';
import { ensureKafkaRunning, kafkaStatus, killKafkaProcess, stopKafka } from './kafka-broker.js';
import { ensurePostgresInstalled, ensurePostgresRunning, postgresStatus, stopPostgres } from './postgres-cluster.js';
import { delay, findProcessesByCommandLine, processCommandLine, stopProcess } from './processes.js';
import { ensureRedisInstalled, ensureRedisRunning, killRedisProcess, redisStatus, stopRedis } from './redis-server.js';
import { resolveStackConfig, stackSettings, type StackConfig, type StackOptions, type StackSettings } from './settings.js';
import { withStackLock } from './stack-lock.js';

/** Long enough for a first Maven fetch by another caller holding the lock. */
const LOCK_DEADLINE_MS = 600_000;
const LEFTOVER_DEADLINE_MS = 30_000;
/** The servers the stack starts; a leftover whose command line names the stack dir is one of these. */
const STACK_EXECUTABLES = new Set(['java', 'redis-server', 'postgres']);

export interface StackStatus {
  settings: StackSettings;
  components: ComponentStatus[];
}

/**
 * Starts whatever of Kafka, Redis and PostgreSQL is not already running and answering, and returns
 * the settings the services read. Harmless to call again: a running stack is left as it is.
 */
export async function stackUp(options: StackOptions = {}): Promise<StackSettings> {
  const config = resolveStackConfig(options);
  return withStackLock(config.stackDir, LOCK_DEADLINE_MS, async () => {
    mkdirSync(config.stackDir, { recursive: true });
    // Installs and downloads one at a time (apt holds a global lock); the servers then start side by side.
    if (config.external.redisUrl === undefined) await ensureRedisInstalled(config.log);
    if (config.external.databaseUrl === undefined) await ensurePostgresInstalled(config.log);
    if (config.external.kafkaBrokers === undefined) await ensureKafkaLibs(config.kafkaCacheDir, config.log);
    const starts: Promise<number>[] = [];
    if (config.external.redisUrl === undefined) starts.push(ensureRedisRunning(config));
    if (config.external.databaseUrl === undefined) starts.push(ensurePostgresRunning(config));
    if (config.external.kafkaBrokers === undefined) starts.push(ensureKafkaRunning(config));
    await settleAll(starts);
    return stackSettings(config);
  });
}

/** Stops every local server of the stack and returns only when none of its processes is left. */
export async function stackDown(options: StackOptions = {}): Promise<void> {
  const config = resolveStackConfig(options);
  await withStackLock(config.stackDir, LOCK_DEADLINE_MS, async () => {
    const stops: Promise<void>[] = [];
    if (config.external.kafkaBrokers === undefined) stops.push(stopKafka(config));
    if (config.external.redisUrl === undefined) stops.push(stopRedis(config));
    if (config.external.databaseUrl === undefined) stops.push(stopPostgres(config));
    await settleAll(stops);
    await stopLeftovers(config);
  });
}

export async function stackStatus(options: StackOptions = {}): Promise<StackStatus> {
  const config = resolveStackConfig(options);
  const components = await Promise.all([kafkaStatus(config), redisStatus(config), postgresStatus(config)]);
  return { settings: stackSettings(config), components };
}

/** Fault injection: SIGKILL the local broker (a crash, no clean shutdown) and wait until it is gone. */
export async function killKafka(options: StackOptions = {}): Promise<void> {
  const config = localKafkaConfig(options);
  await withStackLock(config.stackDir, LOCK_DEADLINE_MS, () => killKafkaProcess(config));
}

/** Starts the local broker again on the same data and port, and waits until it answers metadata. */
export async function startKafka(options: StackOptions = {}): Promise<void> {
  const config = localKafkaConfig(options);
  await withStackLock(config.stackDir, LOCK_DEADLINE_MS, async () => {
    await ensureKafkaRunning(config);
  });
}

/** Fault injection: SIGKILL the local Redis; with `discardData` its data directory goes too (a Redis that lost everything). */
export async function killRedis(options: StackOptions = {}, kill: { discardData?: boolean } = {}): Promise<void> {
  const config = localRedisConfig(options);
  await withStackLock(config.stackDir, LOCK_DEADLINE_MS, () => killRedisProcess(config, { discardData: kill.discardData ?? false }));
}

/** Starts the local Redis again on the same port (and data, unless it was discarded); waits until it answers PING. */
export async function startRedis(options: StackOptions = {}): Promise<void> {
  const config = localRedisConfig(options);
  await withStackLock(config.stackDir, LOCK_DEADLINE_MS, async () => {
    await ensureRedisRunning(config);
  });
}

function localRedisConfig(options: StackOptions): StackConfig {
  const config = resolveStackConfig(options);
  if (config.external.redisUrl !== undefined) {
    throw new Error('REDIS_URL is set: that Redis is not managed by the stack and cannot be killed or started');
  }
  return config;
}

function localKafkaConfig(options: StackOptions): StackConfig {
  const config = resolveStackConfig(options);
  if (config.external.kafkaBrokers !== undefined) {
    throw new Error('KAFKA_BROKERS is set: that broker is not managed by the stack and cannot be killed or started');
  }
  return config;
}

/**
 * A server started by an earlier, interrupted `up` may have no pid file. Its command line names the
 * stack dir, so it is found and stopped here; only the stack's own executables are considered.
 */
async function stopLeftovers(config: StackConfig): Promise<void> {
  const marker = `${config.stackDir}/`;
  const deadline = Date.now() + LEFTOVER_DEADLINE_MS;
  for (;;) {
    const leftovers = findProcessesByCommandLine(marker).filter((pid) => {
      const executable = processCommandLine(pid)?.split(' ')[0];
      return executable !== undefined && STACK_EXECUTABLES.has(basename(executable));
    });
    if (leftovers.length === 0) return;
    if (Date.now() >= deadline) {
      throw new Error(`processes of stack ${config.stackDir} still running: ${leftovers.join(', ')}`);
    }
    config.log(`stopping leftover processes ${leftovers.join(', ')}`);
    await Promise.all(leftovers.map((pid) => stopProcess(pid, 10_000, `leftover process ${pid}`)));
    await delay(100);
  }
}

/** Waits for every task, so none is left running unobserved, then reports the first failure. */
async function settleAll<T>(tasks: Promise<T>[]): Promise<void> {
  const results = await Promise.allSettled(tasks);
  const failures = results.filter((result): result is PromiseRejectedResult => result.status === 'rejected');
  if (failures.length === 1) throw failures[0]?.reason;
  if (failures.length > 1) {
    throw new AggregateError(
      failures.map((failure) => failure.reason as unknown),
      failures.map((failure) => (failure.reason instanceof Error ? failure.reason.message : String(failure.reason))).join('; '),
    );
  }
}
