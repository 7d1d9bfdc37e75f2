import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ComponentStatus } from './component-status.js';
import { assertPortFree, tcpRequest } from './ports.js';
import {
  delay,
  isOwnProcess,
  isProcessAlive,
  killProcess,
  readPidFile,
  removePidFile,
  spawnDetached,
  stopProcess,
  writePidFile,
} from './processes.js';
import { renderRedisConfig } from './redis-config.js';
import { localRedisUrl, withoutPassword, type StackConfig } from './settings.js';
import { ensureCommands } from './toolchain.js';

const START_DEADLINE_MS = 30_000;
/** SIGTERM makes Redis fsync the append-only file before it exits; a big file may take a moment. */
const STOP_GRACE_MS = 30_000;

interface RedisPaths {
  dir: string;
  dataDir: string;
  configFile: string;
  logFile: string;
  stdoutLog: string;
  pidFile: string;
}

function redisPaths(config: StackConfig): RedisPaths {
  const dir = join(config.stackDir, 'redis');
  return {
    dir,
    dataDir: join(dir, 'data'),
    configFile: join(dir, 'redis.conf'),
    logFile: join(dir, 'redis.log'),
    stdoutLog: join(dir, 'redis.out'),
    pidFile: join(dir, 'redis.pid'),
  };
}

function livePid(paths: RedisPaths): number | undefined {
  const pid = readPidFile(paths.pidFile);
  return pid !== undefined && isOwnProcess(pid, paths.configFile) ? pid : undefined;
}

async function answers(port: number): Promise<boolean> {
  const reply = await tcpRequest(port, 'PING\r\n', 1_000);
  return reply.startsWith('+PONG');
}

export async function ensureRedisInstalled(log: (line: string) => void): Promise<void> {
  await ensureCommands(['redis-server'], ['redis-server'], log);
}

export async function redisStatus(config: StackConfig): Promise<ComponentStatus> {
  if (config.external.redisUrl !== undefined) {
    return { name: 'redis', state: 'external', endpoint: withoutPassword(config.external.redisUrl) };
  }
  const endpoint = localRedisUrl(config);
  const pid = livePid(redisPaths(config));
  if (pid === undefined) return { name: 'redis', state: 'stopped', endpoint };
  return { name: 'redis', state: (await answers(config.redisPort)) ? 'running' : 'not-answering', endpoint, pid };
}

export async function ensureRedisRunning(config: StackConfig): Promise<number> {
  const paths = redisPaths(config);
  const pid = livePid(paths);
  if (pid !== undefined) {
    if (await pollUntilAnswering(config.redisPort, pid, START_DEADLINE_MS)) {
      config.log(`redis already running (pid ${pid})`);
      return pid;
    }
    config.log(`redis (pid ${pid}) does not answer; restarting it`);
    await stopProcess(pid, STOP_GRACE_MS, 'redis');
  }
  removePidFile(paths.pidFile);
  await ensureRedisInstalled(config.log);
  await assertPortFree(config.redisPort, 'redis', 'STACK_REDIS_PORT');

  mkdirSync(paths.dataDir, { recursive: true });
  writeFileSync(
    paths.configFile,
    renderRedisConfig({ port: config.redisPort, dataDir: paths.dataDir, logFile: paths.logFile }),
  );
  config.log(`starting redis on 127.0.0.1:${config.redisPort}`);
  const started = spawnDetached('redis-server', [paths.configFile], paths.stdoutLog, paths.dir);
  writePidFile(paths.pidFile, started);
  if (!(await pollUntilAnswering(config.redisPort, started, START_DEADLINE_MS))) {
    if (isProcessAlive(started)) await killProcess(started, 'redis');
    removePidFile(paths.pidFile);
    throw new Error(`redis did not answer PING within ${START_DEADLINE_MS} ms; see ${paths.logFile}`);
  }
  config.log(`redis answers (pid ${started})`);
  return started;
}

async function pollUntilAnswering(port: number, pid: number, deadlineMs: number): Promise<boolean> {
  const deadline = Date.now() + deadlineMs;
  while (Date.now() < deadline && isProcessAlive(pid)) {
    if (await answers(port)) return true;
    await delay(100);
  }
  return false;
}

export async function stopRedis(config: StackConfig): Promise<void> {
  const paths = redisPaths(config);
  const pid = livePid(paths);
  if (pid !== undefined) {
    config.log(`stopping redis (pid ${pid})`);
    await stopProcess(pid, STOP_GRACE_MS, 'redis');
  }
  removePidFile(paths.pidFile);
}

/**
 * Fault injection: SIGKILL, as in a crash (no final fsync of the append-only file). `discardData` also
 * deletes the data directory, as a Redis that comes back without its disk. Resolves once the process is gone.
 */
export async function killRedisProcess(config: StackConfig, options: { discardData: boolean }): Promise<void> {
  const paths = redisPaths(config);
  const pid = livePid(paths);
  if (pid === undefined) throw new Error(`no local redis runs for stack dir ${config.stackDir}`);
  config.log(`killing redis (pid ${pid})${options.discardData ? ' and discarding its data' : ''}`);
  await killProcess(pid, 'redis');
  removePidFile(paths.pidFile);
  if (options.discardData) rmSync(paths.dataDir, { recursive: true, force: true });
}
