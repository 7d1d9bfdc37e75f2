import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { REPLAY_KEY_PREFIX, RedisReplayStore } from '../src/index.js';

// A real Redis (DESIGN.md §7): the shared test infrastructure's, or the machine's own.
const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', { lazyConnect: true, maxRetriesPerRequest: 1 });
afterAll(async () => {
  await redis.quit();
});

describe(RedisReplayStore.name, () => {
  it('rejects a second markSeen of one key and accepts it again after forget', async () => {
    const namespace = `t-${randomUUID().slice(0, 8)}`;
    const sut = new RedisReplayStore(redis, namespace);
    const key = `riec-mn:${randomUUID()}`;
    expect(await sut.markSeen(key, 60_000)).toBe(true);
    expect(await sut.markSeen(key, 60_000)).toBe(false);
    expect(await new RedisReplayStore(redis, `${namespace}-other`).markSeen(key, 60_000)).toBe(true);
    await sut.forget(key);
    expect(await sut.markSeen(key, 60_000)).toBe(true);
  });

  it('stores the key under the versioned prefix with the ttl as expiry', async () => {
    const namespace = `t-${randomUUID().slice(0, 8)}`;
    const sut = new RedisReplayStore(redis, namespace);
    const messageId = randomUUID();
    await sut.markSeen(`politie-bes:${messageId}`, 30_000);
    const ttl = await redis.pttl(`${REPLAY_KEY_PREFIX}:${namespace}:politie-bes:${messageId}`);
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(30_000);
  });

  it('rejects a namespace that is not a slug', () => {
    expect(() => new RedisReplayStore(redis, 'Meeting Service')).toThrow(/slug/);
  });
});
