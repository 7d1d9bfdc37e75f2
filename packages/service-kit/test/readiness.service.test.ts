import { describe, expect, it } from 'vitest';
import type { BacklogProbe, ReadinessProbe } from '../src/readiness-probe.js';
import { ReadinessService } from '../src/readiness.service.js';

const answering = (name: string): ReadinessProbe => ({ name, check: () => Promise.resolve('PONG') });
const failing = (name: string, message: string): ReadinessProbe => ({ name, check: () => Promise.reject(new Error(message)) });

describe(ReadinessService.name, () => {
  it('reports every probe the service passed, in its order', async () => {
    const sut = new ReadinessService([answering('redis'), answering('postgres')]);

    await expect(sut.check()).resolves.toEqual([
      { name: 'redis', ready: true },
      { name: 'postgres', ready: true },
    ]);
  });

  it('reports a probe as not ready with its reason when it fails, without failing the others', async () => {
    const sut = new ReadinessService([failing('kafka', 'connect ECONNREFUSED'), answering('redis')]);

    await expect(sut.check()).resolves.toEqual([
      { name: 'kafka', ready: false, reason: 'connect ECONNREFUSED' },
      { name: 'redis', ready: true },
    ]);
  });

  it('hands the check deadline to a probe that can use it', async () => {
    const deadlines: number[] = [];
    const sut = new ReadinessService([{ name: 'kafka', check: (deadlineMs) => Promise.resolve(deadlines.push(deadlineMs)) }]);

    await sut.check();

    expect(deadlines).toEqual([2_000]);
  });

  it('reports each backlog with its pending count and oldest age, and none when the service passed no backlog probes', async () => {
    const outbox: BacklogProbe = { name: 'outbox', measure: () => Promise.resolve({ pending: 3, oldestAgeSeconds: 12 }) };
    const sut = new ReadinessService([answering('postgres')], [outbox]);

    await expect(sut.backlogs()).resolves.toEqual([{ name: 'outbox', pending: 3, oldestAgeSeconds: 12 }]);
    await expect(new ReadinessService([answering('postgres')]).backlogs()).resolves.toEqual([]);
  });

  it('reports a backlog it cannot measure as unknown instead of failing readiness', async () => {
    const unmeasurable: BacklogProbe = { name: 'outbox', measure: () => Promise.reject(new Error('connect ECONNREFUSED')) };
    const sut = new ReadinessService([answering('postgres')], [unmeasurable]);

    await expect(sut.backlogs()).resolves.toEqual([{ name: 'outbox', pending: null, oldestAgeSeconds: null }]);
  });
});
