/**
 * Medians and trends for the dashboard, only over released cells of at least k cases: a statistic over
 * suppressed or small cells would publish a new figure computed from what suppression hides.
 */

/** The released values a statistic may use: visible and at least k. */
export function eligibleValues(values: readonly (number | null)[], k: number): number[] {
  return values.filter((value): value is number => value !== null && value >= k);
}

/** The median of the eligible values; null when there are none. */
export function releasedMedian(values: readonly (number | null)[], k: number): number | null {
  const sorted = eligibleValues(values, k).sort((a, b) => a - b);
  if (sorted.length === 0) return null;
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] ?? null) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

export interface TrendPoint {
  readonly period: string;
  readonly value: number | null;
}

export interface Trend {
  /** The series with every point that is not eligible as null (a gap in the chart). */
  readonly points: readonly TrendPoint[];
  /** Least-squares change per period over the eligible points; null with fewer than two. */
  readonly slopePerPeriod: number | null;
}

/** A trend over consecutive periods (in the order given) that uses eligible points only. */
export function releasedTrend(series: readonly TrendPoint[], k: number): Trend {
  const points = series.map((point) => ({ period: point.period, value: point.value !== null && point.value >= k ? point.value : null }));
  const used = points.flatMap((point, x) => (point.value === null ? [] : [{ x, y: point.value }]));
  if (used.length < 2) return { points, slopePerPeriod: null };
  const meanX = used.reduce((sum, point) => sum + point.x, 0) / used.length;
  const meanY = used.reduce((sum, point) => sum + point.y, 0) / used.length;
  const covariance = used.reduce((sum, point) => sum + (point.x - meanX) * (point.y - meanY), 0);
  const variance = used.reduce((sum, point) => sum + (point.x - meanX) ** 2, 0);
  return { points, slopePerPeriod: covariance / variance };
}
