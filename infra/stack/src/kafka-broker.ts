import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { probeKafka } from '@signaalhub/bus';
import type { ComponentStatus } from './component-status.js';
import { renderLog4j2Properties, renderServerProperties } from './kafka-config.js';
import { ensureJavaAndMaven, ensureKafkaLibs } from './kafka-distribution.js';
import { assertPortFree } from './ports.js';
import {
  isOwnProcess,
  isProcessAlive,
  killProcess,
  readPidFile,
  removePidFile,
  runCommand,
  spawnDetached,
  stopProcess,
  writePidFile,
} from './processes.js';
import { localKafkaBrokers, type StackConfig } from './settings.js';

/** A JVM on two shared cores can take a while to come up the first time. */
const START_DEADLINE_MS = 120_000;
/** A live broker answers metadata in milliseconds; longer means it is still starting or stuck. */
const ANSWER_DEADLINE_MS = 5_000;
const STOP_GRACE_MS = 30_000;

interface KafkaPaths {
  dir: string;
  dataDir: string;
  logsDir: string;
  serverProperties: string;
  log4jProperties: string;
  clusterIdFile: string;
  pidFile: string;
  stdoutLog: string;
}

function kafkaPaths(config: StackConfig): KafkaPaths {
  const dir = join(config.stackDir, 'kafka');
  return {
    dir,
    dataDir: join(dir, 'data'),
    logsDir: join(dir, 'logs'),
    serverProperties: join(dir, 'server.properties'),
    log4jProperties: join(dir, 'log4j2.properties'),
    clusterIdFile: join(dir, 'cluster-id'),
    pidFile: join(dir, 'kafka.pid'),
    stdoutLog: join(dir, 'logs', 'kafka.out'),
  };
}

/** Every argument of our broker's command line names the kafka dir; nothing else's does. */
function processMarker(paths: KafkaPaths): string {
  return `${paths.dir}/`;
}

function livePid(paths: KafkaPaths): number | undefined {
  const pid = readPidFile(paths.pidFile);
  return pid !== undefined && isOwnProcess(pid, processMarker(paths)) ? pid : undefined;
}

async function answers(config: StackConfig, deadlineMs: number): Promise<boolean> {
  try {
    await probeKafka(localKafkaBrokers(config), deadlineMs);
    return true;
  } catch {
    return false;
  }
}

export async function kafkaStatus(config: StackConfig): Promise<ComponentStatus> {
  if (config.external.kafkaBrokers !== undefined) {
    return { name: 'kafka', state: 'external', endpoint: config.external.kafkaBrokers.join(',') };
  }
  const endpoint = localKafkaBrokers(config).join(',');
  const pid = livePid(kafkaPaths(config));
  if (pid === undefined) return { name: 'kafka', state: 'stopped', endpoint };
  const state = (await answers(config, ANSWER_DEADLINE_MS)) ? 'running' : 'not-answering';
  return { name: 'kafka', state, endpoint, pid };
}

/** Leaves a broker that answers alone; replaces a silent one; starts one where none runs. */
export async function ensureKafkaRunning(config: StackConfig): Promise<number> {
  const paths = kafkaPaths(config);
  const pid = livePid(paths);
  if (pid !== undefined) {
    // It may still be starting (another caller just spawned it): give it the full start deadline.
    if (await answers(config, START_DEADLINE_MS)) {
      config.log(`kafka already running (pid ${pid})`);
      return pid;
    }
    config.log(`kafka (pid ${pid}) does not answer; restarting it`);
    await stopProcess(pid, STOP_GRACE_MS, 'kafka');
  }
  return startKafkaProcess(config);
}

