import type { Redis } from 'ioredis';
import { describe, expect, it } from 'vitest';
import { assertDurableRedis } from '../src/durable-redis.js';

function redisWithConfig(config: Record<string, string>): Redis {
  const stub = {
    config: (_command: 'GET', name: string) => Promise.resolve(name in config ? [name, config[name]] : []),
  };
  return stub as unknown as Redis;
}

describe(assertDurableRedis.name, () => {
  it('accepts a Redis with appendonly yes and noeviction', async () => {
    await expect(assertDurableRedis(redisWithConfig({ appendonly: 'yes', 'maxmemory-policy': 'noeviction' }))).resolves.toBeUndefined();
  });

  it('rejects a Redis without the append-only file', async () => {
    await expect(assertDurableRedis(redisWithConfig({ appendonly: 'no', 'maxmemory-policy': 'noeviction' }))).rejects.toThrow(
      'appendonly is "no", must be "yes"',
    );
  });

  it('rejects a Redis that may evict keys', async () => {
    await expect(assertDurableRedis(redisWithConfig({ appendonly: 'yes', 'maxmemory-policy': 'allkeys-lru' }))).rejects.toThrow(
      'maxmemory-policy is "allkeys-lru", must be "noeviction"',
    );
  });
});
