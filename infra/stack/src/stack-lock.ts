import { linkSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { delay, isProcessAlive, readPidFile } from './processes.js';

/**
 * Serialises up/down/kill/start on one stack dir, so two callers (a global set-up and a developer's
 * `stack:up`) never start a second broker on the same data. A lock whose holder died is taken over.
 */
export async function withStackLock<T>(stackDir: string, deadlineMs: number, action: () => Promise<T>): Promise<T> {
  mkdirSync(stackDir, { recursive: true });
  const lockFile = join(stackDir, 'stack.lock');
  // Written aside and linked into place, so the lock file never exists without its holder's pid.
  const candidate = join(stackDir, `stack.lock.${process.pid}.${randomUUID()}`);
  writeFileSync(candidate, `${process.pid}\n`);
  const deadline = Date.now() + deadlineMs;
  for (;;) {
    try {
      linkSync(candidate, lockFile);
      rmSync(candidate, { force: true });
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
        rmSync(candidate, { force: true });
        throw error;
      }
      const holder = readPidFile(lockFile);
      if (holder === undefined || !isProcessAlive(holder)) {
        rmSync(lockFile, { force: true });
        continue;
      }
      if (Date.now() >= deadline) {
        rmSync(candidate, { force: true });
        throw new Error(`stack dir ${stackDir} is locked by process ${holder}; waited ${deadlineMs} ms`, { cause: error });
      }
      await delay(200);
    }
  }
  try {
    return await action();
  } finally {
    rmSync(lockFile, { force: true });
  }
}
