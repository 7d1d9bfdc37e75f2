import type { ReplayStore } from './replay-store.js';

/** A replay store for unit tests and one-shot CLI runs; entries live in this process only. */
export class InMemoryReplayStore implements ReplayStore {
  private readonly expiries = new Map<string, number>();

  constructor(private readonly now: () => number = Date.now) {}

  markSeen(key: string, ttlMs: number): Promise<boolean> {
    const now = this.now();
    const expiresAt = this.expiries.get(key);
    if (expiresAt !== undefined && expiresAt > now) return Promise.resolve(false);
    this.expiries.set(key, now + ttlMs);
    if (this.expiries.size % 1024 === 0) this.evictExpired(now);
    return Promise.resolve(true);
  }

  forget(key: string): Promise<void> {
    this.expiries.delete(key);
    return Promise.resolve();
  }

  get size(): number {
    return this.expiries.size;
  }

  private evictExpired(now: number): void {
    for (const [key, expiresAt] of this.expiries) if (expiresAt <= now) this.expiries.delete(key);
  }
}
