/** The audit table and the triggers that make it append-only; idempotent. */
export function auditSchemaSql(schema: string): string {
  const table = `${schema}.audit_log`;
  return `
    CREATE SCHEMA IF NOT EXISTS ${schema};
    CREATE TABLE IF NOT EXISTS ${table} (
      seq bigserial PRIMARY KEY,
      at timestamptz NOT NULL,
      actor_user text,
      actor_party text,
      actor_service text,
      action text NOT NULL,
      object_type text NOT NULL,
      object_id text NOT NULL,
      result text NOT NULL CHECK (result IN ('allowed', 'denied')),
      origin text NOT NULL,
      reason text,
      previous_hash text NOT NULL,
      hash text NOT NULL UNIQUE
    );
    CREATE OR REPLACE FUNCTION ${schema}.audit_log_is_append_only() RETURNS trigger AS $$
    BEGIN
      RAISE EXCEPTION 'audit_log is append-only';
    END;
    $$ LANGUAGE plpgsql;
    DROP TRIGGER IF EXISTS audit_log_no_update ON ${table};
    CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON ${table}
      FOR EACH ROW EXECUTE FUNCTION ${schema}.audit_log_is_append_only();
    DROP TRIGGER IF EXISTS audit_log_no_truncate ON ${table};
    CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON ${table}
      FOR EACH STATEMENT EXECUTE FUNCTION ${schema}.audit_log_is_append_only();
  `;
}

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/** Schema names go into SQL text (identifiers cannot be parameters), so only plain names pass. */
export function assertSchemaName(schema: string): void {
  if (!SCHEMA_NAME.test(schema)) throw new Error('audit schema must be a lowercase SQL identifier (a-z, 0-9, _)');
}
