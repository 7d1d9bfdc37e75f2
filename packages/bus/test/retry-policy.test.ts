import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { backoffDelayMs, backoffSchedule } from '../src/index.js';

describe(backoffSchedule.name, () => {
  it('doubles from initialMs and stops growing at maxMs', () => {
    const sut = backoffSchedule({ retries: 7, initialMs: 100, maxMs: 2_000 });

    expect(sut).toEqual([100, 200, 400, 800, 1_600, 2_000, 2_000]);
  });

  it('is empty when no retries are configured', () => {
    expect(backoffSchedule({ retries: 0, initialMs: 100, maxMs: 1_000 })).toEqual([]);
  });

  it('never exceeds maxMs and never shrinks, whatever the policy', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 10_000 }), fc.integer({ min: 0, max: 100_000 }), (retries, initialMs, extra) => {
        const maxMs = initialMs + extra;
        const sut = backoffSchedule({ retries, initialMs, maxMs });
        expect(sut).toHaveLength(retries);
        sut.forEach((delay, index) => {
          expect(delay).toBeLessThanOrEqual(maxMs);
          if (index > 0) expect(delay).toBeGreaterThanOrEqual(sut[index - 1] ?? 0);
        });
      }),
    );
  });
});

describe(backoffDelayMs.name, () => {
  it('rejects a retry number below 1', () => {
    expect(() => backoffDelayMs({ retries: 3, initialMs: 10, maxMs: 100 }, 0)).toThrow(/retry must be an integer ≥ 1/);
  });

  it('stays finite for huge retry numbers', () => {
    expect(backoffDelayMs({ retries: 5_000, initialMs: 1, maxMs: 30_000 }, 5_000)).toBe(30_000);
  });
});
