/** Exponential from 500 ms, capped at one minute: a worker keeps trying through a long database outage. */
export function cappedBackoffMs(attemptsMade: number): number {
  return Math.min(500 * 2 ** Math.min(Math.max(attemptsMade - 1, 0), 20), 60_000);
}
