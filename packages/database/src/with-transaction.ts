import type { Pool, PoolClient } from 'pg';

/**
 * Runs `work` in one transaction on one pooled client: committed when it resolves, rolled back when it
 * throws (the original error is rethrown, never one from the rollback), and the client always released.
 */
export async function withTransaction<T>(pool: Pool, work: (client: PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
