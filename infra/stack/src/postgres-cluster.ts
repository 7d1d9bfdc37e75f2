import { appendFileSync, chmodSync, chownSync, existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { ComponentStatus } from './component-status.js';
import { assertPortFree } from './ports.js';
import { isOwnProcess, readPidFile, runCommand, stopProcess, waitForExit, type CommandResult } from './processes.js';
import { renderPgHba, renderPostgresSettings, socketDirFits } from './postgres-config.js';
import { DATABASE_NAME, DATABASE_ROLE, localDatabaseUrl, withoutPassword, type StackConfig } from './settings.js';
import { installDebianPackages } from './toolchain.js';

const POSTGRES_ROOT = '/usr/lib/postgresql';
const START_DEADLINE_S = 60;
const STOP_DEADLINE_S = 60;
const SETTINGS_FILE = 'signaalhub.conf';

interface PostgresPaths {
  dir: string;
  dataDir: string;
  socketDir: string;
  logFile: string;
  postmasterPid: string;
}

function postgresPaths(config: StackConfig): PostgresPaths {
  const dir = join(config.stackDir, 'postgres');
  const dataDir = join(dir, 'data');
  return {
    dir,
    dataDir,
    socketDir: join(dir, 'run'),
    logFile: join(dir, 'postgres.log'),
    postmasterPid: join(dataDir, 'postmaster.pid'),
  };
}

function livePid(paths: PostgresPaths): number | undefined {
  const pid = readPidFile(paths.postmasterPid);
  return pid !== undefined && isOwnProcess(pid, paths.dataDir) ? pid : undefined;
}

/** The newest installed major version; Debian puts each under /usr/lib/postgresql/<major>/bin. */
function findBinDir(): string | undefined {
  if (!existsSync(POSTGRES_ROOT)) return undefined;
  const versions = readdirSync(POSTGRES_ROOT)
    .filter((name) => /^\d+$/.test(name) && existsSync(join(POSTGRES_ROOT, name, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  const newest = versions[0];
  return newest === undefined ? undefined : join(POSTGRES_ROOT, newest, 'bin');
}

export async function ensurePostgresInstalled(log: (line: string) => void): Promise<string> {
  const found = findBinDir();
  if (found !== undefined) return found;
  await installDebianPackages(['postgresql'], `no PostgreSQL under ${POSTGRES_ROOT}`, log);
  const installed = findBinDir();
  if (installed === undefined) throw new Error(`PostgreSQL installed but no initdb under ${POSTGRES_ROOT}/<version>/bin`);
  return installed;
}

const runningAsRoot = (): boolean => process.getuid?.() === 0;

/** PostgreSQL refuses to run as root, so as root its tools run as the postgres user. */
function asPostgres(command: string, args: string[], cwd: string): Promise<CommandResult> {
  return runningAsRoot()
    ? runCommand('runuser', ['-u', 'postgres', '--', command, ...args], { cwd, timeoutMs: 180_000 })
    : runCommand(command, args, { cwd, timeoutMs: 180_000 });
}

async function postgresUserIds(): Promise<{ uid: number; gid: number }> {
  const uid = Number((await runCommand('id', ['-u', 'postgres'])).stdout.trim());
  const gid = Number((await runCommand('id', ['-g', 'postgres'])).stdout.trim());
  return { uid, gid };
}

async function postgresCanWrite(dir: string): Promise<boolean> {
  try {
    await runCommand('runuser', ['-u', 'postgres', '--', 'test', '-w', dir, '-a', '-x', dir], { cwd: '/' });
    return true;
  } catch {
    return false;
  }
}

/**
 * Root creates the cluster dir and hands it to postgres. postgres must be able to reach it: the stack
 * dir is ours, so it gets o+x (traverse, not list); a parent we do not own that blocks is reported.
 */
async function preparePostgresDir(config: StackConfig, paths: PostgresPaths): Promise<void> {
  mkdirSync(paths.dir, { recursive: true });
  mkdirSync(paths.socketDir, { recursive: true });
  if (!runningAsRoot()) return;
  const { uid, gid } = await postgresUserIds();
  chownSync(paths.dir, uid, gid);
  chownSync(paths.socketDir, uid, gid);
  chmodSync(paths.dir, 0o700);
  if (await postgresCanWrite(paths.dir)) return;
  chmodSync(config.stackDir, statSync(config.stackDir).mode | 0o001);
  if (await postgresCanWrite(paths.dir)) return;
  let blocking = config.stackDir;
  for (let dir = dirname(config.stackDir); dir !== dirname(dir); dir = dirname(dir)) {
    if ((statSync(dir).mode & 0o001) === 0) blocking = dir;
  }
  throw new Error(
    `the postgres user cannot reach ${paths.dir}: ${blocking} is not traversable by others. ` +
      `Run 'chmod o+x ${blocking}' or set STACK_DIR to a folder under a traversable path`,
  );
}

function writeAsPostgresFile(path: string, content: string, ids: { uid: number; gid: number } | undefined): void {
  writeFileSync(path, content, { mode: 0o600 });
  if (ids !== undefined) chownSync(path, ids.uid, ids.gid);
}

async function psql(binDir: string, config: StackConfig, sql: string): Promise<string> {
  const args = ['-h', '127.0.0.1', '-p', String(config.postgresPort), '-U', 'postgres', '-d', 'postgres'];
  const { stdout } = await runCommand(join(binDir, 'psql'), [...args, '-v', 'ON_ERROR_STOP=1', '-Atqc', sql], { cwd: '/' });
  return stdout.trim();
}

async function answers(binDir: string, config: StackConfig): Promise<boolean> {
  try {
    const args = ['-h', '127.0.0.1', '-p', String(config.postgresPort), '-d', DATABASE_NAME, '-U', DATABASE_ROLE, '-t', '3'];
    await runCommand(join(binDir, 'pg_isready'), args, { cwd: '/' });
    return true;
  } catch {
    return false;
  }
}

export async function postgresStatus(config: StackConfig): Promise<ComponentStatus> {
  if (config.external.databaseUrl !== undefined) {
    return { name: 'postgres', state: 'external', endpoint: withoutPassword(config.external.databaseUrl) };
  }
  const endpoint = localDatabaseUrl(config);
  const pid = livePid(postgresPaths(config));
  if (pid === undefined) return { name: 'postgres', state: 'stopped', endpoint };
  const binDir = findBinDir();
  const state = binDir !== undefined && (await answers(binDir, config)) ? 'running' : 'not-answering';
  return { name: 'postgres', state, endpoint, pid };
}

export async function ensurePostgresRunning(config: StackConfig): Promise<number> {
  const paths = postgresPaths(config);
  const binDir = await ensurePostgresInstalled(config.log);
  const running = livePid(paths);
  if (running !== undefined) {
    if (await answers(binDir, config)) {
      config.log(`postgres already running (pid ${running})`);
      await ensureRoleAndDatabase(binDir, config);
      return running;
    }
    config.log(`postgres (pid ${running}) does not answer; restarting it`);
    await stopCluster(binDir, paths, running);
  }
  // A postmaster.pid whose process is gone (or is not ours) would make the server refuse to start.
  if (existsSync(paths.postmasterPid)) rmSync(paths.postmasterPid, { force: true });
  await assertPortFree(config.postgresPort, 'postgres', 'STACK_POSTGRES_PORT');
  await preparePostgresDir(config, paths);
  const ids = runningAsRoot() ? await postgresUserIds() : undefined;

  if (!existsSync(join(paths.dataDir, 'PG_VERSION'))) {
    config.log(`initialising a PostgreSQL cluster in ${paths.dataDir}`);
    rmSync(paths.dataDir, { recursive: true, force: true }); // remains of an interrupted initdb
    await asPostgres(join(binDir, 'initdb'), ['-D', paths.dataDir, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--no-locale'], paths.dir);
    appendFileSync(join(paths.dataDir, 'postgresql.conf'), `\ninclude_if_exists = '${SETTINGS_FILE}'\n`);
    writeAsPostgresFile(join(paths.dataDir, 'pg_hba.conf'), renderPgHba(), ids);
  }
  const socketDir = socketDirFits(paths.socketDir, config.postgresPort) ? paths.socketDir : '';
  if (socketDir === '') config.log(`socket path under ${paths.socketDir} is too long; postgres listens on TCP only`);
  writeAsPostgresFile(join(paths.dataDir, SETTINGS_FILE), renderPostgresSettings({ port: config.postgresPort, socketDir }), ids);

  config.log(`starting postgres on 127.0.0.1:${config.postgresPort}`);
  try {
    await asPostgres(
      join(binDir, 'pg_ctl'),
      ['-D', paths.dataDir, '-l', paths.logFile, '-w', '-t', String(START_DEADLINE_S), 'start'],
      paths.dir,
    );
  } catch (error) {
    throw new Error(`postgres did not start; see ${paths.logFile}`, { cause: error });
  }
  const pid = livePid(paths);
  if (pid === undefined) throw new Error(`postgres started but left no live postmaster.pid; see ${paths.logFile}`);
  await ensureRoleAndDatabase(binDir, config);
  config.log(`postgres answers (pid ${pid})`);
  return pid;
}

/** The role and database the services connect as; idempotent, so every `up` can run it. */
async function ensureRoleAndDatabase(binDir: string, config: StackConfig): Promise<void> {
  await psql(
    binDir,
    config,
    `DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${DATABASE_ROLE}') THEN ` +
      `CREATE ROLE ${DATABASE_ROLE} LOGIN CREATEDB; END IF; END $$;`,
  );
  const exists = await psql(binDir, config, `SELECT 1 FROM pg_database WHERE datname = '${DATABASE_NAME}'`);
  if (exists !== '1') await psql(binDir, config, `CREATE DATABASE ${DATABASE_NAME} OWNER ${DATABASE_ROLE}`);
}

async function stopCluster(binDir: string, paths: PostgresPaths, pid: number): Promise<void> {
  try {
    // Fast: roll back open transactions and shut down now, with a clean checkpoint.
    await asPostgres(join(binDir, 'pg_ctl'), ['-D', paths.dataDir, '-m', 'fast', '-w', '-t', String(STOP_DEADLINE_S), 'stop'], paths.dir);
  } catch {
    // pg_ctl gave up: fall back to signals, the postmaster takes its children with it.
  }
  if (!(await waitForExit(pid, 10_000))) await stopProcess(pid, 10_000, 'postgres');
}

export async function stopPostgres(config: StackConfig): Promise<void> {
  const paths = postgresPaths(config);
  const pid = livePid(paths);
  if (pid === undefined) return;
  config.log(`stopping postgres (pid ${pid})`);
  await stopCluster(findBinDir() ?? '', paths, pid);
}

