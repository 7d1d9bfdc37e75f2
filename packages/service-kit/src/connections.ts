import { runMigrations, type Migration } from '@signaalhub/database';
import { Redis } from 'ioredis';
import pg from 'pg';
import { assertDurableRedis } from './durable-redis.js';

/** A Redis client for a service's own keys, connected and checked to keep what it is given (exit otherwise). */
export async function connectDurableRedis(url: string): Promise<Redis> {
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 3 });
  await redis.connect();
  await assertDurableRedis(redis);
  return redis;
}

/**
 * The service's PostgreSQL pool, its schema migrated first (runMigrations: versioned steps under an
 * advisory lock, so two instances starting at once are safe).
 */
export async function openServiceDatabase(options: { url: string; schema: string; migrations: readonly Migration[]; maxConnections: number }): Promise<pg.Pool> {
  const pool = new pg.Pool({ connectionString: options.url, max: options.maxConnections });
  await runMigrations(pool, { schema: options.schema, migrations: options.migrations });
  return pool;
}
