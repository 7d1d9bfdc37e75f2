/** How long a message may travel before it is refused, and how far clocks of parties may differ. */
export interface FreshnessWindow {
  readonly maxAgeMs: number;
  readonly clockSkewMs: number;
}

export const DEFAULT_FRESHNESS_WINDOW: FreshnessWindow = Object.freeze({
  maxAgeMs: 7 * 24 * 60 * 60 * 1000,
  clockSkewMs: 5 * 60 * 1000,
});

/** Accepted: `now - maxAge - skew <= issuedAt <= now + skew`. */
export function isFresh(issuedAtMs: number, nowMs: number, window: FreshnessWindow): boolean {
  return issuedAtMs >= nowMs - window.maxAgeMs - window.clockSkewMs && issuedAtMs <= nowMs + window.clockSkewMs;
}

/**
 * How long a reader must remember an opened id: a message issued `skew` in the future stays
 * acceptable until `maxAge + 2 × skew` from now, so a copy is refused for that whole time.
 */
export function replayMemoryMs(window: FreshnessWindow): number {
  return window.maxAgeMs + 2 * window.clockSkewMs;
}
