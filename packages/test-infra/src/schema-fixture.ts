import { readFile } from 'node:fs/promises';
import { AuditLog } from '@signaalhub/audit';
import { MIGRATIONS_TABLE, runMigrations, type Migration } from '@signaalhub/database';
import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { testInfrastructure } from './test-infrastructure.js';
import { uniqueName } from './unique-name.js';

/** The schema name inside the committed pg_dump fixtures (`services/<service>/test/fixtures/schema-*.sql`). */
const FIXTURE_SCHEMA = 'fixture_schema';

/** What a schema holds, with its own name written as `fixture_schema` so two schemas compare. */
export interface SchemaSnapshot {
  /** Columns, constraints, indexes, triggers and functions of the service's tables. */
  readonly shape: Readonly<Record<string, readonly string[]>>;
  /** Every row of every table but the migrations tables, in a stable order; and each sequence's position. */
  readonly rows: Readonly<Record<string, readonly unknown[]>>;
  /** The migrations table: the steps applied and when. */
  readonly migrations: readonly unknown[];
}

/** Loads a fixture into `schema` on a connection of its own, since a dump changes session settings (search_path). */
export async function loadSchemaFixture(databaseUrl: string, fixture: URL, schema: string): Promise<void> {
  const dump = (await readFile(fixture, 'utf8')).replaceAll(FIXTURE_SCHEMA, schema);
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(dump);
  } finally {
    await client.end();
  }
}

export interface FixtureUpgrade {
  readonly before: SchemaSnapshot;
  readonly applied: readonly string[];
  readonly after: SchemaSnapshot;
}

/** Loads `fixture` into `schema`, then runs the service's migrations over it as a start-up would. */
export async function upgradeSchemaFixture(
  pool: pg.Pool,
  options: { databaseUrl: string; fixture: URL; schema: string; migrations: readonly Migration[] },
): Promise<FixtureUpgrade> {
  const { databaseUrl, fixture, schema, migrations } = options;
  await loadSchemaFixture(databaseUrl, fixture, schema);
  const before = await snapshotSchema(pool, schema);
  const applied = await runMigrations(pool, { schema, migrations });
  return { before, applied, after: await snapshotSchema(pool, schema) };
}

const SHAPE_QUERIES: Readonly<Record<string, string>> = {
  columns: `SELECT table_name || '.' || column_name || ' ' || data_type || ' ' || is_nullable || ' ' || coalesce(column_default, '') AS text
              FROM information_schema.columns WHERE table_schema = $1 ORDER BY table_name, ordinal_position`,
  constraints: `SELECT conrelid::regclass::text || ' ' || conname || ' ' || pg_get_constraintdef(oid) AS text
                  FROM pg_constraint WHERE connamespace = $1::regnamespace ORDER BY 1`,
  indexes: `SELECT indexdef AS text FROM pg_indexes WHERE schemaname = $1 ORDER BY 1`,
  triggers: `SELECT pg_get_triggerdef(t.oid) AS text FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
               WHERE c.relnamespace = $1::regnamespace AND NOT t.tgisinternal ORDER BY 1`,
  functions: `SELECT pg_get_functiondef(oid) AS text FROM pg_proc WHERE pronamespace = $1::regnamespace ORDER BY 1`,
};

export async function snapshotSchema(pool: pg.Pool, schema: string): Promise<SchemaSnapshot> {
  const shape: Record<string, string[]> = {};
  for (const [part, query] of Object.entries(SHAPE_QUERIES)) {
    const result = await pool.query<{ text: string }>(query, [schema]);
    shape[part] = result.rows.map((row) => row.text.replaceAll(schema, FIXTURE_SCHEMA));
  }
  const rows: Record<string, unknown[]> = {};
  const tables = await pool.query<{ name: string }>('SELECT tablename AS name FROM pg_tables WHERE schemaname = $1 ORDER BY 1', [schema]);
  for (const { name } of tables.rows.filter((table) => !table.name.startsWith(MIGRATIONS_TABLE))) {
    rows[name] = await rowsOf(pool, `${schema}.${name}`);
  }
  const sequences = await pool.query<{ name: string; last_value: string | null }>(
    'SELECT sequencename AS name, last_value FROM pg_sequences WHERE schemaname = $1 ORDER BY 1',
    [schema],
  );
  rows['(sequences)'] = sequences.rows;
  const migrations = tables.rows.some((table) => table.name === MIGRATIONS_TABLE) ? await rowsOf(pool, `${schema}.${MIGRATIONS_TABLE}`) : [];
  return { shape, rows, migrations };
}

async function rowsOf(pool: pg.Pool, table: string): Promise<unknown[]> {
  const result = await pool.query<{ row: unknown }>(`SELECT to_jsonb(t) AS row FROM ${table} t ORDER BY to_jsonb(t)::text`);
  return result.rows.map((row) => row.row);
}

