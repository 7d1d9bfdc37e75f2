import { createEventBus } from '@signaalhub/bus';
import { Topics } from '@signaalhub/contracts';
import { createLogger } from '@signaalhub/logging';
import { eventually, freePort, killedAfterEachTest, testInfrastructure } from '@signaalhub/test-infra';
import { describe, expect, it } from 'vitest';
import { intakeEnv } from './support/intake-service.js';

const infrastructure = testInfrastructure();

function goodEnv(port: number): Record<string, string> {
  return intakeEnv({ SIGNAL_INTAKE_PORT: String(port) });
}

describe('signal-intake service', () => {
  const processes = killedAfterEachTest();

  it.each([
    ['KAFKA_BROKERS', 'localhost', 'KAFKA_BROKERS: must be a comma-separated list of host:port'],
    ['REDIS_URL', 'http://127.0.0.1:6379', 'REDIS_URL: must be a URL starting with redis:// or rediss://'],
    ['DATABASE_URL', 'not a url', 'DATABASE_URL: must be a URL'],
    ['SIGNAL_INTAKE_PORT', '99999', 'SIGNAL_INTAKE_PORT: must be a whole number from 1 to 65535'],
    ['LOG_LEVEL', 'loud', 'LOG_LEVEL: must be one of fatal, error, warn, info, debug, trace, silent'],
    ['IDENTITY_TOKEN_SECRET', 'short', 'IDENTITY_TOKEN_SECRET: must be at least 32 characters'],
    ['OUTBOX_POLL_MS', '5', 'OUTBOX_POLL_MS: must be a whole number from 50 to 60000'],
    ['SIGNAL_INTAKE_DB_SCHEMA', 'Bad-Name', 'SIGNAL_INTAKE_DB_SCHEMA: must be a lowercase SQL identifier'],
    ['DISTRIBUTION_POLICY_FILE', '/nonexistent/policy.json', 'DISTRIBUTION_POLICY_FILE: cannot read a JSON file'],
    ['HUB_KEY_PASSPHRASE', 'wrong passphrase', 'KEYS_DIR / HUB_KEY_PASSPHRASE: cannot load the keys'],
    ['KEYS_DIR', '/nonexistent/keys', 'KEYS_DIR / HUB_KEY_PASSPHRASE: cannot load the keys'],
  ])('exits non-zero naming %s when it is %j', async (variable, value, message) => {
    const sut = processes.start('signal-intake', { ...goodEnv(await freePort()), [variable]: value });
    const code = await sut.exited;
    expect(code).toBe(78);
    expect(sut.log).toContain(message);
  });

  it('exits non-zero naming a required variable that is missing', async () => {
    const { DATABASE_URL: _missing, ...env } = goodEnv(await freePort());
    const sut = processes.start('signal-intake', env);
    expect(await sut.exited).toBe(78);
    expect(sut.log).toContain('DATABASE_URL: is required');
  });

  it('reports live and ready, runs its @EventPattern handler on a Kafka event, and stops on SIGTERM', async () => {
    const port = await freePort();
    const service = processes.start('signal-intake', goodEnv(port));
    const base = `http://127.0.0.1:${port}`;

    const ready = await eventually(
      async () => {
        const response = await fetch(`${base}/health/ready`).catch(() => undefined);
        return response?.status === 200 ? ((await response.json()) as { dependencies: { name: string; ready: boolean }[] }) : undefined;
      },
      { timeoutMs: 60_000, what: 'readiness' },
    );
    expect(ready.dependencies.map((dependency) => [dependency.name, dependency.ready])).toEqual([
      ['kafka', true],
      ['redis', true],
      ['postgres', true],
    ]);
    expect((await fetch(`${base}/health/live`)).status).toBe(200);
    const openApi = (await (await fetch(`${base}/api/openapi.json`)).json()) as { paths: Record<string, unknown> };
    expect(Object.keys(openApi.paths)).toEqual(
      expect.arrayContaining(['/health/live', '/health/ready', '/api/signals', '/api/signals/mine', '/api/signals/{id}', '/api/policy/distribution']),
    );

    const bus = createEventBus({ brokers: infrastructure.kafkaBrokers, clientId: 'e2e-producer', logger: createLogger('e2e', 'warn') });
    const producer = bus.createProducer();
    await producer.connect();
    try {
      // A new consumer group reads from the beginning, so one event sent now is seen once the group has joined.
      await producer.send(Topics.decisionRecorded, [{ key: 'soest', value: Buffer.from('{"not":"an envelope"}') }]);
      // Not an envelope: refused at once (dead letter + audit), and the consumer goes on.
      await eventually(() => (service.log.includes('"code":"MALFORMED_ENVELOPE"') ? true : undefined), { timeoutMs: 60_000, what: 'the decision event handler' });
    } finally {
      await producer.disconnect();
    }

    service.stop('SIGTERM');
    expect(await service.exited).toBe(0);
    // Regression: filters registered after the transport initialised were silently dropped by Nest.
    expect(service.log).not.toContain('Cannot apply global exception filters');
    expect(service.log).toContain('signal-intake stopped');
    const listening = service.log
      .split('\n')
      .filter((line) => line.includes('"msg":"signal-intake listening"'))
      .map((line) => JSON.parse(line) as { node?: unknown });
    expect(listening).toEqual([expect.objectContaining({ node: process.version })]);
    // kafkajs' negative idle-timer warning is handled in packages/bus, so the log stays clean on Node 24.
    expect(service.log).not.toContain('TimeoutNegativeWarning');
  });
});
