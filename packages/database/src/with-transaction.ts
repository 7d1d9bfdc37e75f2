import type { Pool, PoolClient } from 'pg';

/**
 * Runs `work` in one transaction on one pooled client: committed when it resolves, rolled back when it
 * throws (the original error is rethrown, never one from the rollback), and the client always released.
 */
export async function withTransaction<T>(pool: Pool, work: (client: PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let result: T;
  try {
    await client.query('BEGIN');
    result = await work(client);
    await client.query('COMMIT');
  } catch (error) {
    await rollBackAndRelease(client);
    throw error;
  }
  client.release();
  return result;
}

/**
 * Ends a failed transaction: rolls back and returns the client to the pool. A client whose rollback fails
 * too is closed instead of pooled, so the transaction and its locks cannot outlive the failure.
 */
export async function rollBackAndRelease(client: PoolClient): Promise<void> {
  const rolledBack = await client.query('ROLLBACK').then(
    () => true,
    () => false,
  );
  client.release(!rolledBack);
}
