import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { killRedis, stackDown, startRedis } from '@signaalhub/stack';
import { freePort } from './free-port.js';

/** A redis-server of the test's own, configured as in production (appendonly, noeviction), for fault injection. */
export interface PrivateRedis {
  readonly url: string;
  /** SIGKILL redis-server: no clean shutdown, no final fsync. `discardData` also deletes its data directory. */
  kill(options?: { discardData?: boolean }): Promise<void>;
  /** Start it again on the same port and data directory; resolves once it answers PING. */
  start(): Promise<void>;
  /** Stop it and delete its data. */
  dispose(): Promise<void>;
}

/**
 * Always a local process (also where Docker answers), like the private broker: the fault under test is
 * the process dying and a new one reading the same data directory on the same port.
 */
export async function startPrivateRedis(): Promise<PrivateRedis> {
  const stackDir = mkdtempSync(join(tmpdir(), 'signaalhub-private-redis-'));
  // `env: {}` so a REDIS_URL in the developer's shell cannot redirect the private server.
  const options = { stackDir, redisPort: await freePort(), env: {} };
  await startRedis(options);
  return {
    url: `redis://127.0.0.1:${String(options.redisPort)}`,
    kill: (kill = {}) => killRedis(options, kill),
    start: () => startRedis(options),
    dispose: async () => {
      await stackDown(options);
      rmSync(stackDir, { recursive: true, force: true });
    },
  };
}
