import type { Redis } from 'ioredis';

/**
 * Queues hold accepted work; a Redis that may evict keys or forget writes on restart would lose it.
 * Services refuse to start on such a Redis (DESIGN.md §7).
 */
export async function assertDurableRedis(redis: Redis): Promise<void> {
  const appendonly = await configValue(redis, 'appendonly');
  const evictionPolicy = await configValue(redis, 'maxmemory-policy');
  const problems: string[] = [];
  if (appendonly !== 'yes') problems.push(`appendonly is "${appendonly}", must be "yes"`);
  if (evictionPolicy !== 'noeviction') problems.push(`maxmemory-policy is "${evictionPolicy}", must be "noeviction"`);
  if (problems.length > 0) throw new Error(`Refusing to use this Redis: ${problems.join('; ')}`);
}

async function configValue(redis: Redis, name: string): Promise<string> {
  const reply = (await redis.config('GET', name)) as string[];
  return reply[1] ?? '(unset)';
}
