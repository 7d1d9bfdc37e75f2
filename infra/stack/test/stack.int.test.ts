import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { probeKafka } from '@signaalhub/bus';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as sut from '../src/index.js';
import type { ComponentStatus, StackOptions } from '../src/index.js';
import { freePort } from './free-ports.js';

/** A zombie (killed, not yet reaped by its parent, which may be this test process) runs nothing. */
function isAlive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${String(pid)}/stat`, 'utf8');
    return !/^\d+ \(.*\) [ZX]/s.test(stat);
  } catch {
    return false;
  }
}

/** Independent of the stack's own bookkeeping: what pgrep sees with the stack dir on its command line. */
function processesNaming(stackDir: string): string[] {
  try {
    return execFileSync('pgrep', ['-af', `${stackDir}/`], { encoding: 'utf8' })
      .split('\n')
      .filter((line) => line.trim() !== '');
  } catch {
    return []; // pgrep exits 1 when nothing matches
  }
}

function pidsOf(components: ComponentStatus[]): Record<string, number | undefined> {
  return Object.fromEntries(components.map((component) => [component.name, component.pid]));
}

describe('local stack', () => {
  let stackDir: string;
  let options: StackOptions;

  beforeAll(async () => {
    // mkdtemp makes a 0700 folder: this also proves the postgres user is given a way in.
    stackDir = mkdtempSync(join(tmpdir(), 'signaalhub-stack-'));
    options = {
      stackDir,
      kafkaPort: await freePort({ pair: true }),
      redisPort: await freePort(),
      postgresPort: await freePort(),
      // Pinned, so KAFKA_BROKERS/REDIS_URL/DATABASE_URL in the caller's shell cannot turn this into a no-op.
      env: { HOME: process.env.HOME, XDG_CACHE_HOME: process.env.XDG_CACHE_HOME, PATH: process.env.PATH },
    };
  });

  afterAll(async () => {
    await sut.stackDown(options);
    rmSync(stackDir, { recursive: true, force: true });
  });

  describe(sut.stackUp.name, () => {
    it('starts kafka, redis and postgres that answer, and reports their settings', async () => {
      const settings = await sut.stackUp(options);

      expect(settings).toEqual({
        kafkaBrokers: [`127.0.0.1:${String(options.kafkaPort)}`],
        kafkaVersion: 'Apache Kafka 4.1.1',
        redisUrl: `redis://127.0.0.1:${String(options.redisPort)}`,
        databaseUrl: `postgres://signaalhub@127.0.0.1:${String(options.postgresPort)}/signaalhub`,
        stackDir,
      });
      const status = await sut.stackStatus(options);
      expect(status.components.map((component) => [component.name, component.state])).toEqual([
        ['kafka', 'running'],
        ['redis', 'running'],
        ['postgres', 'running'],
      ]);
    });

    it('starts nothing new when the stack already runs', async () => {
      const before = pidsOf((await sut.stackStatus(options)).components);

      const settings = await sut.stackUp(options);

      const after = await sut.stackStatus(options);
      expect(pidsOf(after.components)).toEqual(before);
      expect(after.components.every((component) => component.state === 'running')).toBe(true);
      await expect(probeKafka(settings.kafkaBrokers, 10_000)).resolves.toEqual({ brokerCount: 1 });
    });
  });

  describe(sut.killKafka.name, () => {
    it('brings the broker back on the same port when killed and started again', async () => {
      const killedPid = pidsOf((await sut.stackStatus(options)).components).kafka;
      expect(killedPid).toBeDefined();

      await sut.killKafka(options);

      expect(isAlive(killedPid ?? 0)).toBe(false);
      const whileDown = await sut.stackStatus(options);
      expect(whileDown.components.find((component) => component.name === 'kafka')?.state).toBe('stopped');

      await sut.startKafka(options);

      const brokers = [`127.0.0.1:${String(options.kafkaPort)}`];
      await expect(probeKafka(brokers, 10_000)).resolves.toEqual({ brokerCount: 1 });
      expect(pidsOf((await sut.stackStatus(options)).components).kafka).not.toBe(killedPid);
    });
  });

  describe(sut.stackDown.name, () => {
    it('leaves no process of the stack running when it returns', async () => {
      const pids = Object.values(pidsOf((await sut.stackStatus(options)).components));
      expect(pids.every((pid) => pid !== undefined && isAlive(pid))).toBe(true);
      expect(processesNaming(stackDir)).toHaveLength(3);

      await sut.stackDown(options);

      expect(pids.filter((pid) => pid !== undefined && isAlive(pid))).toEqual([]);
      expect(processesNaming(stackDir)).toEqual([]);
    });

    it('does nothing when the stack is already down', async () => {
      await sut.stackDown(options);

      const status = await sut.stackStatus(options);
      expect(status.components.map((component) => component.state)).toEqual(['stopped', 'stopped', 'stopped']);
    });
  });
});
