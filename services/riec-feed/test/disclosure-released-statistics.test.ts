import { describe, expect, it } from 'vitest';
import { releasedMedian, releasedTrend } from '../src/disclosure/index.js';

describe(releasedMedian.name, () => {
  it('takes the median over released cells of at least k only', () => {
    // Suppressed (null) and small visible values (0) are left out: the median of 5, 8, 20 is 8.
    expect(releasedMedian([null, 0, 5, 20, 8, null], 5)).toBe(8);
    expect(releasedMedian([6, 10], 5)).toBe(8);
  });

  it('gives no median when no cell is eligible', () => {
    expect(releasedMedian([null, 0, null], 5)).toBeNull();
  });
});

describe(releasedTrend.name, () => {
  it('leaves gaps for suppressed and small points and fits the slope over the others', () => {
    const sut = releasedTrend(
      [
        { period: '2026-01', value: 10 },
        { period: '2026-02', value: null },
        { period: '2026-03', value: 14 },
        { period: '2026-04', value: 0 },
      ],
      5,
    );
    expect(sut.points.map((point) => point.value)).toEqual([10, null, 14, null]);
    expect(sut.slopePerPeriod).toBeCloseTo(2);
  });

  it('gives no slope with fewer than two eligible points', () => {
    expect(releasedTrend([{ period: '2026-01', value: 12 }, { period: '2026-02', value: null }], 5).slopePerPeriod).toBeNull();
  });
});