export interface UpgradedSchema {
  readonly pool: pg.Pool;
  readonly schema: string;
  /** Set once the suite's beforeAll ran. */
  readonly upgrade: FixtureUpgrade;
}

/**
 * The checks every service with a schema shares: its fixture of an older version is upgraded by this
 * version's start-up with every row intact, the result equals the schema a new database gets, and a second
 * start changes nothing. Call inside the service's describe; the returned schema is there for its own checks.
 */
export function itUpgradesSchemaFixture(options: {
  name: string;
  fixture: URL;
  migrations: readonly Migration[];
  applies: readonly string[];
  /** Tables whose rows a later migration reshapes on purpose (the service's own test checks them). */
  reshapes?: readonly string[];
  /** Tables a later migration creates, possibly filled from older rows (the service's own test checks what is in them). */
  creates?: readonly string[];
  /** Entries in the fixture's audit log, for a service that keeps one. */
  auditEntries?: number;
}): UpgradedSchema {
  const { databaseUrl } = testInfrastructure();
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 4 });
  const schema = uniqueName(`${options.name}_upgrade`).replaceAll('-', '_');
  const freshSchema = uniqueName(`${options.name}_fresh`).replaceAll('-', '_');
  let upgrade: FixtureUpgrade | undefined;
  const upgraded: UpgradedSchema = {
    pool,
    schema,
    get upgrade(): FixtureUpgrade {
      if (upgrade === undefined) throw new Error('the fixture was not upgraded (beforeAll failed)');
      return upgrade;
    },
  };

  beforeAll(async () => {
    upgrade = await upgradeSchemaFixture(pool, { databaseUrl, fixture: options.fixture, schema, migrations: options.migrations });
  });
  afterAll(async () => {
    for (const name of [schema, freshSchema]) await pool.query(`DROP SCHEMA IF EXISTS ${name} CASCADE`);
    await pool.end();
  });

  it('upgrades a database made by an earlier version in place, with every row intact', () => {
    expect(upgraded.upgrade.applied).toEqual(options.applies);
    expect(Object.values(upgraded.upgrade.before.rows).flat().length).toBeGreaterThan(0);
    const reshaped = new Set(options.reshapes ?? []);
    const created = new Set(options.creates ?? []);
    const { before, after } = upgraded.upgrade;
    for (const table of created) expect(before.rows[table], `${table} is new`).toBeUndefined();
    // A created table's sequences are new too (named `<table>_<column>_seq` by PostgreSQL).
    const oldSequence = (row: unknown): boolean => ![...created].some((table) => (row as { name: string }).name.startsWith(`${table}_`));
    const unchanged = (rows: SchemaSnapshot['rows']): SchemaSnapshot['rows'] =>
      Object.fromEntries(
        Object.entries(rows)
          .filter(([table]) => !reshaped.has(table) && table in before.rows)
          .map(([table, tableRows]) => [table, table === '(sequences)' ? tableRows.filter(oldSequence) : tableRows]),
      );
    expect(unchanged(after.rows)).toEqual(unchanged(before.rows));
    // Any other table a later migration adds starts empty; a created one is checked by the service's own test.
    for (const [table, rows] of Object.entries(after.rows)) if (!(table in before.rows) && !created.has(table)) expect(rows, table).toEqual([]);
    for (const table of reshaped) expect(after.rows[table]).toHaveLength(before.rows[table]?.length ?? -1);
  });

  it('leaves the upgraded schema exactly as a new database gets it', async () => {
    await runMigrations(pool, { schema: freshSchema, migrations: options.migrations });
    expect(upgraded.upgrade.after.shape).toEqual((await snapshotSchema(pool, freshSchema)).shape);
  });

  it('changes nothing on a second start', async () => {
    const before = await snapshotSchema(pool, schema);
    await expect(runMigrations(pool, { schema, migrations: options.migrations })).resolves.toEqual([]);
    expect(await snapshotSchema(pool, schema)).toEqual(before);
    expect(before.migrations.map((row) => (row as { name: string }).name)).toEqual(options.migrations.map((step) => step.name));
  });

  const { auditEntries } = options;
  if (auditEntries !== undefined) {
    it('keeps the audit chain verifiable and links new entries after the old ones', async () => {
      const log = await AuditLog.open(pool, schema);
      await expect(log.verifyChain()).resolves.toEqual({ ok: true, entries: auditEntries });
      await log.record({ actor: { service: options.name }, action: 'schema.upgrade', objectType: 'schema', objectId: schema, result: 'allowed', origin: 'test' });
      await expect(log.verifyChain()).resolves.toEqual({ ok: true, entries: auditEntries + 1 });
    });
  }

  return upgraded;
}
