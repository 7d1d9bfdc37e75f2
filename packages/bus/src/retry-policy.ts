/** How often and how patiently a failing handler is retried before its message is dead-lettered. */
export interface RetryPolicy {
  /** Retries after the first attempt; 0 dead-letters on the first failure. */
  readonly retries: number;
  readonly initialMs: number;
  readonly maxMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { retries: 5, initialMs: 200, maxMs: 10_000 };

/** Delay before retry number `retry` (1-based): initialMs · 2^(retry-1), capped at maxMs. */
export function backoffDelayMs(policy: RetryPolicy, retry: number): number {
  if (!Number.isInteger(retry) || retry < 1) throw new RangeError(`retry must be an integer ≥ 1, got ${retry}`);
  // Cap the exponent so large retry counts never overflow to Infinity before the cap applies.
  const exponential = policy.initialMs * 2 ** Math.min(retry - 1, 52);
  return Math.min(exponential, policy.maxMs);
}

/** The whole schedule: one delay per retry. */
export function backoffSchedule(policy: RetryPolicy): number[] {
  return Array.from({ length: policy.retries }, (_, index) => backoffDelayMs(policy, index + 1));
}

export function validateRetryPolicy(policy: RetryPolicy): RetryPolicy {
  const valid =
    Number.isInteger(policy.retries) && policy.retries >= 0 && policy.initialMs >= 0 && policy.maxMs >= policy.initialMs;
  if (!valid) {
    throw new RangeError(
      `retry policy needs retries ≥ 0 (integer), initialMs ≥ 0 and maxMs ≥ initialMs; got ${JSON.stringify(policy)}`,
    );
  }
  return policy;
}
