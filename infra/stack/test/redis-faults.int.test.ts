import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tcpRequest } from '../src/ports.js';
import * as sut from '../src/index.js';
import type { StackOptions } from '../src/index.js';
import { freePort } from './free-ports.js';

/** One inline command over a fresh connection: the first line of the raw RESP reply ('' when nothing answers). */
const command = (options: StackOptions, line: string): Promise<string> => tcpRequest(options.redisPort ?? 0, `${line}\r\n`, 2_000);

describe('Redis fault injection', () => {
  let stackDir: string;
  let options: StackOptions;

  beforeAll(async () => {
    stackDir = mkdtempSync(join(tmpdir(), 'signaalhub-redis-faults-'));
    // Pinned, so a REDIS_URL in the caller's shell cannot turn this into a no-op.
    options = { stackDir, redisPort: await freePort(), env: { PATH: process.env.PATH } };
    await sut.startRedis(options);
  });

  afterAll(async () => {
    await sut.stackDown(options);
    rmSync(stackDir, { recursive: true, force: true });
  });

  it('keeps an acknowledged write across a SIGKILL (append-only file) and loses everything when the data is discarded', async () => {
    expect(await command(options, 'SET fault-key kept')).toMatch(/^\+OK/);

    await sut.killRedis(options);
    expect(await command(options, 'PING')).toBe('');
    await sut.startRedis(options);
    expect(await command(options, 'EXISTS fault-key')).toBe(':1\r\n');

    await sut.killRedis(options, { discardData: true });
    await sut.startRedis(options);
    expect(await command(options, 'EXISTS fault-key')).toBe(':0\r\n');
  });
});
