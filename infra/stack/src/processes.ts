import { execFile, spawn } from 'node:child_process';
import { closeSync, openSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';

const POLL_INTERVAL_MS = 100;

export function readPidFile(path: string): number | undefined {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
  // PostgreSQL's postmaster.pid has more lines; the pid is always the first.
  const pid = Number(text.split('\n')[0]?.trim());
  return Number.isInteger(pid) && pid > 0 ? pid : undefined;
}

export function writePidFile(path: string, pid: number): void {
  writeFileSync(path, `${pid}\n`);
}

export function removePidFile(path: string): void {
  rmSync(path, { force: true });
}

/**
 * Alive and not a zombie: a killed child its parent has not reaped yet holds no port and does no work.
 * A multi-threaded process (the JVM) shows its leader as a zombie while other threads still tear down
 * and hold its sockets, so it only counts as gone once the leader is the last task left.
 */
export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const state = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
    if (state !== 'Z' && state !== 'X') return true;
    return readdirSync(`/proc/${pid}/task`).length > 1;
  } catch {
    return true; // no procfs: trust kill(0)
  }
}

export function processArgv(pid: number): string[] | undefined {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter((arg) => arg !== '');
  } catch {
    return undefined;
  }
}

export function processCommandLine(pid: number): string | undefined {
  return processArgv(pid)?.join(' ');
}

/**
 * A pid from a pid file is ours only if that process is alive and its command line names our stack
 * dir: after a reboot the number may belong to an unrelated process we must not signal.
 */
export function isOwnProcess(pid: number, marker: string): boolean {
  if (!isProcessAlive(pid)) return false;
  const commandLine = processCommandLine(pid);
  return commandLine === undefined || commandLine.includes(marker);
}

/** Every live process whose command line contains the marker (e.g. a stack dir); Linux only. */
export function findProcessesByCommandLine(marker: string): number[] {
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    return [];
  }
  return entries
    .map(Number)
    .filter((pid) => Number.isInteger(pid) && pid !== process.pid)
    .filter((pid) => isProcessAlive(pid) && (processCommandLine(pid)?.includes(marker) ?? false));
}

export async function waitForExit(pid: number, deadlineMs: number): Promise<boolean> {
  const deadline = Date.now() + deadlineMs;
  while (isProcessAlive(pid)) {
    if (Date.now() >= deadline) return false;
    await delay(POLL_INTERVAL_MS);
  }
  return true;
}

/** SIGTERM for a clean shutdown, SIGKILL only when the grace period runs out; resolves once it is gone. */
export async function stopProcess(pid: number, graceMs: number, name: string): Promise<void> {
  signal(pid, 'SIGTERM');
  if (await waitForExit(pid, graceMs)) return;
  signal(pid, 'SIGKILL');
  if (await waitForExit(pid, 10_000)) return;
  throw new Error(`${name} (pid ${pid}) is still running after SIGTERM and SIGKILL`);
}

export async function killProcess(pid: number, name: string): Promise<void> {
  signal(pid, 'SIGKILL');
  if (await waitForExit(pid, 10_000)) return;
  throw new Error(`${name} (pid ${pid}) is still running after SIGKILL`);
}

function signal(pid: number, name: NodeJS.Signals): void {
  try {
    process.kill(pid, name);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
  }
}

/**
 * Starts a long-running server that outlives this process: own process group, output appended to a
 * log file, not waited for. Returns its pid.
 */
export function spawnDetached(command: string, args: string[], logFile: string, cwd: string): number {
  const out = openSync(logFile, 'a');
  try {
    const child = spawn(command, args, { cwd, detached: true, stdio: ['ignore', out, out] });
    child.unref();
    if (child.pid === undefined) throw new Error(`could not start ${command}; see ${logFile}`);
    return child.pid;
  } finally {
    closeSync(out);
  }
}

export interface CommandResult {
  stdout: string;
  stderr: string;
}

/** Runs a short command to completion; the error names the command and carries its stderr. */
export function runCommand(
  command: string,
  args: string[],
  options: { cwd?: string; timeoutMs?: number } = {},
): Promise<CommandResult> {
  return new Promise((resolvePromise, reject) => {
    execFile(
      command,
      args,
      { cwd: options.cwd, timeout: options.timeoutMs ?? 120_000, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error) {
          const detail = stderr.trim() || stdout.trim() || error.message;
          reject(new Error(`${command} ${args.join(' ')} failed: ${detail}`));
          return;
        }
        resolvePromise({ stdout, stderr });
      },
    );
  });
}

export function delay(ms: number): Promise<void> {
  return new Promise((resolvePromise) => setTimeout(resolvePromise, ms));
}
