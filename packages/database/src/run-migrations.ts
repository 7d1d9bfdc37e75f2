import {
  Kysely,
  Migrator,
  PostgresDialect,
  PostgresIntrospector,
  sql,
  type DatabaseIntrospector,
  type Migration as KyselyMigration,
  type PostgresPoolClient,
  type SchemaMetadata,
  type TableMetadata,
} from 'kysely';
import type { Pool, PoolClient } from 'pg';
import { assertSchemaName } from './schema-name.js';

/**
 * One step of a service's schema history. A step that has shipped is never edited: a change is a new
 * step appended to the service's list.
 */
export interface Migration {
  /** Recorded in the schema's migrations table; steps run in the order of their names (`0001_initial`, …). */
  readonly name: string;
  /** The step's SQL for the given schema; the schema name is part of the text, since identifiers cannot be parameters. */
  readonly up: (schema: string) => string;
}

/** Where the applied steps are recorded, inside the service's own schema. */
export const MIGRATIONS_TABLE = 'schema_migrations';

const STEP_NAME = /^\d{4}_[a-z0-9_]+$/;

/**
 * Brings `schema` up to the last of `migrations` with Kysely's migrator and returns the names of the steps
 * it applied (none when the schema was current). Every pending step runs in one transaction, under the
 * migrator's session-level advisory lock, so two instances starting at once apply each step once.
 */
export async function runMigrations(pool: Pool, options: { schema: string; migrations: readonly Migration[] }): Promise<string[]> {
  const { schema, migrations } = options;
  assertSchemaName(schema);
  assertInOrder(migrations);
  const client = await pool.connect();
  let failed = false;
  try {
    const migrator = new Migrator({
      db: new Kysely<unknown>({ dialect: new OneSchemaPostgresDialect(oneSession(client), schema) }),
      provider: {
        getMigrations: () => Promise.resolve(Object.fromEntries(migrations.map((step) => [step.name, kyselyStep(step, schema)]))),
      },
      migrationTableSchema: schema,
      migrationTableName: MIGRATIONS_TABLE,
      migrationLockTableName: `${MIGRATIONS_TABLE}_lock`,
      nameComparator: compareNames,
    });
    const { error, results = [] } = await migrator.migrateToLatest();
    if (error !== undefined) {
      failed = true;
      const step = results.find((result) => result.status === 'Error')?.migrationName;
      throw new Error(`migrating schema ${schema} failed${step === undefined ? '' : ` at ${step}`}`, { cause: error });
    }
    return results.filter((result) => result.status === 'Success').map((result) => result.migrationName);
  } finally {
    // After a failure the session may still hold the lock or an aborted transaction: drop it rather than reuse it.
    client.release(failed);
  }
}

function kyselyStep(step: Migration, schema: string): KyselyMigration {
  return {
    up: async (db) => {
      await sql.raw(step.up(schema)).execute(db);
    },
  };
}

/**
 * The migrator's pool is this one checked-out connection, so its lock, its transaction and the steps share
 * one session, and nothing the migrator does can end the service's pool.
 */
function oneSession(client: PoolClient): { connect(): Promise<PostgresPoolClient>; end(): Promise<void> } {
  const session = {
    query: client.query.bind(client),
    release: () => undefined,
  } as unknown as PostgresPoolClient;
  return { connect: () => Promise.resolve(session), end: () => Promise.resolve() };
}

/**
 * The migrator asks the introspector whether its schema and tables exist. Kysely's own introspector reads
 * every schema of the database and fails when another one is dropped meanwhile (tests drop theirs all the
 * time); this one looks only at the migrations' schema.
 */
class OneSchemaIntrospector extends PostgresIntrospector {
  constructor(
    private readonly db: Kysely<unknown>,
    private readonly schema: string,
  ) {
    super(db);
  }

  override async getSchemas(): Promise<SchemaMetadata[]> {
    return (await sql<SchemaMetadata>`SELECT nspname AS name FROM pg_catalog.pg_namespace WHERE nspname = ${this.schema}`.execute(this.db)).rows;
  }

  override async getTables(): Promise<TableMetadata[]> {
    const tables = await sql<{ name: string }>`
      SELECT c.relname AS name FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = ${this.schema} AND c.relkind IN ('r', 'p')`.execute(this.db);
    return tables.rows.map(({ name }) => ({ name, schema: this.schema, isView: false, columns: [] }));
  }
}

class OneSchemaPostgresDialect extends PostgresDialect {
  constructor(
    pool: { connect(): Promise<PostgresPoolClient>; end(): Promise<void> },
    private readonly schema: string,
  ) {
    super({ pool });
  }

  override createIntrospector(db: Kysely<unknown>): DatabaseIntrospector {
    return new OneSchemaIntrospector(db, this.schema);
  }
}

function compareNames(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The list's order is the run order: a step listed out of name order would run somewhere else. */
function assertInOrder(migrations: readonly Migration[]): void {
  migrations.forEach((step, index) => {
    if (!STEP_NAME.test(step.name)) throw new Error(`migration name ${step.name} must look like 0001_what_it_does`);
    const previous = migrations[index - 1];
    if (previous !== undefined && compareNames(previous.name, step.name) >= 0) {
      throw new Error(`migration ${step.name} must come after ${previous.name} by name`);
    }
  });
}
