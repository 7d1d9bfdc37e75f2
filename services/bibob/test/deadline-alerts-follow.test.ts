import type { Logger } from '@signaalhub/logging';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AlertStore } from '../src/alerts/alert-store.js';
import { DeadlineAlerts, FOLLOW_WAIT_MS, type DeadlineAlertsParts } from '../src/alerts/deadline-alerts.js';

/** A step's rescheduling of its alerts when Redis does not answer (BullMQ would wait without end). */
describe('DeadlineAlerts.follow', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  function alertsWith(jobs: { remove: () => Promise<void>; add: () => Promise<void> }): { sut: DeadlineAlerts; warnings: string[]; marked: string[] } {
    const warnings: string[] = [];
    const marked: string[] = [];
    const alerts = {
      candidate: (id: string) => Promise.resolve({ id, closed: true, jobIds: ['old-job'] }),
      markScheduled: (candidate: { id: string }) => {
        marked.push(candidate.id);
        return Promise.resolve();
      },
    } as unknown as AlertStore;
    const logger = { warn: (_fields: unknown, message: string) => warnings.push(message), info: () => undefined } as unknown as Logger;
    const parts = { alerts, jobs, logger, leadMs: 1000, sweepMs: 60_000, clock: () => new Date('2027-01-04T09:00:00Z') } as unknown as DeadlineAlertsParts;
    return { sut: new DeadlineAlerts(parts), warnings, marked };
  }

  it('answers after FOLLOW_WAIT_MS when Redis never answers, and says so in the log', async () => {
    vi.useFakeTimers();
    const { sut, warnings, marked } = alertsWith({ remove: () => new Promise<void>(() => undefined), add: () => Promise.resolve() });
    let answered = false;
    const follow = sut.follow('5c7d3f3e-9c1a-4e7b-8d52-0d5c2c0b6a11').then(() => {
      answered = true;
    });
    await vi.advanceTimersByTimeAsync(FOLLOW_WAIT_MS - 1);
    expect(answered).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    await follow;
    expect(answered).toBe(true);
    expect(marked).toEqual([]);
    expect(warnings).toEqual(['deadline alerts not yet rescheduled (Redis slow or away); the step answers, the jobs follow']);
  });

  it('answers as soon as the jobs moved when Redis answers, without a warning', async () => {
    vi.useFakeTimers();
    const { sut, warnings, marked } = alertsWith({ remove: () => Promise.resolve(), add: () => Promise.resolve() });
    await sut.follow('5c7d3f3e-9c1a-4e7b-8d52-0d5c2c0b6a11');
    expect(marked).toEqual(['5c7d3f3e-9c1a-4e7b-8d52-0d5c2c0b6a11']);
    expect(warnings).toEqual([]);
    expect(vi.getTimerCount()).toBe(0);
  });
});
