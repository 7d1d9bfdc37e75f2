/**
 * Remembers which messages a reader has opened, for as long as they could still be accepted (the
 * freshness window), so a copy of an opened message is refused. Keys are `<reader party>:<message id>`
 * — routing facts, never personal data.
 */
export interface ReplayStore {
  /** Atomically records the key; resolves `true` when it was not seen before, `false` for a replay. */
  markSeen(key: string, ttlMs: number): Promise<boolean>;
  /**
   * Forgets a key: for a consumer whose handler failed after `open`, so the broker's redelivery of
   * the same message is not mistaken for a replay.
   */
  forget(key: string): Promise<void>;
}
