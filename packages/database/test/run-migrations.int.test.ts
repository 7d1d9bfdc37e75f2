import { testInfrastructure, uniqueName } from '@signaalhub/test-infra';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { MIGRATIONS_TABLE, runMigrations, type Migration } from '../src/index.js';

// Neither step is idempotent: a step that ran twice fails.
const first: Migration = { name: '0001_notes', up: (schema) => `CREATE TABLE ${schema}.notes (id int PRIMARY KEY);` };
const second: Migration = { name: '0002_note_text', up: (schema) => `ALTER TABLE ${schema}.notes ADD COLUMN text text;` };

describe(runMigrations.name, () => {
  const pool = new pg.Pool({ connectionString: testInfrastructure().databaseUrl, max: 4 });
  const schemas: string[] = [];
  const freshSchema = (): string => {
    const schema = uniqueName('migrations').replaceAll('-', '_');
    schemas.push(schema);
    return schema;
  };
  const recorded = async (schema: string): Promise<string[]> =>
    (await pool.query<{ name: string }>(`SELECT name FROM ${schema}.${MIGRATIONS_TABLE} ORDER BY name`)).rows.map((row) => row.name);

  afterAll(async () => {
    for (const schema of schemas) await pool.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await pool.end();
  });

  it('creates the schema, applies the steps in order and records each', async () => {
    const schema = freshSchema();
    await expect(runMigrations(pool, { schema, migrations: [first, second] })).resolves.toEqual(['0001_notes', '0002_note_text']);
    await pool.query(`INSERT INTO ${schema}.notes (id, text) VALUES (1, 'kept')`);
    expect(await recorded(schema)).toEqual(['0001_notes', '0002_note_text']);
  });

  it('applies nothing when every step has run, and only the new steps after more were appended', async () => {
    const schema = freshSchema();
    await runMigrations(pool, { schema, migrations: [first] });
    await pool.query(`INSERT INTO ${schema}.notes (id) VALUES (1)`);
    await expect(runMigrations(pool, { schema, migrations: [first] })).resolves.toEqual([]);
    await expect(runMigrations(pool, { schema, migrations: [first, second] })).resolves.toEqual(['0002_note_text']);
    expect((await pool.query(`SELECT id, text FROM ${schema}.notes`)).rows).toEqual([{ id: 1, text: null }]);
    expect(await recorded(schema)).toEqual(['0001_notes', '0002_note_text']);
  });

  it('applies each step once when instances start at once on a fresh schema', async () => {
    const schema = freshSchema();
    const runs = await Promise.all(Array.from({ length: 3 }, () => runMigrations(pool, { schema, migrations: [first, second] })));
    expect(runs.flat().sort()).toEqual(['0001_notes', '0002_note_text']);
    expect(await recorded(schema)).toEqual(['0001_notes', '0002_note_text']);
  });

  it('rolls back every step of a run when one fails, and names the step', async () => {
    const schema = freshSchema();
    const broken: Migration = { name: '0002_broken', up: (name) => `ALTER TABLE ${name}.missing ADD COLUMN x int;` };
    await expect(runMigrations(pool, { schema, migrations: [first, broken] })).rejects.toThrow(`migrating schema ${schema} failed at 0002_broken`);
    expect((await pool.query('SELECT to_regclass($1) AS notes', [`${schema}.notes`])).rows).toEqual([{ notes: null }]);
    expect(await recorded(schema)).toEqual([]);
    // The pool still works: the failed session was dropped, not handed back with its lock.
    await expect(runMigrations(pool, { schema, migrations: [first] })).resolves.toEqual(['0001_notes']);
  });

  it('rejects a list whose steps are out of name order, repeated or badly named', async () => {
    const schema = freshSchema();
    await expect(runMigrations(pool, { schema, migrations: [second, first] })).rejects.toThrow('0001_notes must come after 0002_note_text');
    await expect(runMigrations(pool, { schema, migrations: [first, first] })).rejects.toThrow('must come after');
    await expect(runMigrations(pool, { schema, migrations: [{ ...first, name: 'notes' }] })).rejects.toThrow('must look like 0001_what_it_does');
    expect((await pool.query('SELECT to_regnamespace($1) AS found', [schema])).rows).toEqual([{ found: null }]);
  });

  it('rejects a schema name that is not a plain SQL identifier', async () => {
    await expect(runMigrations(pool, { schema: 'x; DROP TABLE y', migrations: [first] })).rejects.toThrow('schema must be a lowercase SQL identifier');
  });
});
