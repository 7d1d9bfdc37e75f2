import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { isOwnProcess, isProcessAlive, readPidFile, stopProcess, writePidFile } from '../src/processes.js';
import { withStackLock } from '../src/stack-lock.js';

const started: number[] = [];

/** A process that ignores SIGTERM, like a server stuck in shutdown; resolves once its handler is installed. */
async function startStubbornProcess(): Promise<number> {
  const script = "process.on('SIGTERM', () => {}); process.stdout.write('ready'); setInterval(() => {}, 1000);";
  const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'ignore'] });
  const pid = child.pid;
  if (pid === undefined) throw new Error('could not start the stub process');
  started.push(pid);
  await new Promise((resolvePromise) => child.stdout.once('data', resolvePromise));
  child.stdout.destroy();
  return pid;
}

afterEach(() => {
  for (const pid of started.splice(0)) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
});

describe(stopProcess.name, () => {
  it('falls back to SIGKILL when the process ignores SIGTERM past the grace period', async () => {
    const pid = await startStubbornProcess();

    await stopProcess(pid, 500, 'stub');

    expect(isProcessAlive(pid)).toBe(false);
  });
});

describe(isOwnProcess.name, () => {
  it('rejects a live pid whose command line does not name the marker', () => {
    expect(isOwnProcess(process.pid, '/no/such/stack/dir/')).toBe(false);
    expect(isOwnProcess(process.pid, process.argv[1] ?? '')).toBe(true);
  });
});

describe(readPidFile.name, () => {
  it('reads the first line and ignores a file without a pid', () => {
    const dir = mkdtempSync(join(tmpdir(), 'stack-pid-'));
    try {
      writePidFile(join(dir, 'a.pid'), 4242);
      expect(readPidFile(join(dir, 'a.pid'))).toBe(4242);
      expect(readPidFile(join(dir, 'missing.pid'))).toBeUndefined();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe(withStackLock.name, () => {
  it('rejects a second caller on the same stack dir while the first holds the lock', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'stack-lock-'));
    let release = (): void => undefined;
    let entered = (): void => undefined;
    const firstIn = new Promise<void>((resolvePromise) => (entered = resolvePromise));
    try {
      const first = withStackLock(dir, 10_000, async () => {
        entered();
        await new Promise<void>((resolvePromise) => (release = resolvePromise));
      });
      await firstIn;

      await expect(withStackLock(dir, 0, () => Promise.resolve('second'))).rejects.toThrow(/is locked by process/);

      release();
      await first;
      await expect(withStackLock(dir, 0, () => Promise.resolve('second'))).resolves.toBe('second');
      expect(existsSync(join(dir, 'stack.lock'))).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