export async function startKafkaProcess(config: StackConfig): Promise<number> {
  const paths = kafkaPaths(config);
  removePidFile(paths.pidFile); // stale: its process is gone or is not ours
  const libsDir = await ensureKafkaLibs(config.kafkaCacheDir, config.log);
  await ensureJavaAndMaven(config.log);
  await assertPortFree(config.kafkaPort, 'kafka', 'STACK_KAFKA_PORT');
  await assertPortFree(config.kafkaControllerPort, 'the kafka controller', 'STACK_KAFKA_CONTROLLER_PORT');

  mkdirSync(paths.dataDir, { recursive: true });
  mkdirSync(paths.logsDir, { recursive: true });
  writeFileSync(
    paths.serverProperties,
    renderServerProperties({ port: config.kafkaPort, controllerPort: config.kafkaControllerPort, dataDir: paths.dataDir }),
  );
  writeFileSync(paths.log4jProperties, renderLog4j2Properties(join(paths.logsDir, 'server.log')));
  const jvmArgs = [
    `-Dlog4j2.configurationFile=${paths.log4jProperties}`,
    `-Dkafka.logs.dir=${paths.logsDir}`,
    '-Djava.awt.headless=true',
    '-cp',
    join(libsDir, '*'), // expanded by java itself, not by a shell
  ];
  await formatStorageOnce(paths, jvmArgs);

  config.log(`starting kafka on 127.0.0.1:${config.kafkaPort} (log: ${paths.logsDir})`);
  const pid = spawnDetached(
    'java',
    ['-Xms128m', '-Xmx512m', ...jvmArgs, 'kafka.Kafka', paths.serverProperties],
    paths.stdoutLog,
    paths.dir,
  );
  writePidFile(paths.pidFile, pid);
  await waitUntilAnswering(config, paths, pid);
  config.log(`kafka answers (pid ${pid})`);
  return pid;
}

/** KRaft refuses to start on unformatted storage; formatting twice would fail, so it happens once. */
async function formatStorageOnce(paths: KafkaPaths, jvmArgs: string[]): Promise<void> {
  if (existsSync(join(paths.dataDir, 'meta.properties'))) return;
  let clusterId = existsSync(paths.clusterIdFile) ? readFileSync(paths.clusterIdFile, 'utf8').trim() : '';
  if (clusterId === '') {
    const { stdout } = await runCommand('java', [...jvmArgs, 'kafka.tools.StorageTool', 'random-uuid']);
    clusterId = stdout.trim().split('\n').pop()?.trim() ?? '';
    if (clusterId === '') throw new Error('kafka StorageTool random-uuid printed no cluster id');
    writeFileSync(paths.clusterIdFile, `${clusterId}\n`);
  }
  await runCommand('java', [...jvmArgs, 'kafka.tools.StorageTool', 'format', '-t', clusterId, '-c', paths.serverProperties]);
}

async function waitUntilAnswering(config: StackConfig, paths: KafkaPaths, pid: number): Promise<void> {
  const deadline = Date.now() + START_DEADLINE_MS;
  // Short probes in a loop, so a broker that dies during start-up is reported at once, not at the deadline.
  while (Date.now() < deadline) {
    if (!isProcessAlive(pid)) {
      removePidFile(paths.pidFile);
      throw new Error(`kafka exited during start-up; see ${paths.stdoutLog} and ${join(paths.logsDir, 'server.log')}`);
    }
    if (await answers(config, 2_000)) return;
  }
  await killProcess(pid, 'kafka');
  removePidFile(paths.pidFile);
  throw new Error(`kafka did not answer within ${START_DEADLINE_MS} ms; see ${join(paths.logsDir, 'server.log')}`);
}

export async function stopKafka(config: StackConfig): Promise<void> {
  const paths = kafkaPaths(config);
  const pid = livePid(paths);
  if (pid !== undefined) {
    config.log(`stopping kafka (pid ${pid})`);
    await stopProcess(pid, STOP_GRACE_MS, 'kafka');
  }
  removePidFile(paths.pidFile);
}

/** Fault injection: no clean shutdown, as in a crash. Resolves once the process is gone. */
export async function killKafkaProcess(config: StackConfig): Promise<void> {
  const paths = kafkaPaths(config);
  const pid = livePid(paths);
  if (pid === undefined) throw new Error(`no local kafka runs for stack dir ${config.stackDir}`);
  config.log(`killing kafka (pid ${pid})`);
  await killProcess(pid, 'kafka');
  removePidFile(paths.pidFile);
}
