import type { Redis } from 'ioredis';
import type { ReplayStore } from './replay-store.js';

/** Redis key prefix. PERSISTED in Redis: never rename it — add a new version and migrate. */
export const REPLAY_KEY_PREFIX = 'signaalhub:envelope-seen:v1';

/**
 * The services' replay store: `SET key 1 NX PX ttl`, atomic across every instance that shares the
 * namespace. Each consuming service uses its own namespace, so two services of one party can both
 * open the same message.
 */
export class RedisReplayStore implements ReplayStore {
  private readonly prefix: string;

  constructor(
    private readonly redis: Redis,
    namespace: string,
  ) {
    if (!/^[a-z][a-z0-9-]{0,62}$/.test(namespace)) throw new Error('replay store namespace must be a lowercase slug');
    this.prefix = `${REPLAY_KEY_PREFIX}:${namespace}:`;
  }

  async markSeen(key: string, ttlMs: number): Promise<boolean> {
    const reply = await this.redis.set(this.prefix + key, '1', 'PX', Math.max(1, Math.ceil(ttlMs)), 'NX');
    return reply === 'OK';
  }

  async forget(key: string): Promise<void> {
    await this.redis.del(this.prefix + key);
  }
}
