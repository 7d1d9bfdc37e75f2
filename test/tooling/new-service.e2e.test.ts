import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { eventually, freePort, killedAfterEachTest, testInfrastructure, uniqueName } from '@signaalhub/test-infra';
import { beforeAll, describe, expect, it } from 'vitest';

const FIXTURE = fileURLToPath(new URL('../fixtures/throwaway-service/', import.meta.url));
const ENTRY = `${FIXTURE}dist/main.js`;
const infrastructure = testInfrastructure();

function env(port: number, extra: Record<string, string> = {}): Record<string, string> {
  return {
    KAFKA_BROKERS: infrastructure.kafkaBrokers.join(','),
    KAFKA_GROUP_ID: uniqueName('throwaway'),
    REDIS_URL: infrastructure.redisUrl,
    IDENTITY_TOKEN_SECRET: infrastructure.identitySecret,
    THROWAWAY_PORT: String(port),
    ...extra,
  };
}

/** The positions of log lines carrying each message, in the order the process wrote them. */
function linePosition(log: string, message: string): number {
  return log.split('\n').findIndex((line) => line.includes(`"msg":"${message}"`));
}

/**
 * When the line carrying a message was logged (its `time`), -1 when absent. Lines of one shutdown can
 * reach stdout out of order through the asynchronous log destination (seen: 4 ms apart, swapped), so the
 * order of events is read from their times, not from their positions.
 */
function loggedAt(log: string, message: string): number {
  const line = log.split('\n').find((candidate) => candidate.includes(`"msg":"${message}"`));
  return line === undefined ? -1 : (JSON.parse(line) as { time: number }).time;
}

describe('a new service made from the skeleton (README: Adding a service)', () => {
  const processes = killedAfterEachTest();

  beforeAll(() => {
    // The way the build compiles a service: tsc on its folder.
    execFileSync('npx', ['tsc', '-p', `${FIXTURE}tsconfig.json`], { stdio: 'inherit' });
  });

  it('starts with health, readiness, OpenAPI and its consumer, and stops in order on SIGTERM', async () => {
    const port = await freePort();
    const sut = processes.startEntry(ENTRY, env(port));
    const base = `http://127.0.0.1:${String(port)}`;
    await eventually(
      async () => ((await fetch(`${base}/health/ready`).catch(() => undefined))?.status === 200 ? true : undefined),
      { timeoutMs: 60_000, what: 'readiness' },
    );
    expect(await (await fetch(`${base}/health/live`)).json()).toEqual({ status: 'ok' });
    const openApi = (await (await fetch(`${base}/api/openapi.json`)).json()) as { info: { title: string }; paths: Record<string, unknown> };
    expect(openApi.info.title).toBe('Throwaway service');
    expect(Object.keys(openApi.paths)).toContain('/api/received');
    expect((await fetch(`${base}/api/docs`)).status).toBe(200);
    // Its own API needs the identity header like every service's.
    expect((await fetch(`${base}/api/received`)).status).toBe(401);
    await eventually(() => (linePosition(sut.log, 'Kafka bus transport listening') >= 0 ? true : undefined), {
      timeoutMs: 60_000,
      what: 'the consumer',
    });
    const listening = sut.log.split('\n').find((line) => line.includes('"msg":"throwaway listening"'));
    expect(listening).toContain(`"node":"${process.version}"`);

    sut.stop('SIGTERM');
    expect(await sut.exited).toBe(0);
    const order = ['background work stopped', 'Kafka bus transport stopped', 'throwaway stopped'].map((message) => loggedAt(sut.log, message));
    expect(order.every((position) => position >= 0)).toBe(true);
    // On a failure, the shutdown lines as logged.
    const shutdownLines = sut.log.split('\n').filter((line) => line.includes('stopped')).join('\n');
    expect([...order].sort((a, b) => a - b), shutdownLines).toEqual(order);
  });

  it('refuses to start (78) when a subscribed event type has no handler, naming it', async () => {
    const sut = processes.startEntry(ENTRY, env(await freePort(), { THROWAWAY_DROP_HANDLER: 'true' }));
    expect(await sut.exited).toBe(78);
    expect(sut.log).toContain("event type 'signal.submitted' has no handler");
  });

  it('refuses to start (78) when a job of its catalog has no worker, naming the job and its queue', async () => {
    const sut = processes.startEntry(ENTRY, env(await freePort(), { THROWAWAY_DROP_WORKER: 'true' }));
    expect(await sut.exited).toBe(78);
    expect(sut.log).toContain("job 'tidy' (queue 'signaalhub.throwaway-tidy.v1') has no handler");
  });
});
