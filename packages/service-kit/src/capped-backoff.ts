/** Exponential from 500 ms, capped at one minute: a worker keeps trying through a long database outage. */
export function cappedBackoffMs(attemptsMade: number): number {
  return Math.min(500 * 2 ** Math.min(Math.max(attemptsMade - 1, 0), 20), 60_000);
}

/** The `backoff` option of a job that retries on `cappedBackoffMs` (every worker `createWorkers` makes knows it). */
export const CAPPED_BACKOFF = { type: 'capped' } as const;
