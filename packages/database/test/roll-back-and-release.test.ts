import type { PoolClient } from 'pg';
import { describe, expect, it, vi } from 'vitest';
import { rollBackAndRelease } from '../src/index.js';

function clientWhoseRollback(outcome: 'succeeds' | 'fails'): { client: PoolClient; query: ReturnType<typeof vi.fn>; release: ReturnType<typeof vi.fn> } {
  const query = vi.fn(() => (outcome === 'succeeds' ? Promise.resolve({ rows: [] }) : Promise.reject(new Error('connection lost'))));
  const release = vi.fn();
  return { client: { query, release } as unknown as PoolClient, query, release };
}

describe(rollBackAndRelease.name, () => {
  it('rolls back and returns the client to the pool', async () => {
    const { client, query, release } = clientWhoseRollback('succeeds');
    await rollBackAndRelease(client);
    expect(query).toHaveBeenCalledWith('ROLLBACK');
    expect(release).toHaveBeenCalledExactlyOnceWith(false);
  });

  it('closes the client instead of pooling it when the rollback fails too, and does not throw', async () => {
    const { client, release } = clientWhoseRollback('fails');
    await expect(rollBackAndRelease(client)).resolves.toBeUndefined();
    expect(release).toHaveBeenCalledExactlyOnceWith(true);
  });
});
