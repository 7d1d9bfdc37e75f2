import { testInfrastructure, uniqueName } from '@signaalhub/test-infra';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withTransaction } from '../src/index.js';

describe(withTransaction.name, () => {
  const pool = new pg.Pool({ connectionString: testInfrastructure().databaseUrl, max: 2 });
  const table = uniqueName('tx').replaceAll('-', '_');

  beforeAll(async () => {
    await pool.query(`CREATE TABLE ${table} (id int PRIMARY KEY)`);
  });
  afterAll(async () => {
    await pool.query(`DROP TABLE IF EXISTS ${table}`);
    await pool.end();
  });

  it('commits what the work wrote and returns its result', async () => {
    const result = await withTransaction(pool, async (client) => {
      await client.query(`INSERT INTO ${table} VALUES (1)`);
      return 'done';
    });
    expect(result).toBe('done');
    expect((await pool.query(`SELECT id FROM ${table}`)).rows).toEqual([{ id: 1 }]);
  });

  it('rolls back everything the work wrote when it throws, and rethrows its error', async () => {
    await expect(
      withTransaction(pool, async (client) => {
        await client.query(`INSERT INTO ${table} VALUES (2)`);
        throw new Error('work failed');
      }),
    ).rejects.toThrow('work failed');
    expect((await pool.query(`SELECT id FROM ${table} WHERE id = 2`)).rows).toEqual([]);
  });

  it('releases the client every time, so a small pool never runs dry', async () => {
    for (let attempt = 0; attempt < 5; attempt++) {
      await withTransaction(pool, () => Promise.reject(new Error('again'))).catch(() => undefined);
    }
    expect(pool.totalCount - pool.idleCount).toBe(0);
  });
});
