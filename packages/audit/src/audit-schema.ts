import { CURRENT_HASH_SCHEME, GENESIS_HASH } from './audit-hash.js';

/**
 * The audit table, its append function and the triggers that make it append-only: part of the first
 * migration of every service that keeps an audit log. Idempotent, so it adopts a log made before
 * migrations existed. Never change it: a change to the log is a new step each service appends.
 */
export function createAuditLogSql(schema: string): string {
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
    -- Which field encoding the hash used (HashScheme in audit-hash.ts); rows from before it existed are 1.
    ALTER TABLE ${table} ADD COLUMN IF NOT EXISTS hash_scheme smallint NOT NULL DEFAULT 1;
    -- One hashed field in hash scheme 2, as encodeHashedField (audit-hash.ts) encodes it.
    CREATE OR REPLACE FUNCTION ${schema}.audit_field(value text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
      SELECT CASE WHEN value IS NULL THEN '-' ELSE octet_length(convert_to(value, 'UTF8'))::text || ':' || value END
    $$;
    -- Appends one entry in one round trip. The chain lock is held only for this statement's own
    -- transaction, so concurrent writers queue for microseconds instead of for network round trips.
    CREATE OR REPLACE FUNCTION ${schema}.audit_append(
      p_actor_user text, p_actor_party text, p_actor_service text, p_action text, p_object_type text,
      p_object_id text, p_result text, p_origin text, p_reason text
    ) RETURNS void LANGUAGE plpgsql AS $$
    DECLARE
      previous text;
      at_time timestamptz;
      at_text text;
    BEGIN
      -- One writer at a time per log keeps the chain linear.
      PERFORM pg_advisory_xact_lock(hashtext('audit-chain:${schema}'));
      SELECT hash INTO previous FROM ${table} ORDER BY seq DESC LIMIT 1;
      previous := coalesce(previous, '${GENESIS_HASH}');
      -- Milliseconds, formatted as JavaScript's toISOString, so the verifier reads back the hashed text.
      at_time := date_trunc('milliseconds', clock_timestamp());
      at_text := to_char(at_time AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"');
      INSERT INTO ${table}
        (at, actor_user, actor_party, actor_service, action, object_type, object_id, result, origin, reason, previous_hash, hash_scheme, hash)
      VALUES (
        at_time, p_actor_user, p_actor_party, p_actor_service, p_action, p_object_type, p_object_id, p_result, p_origin, p_reason,
        previous, ${CURRENT_HASH_SCHEME},
        encode(sha256(convert_to(previous
          || ${schema}.audit_field(at_text) || ${schema}.audit_field(p_actor_user) || ${schema}.audit_field(p_actor_party)
          || ${schema}.audit_field(p_actor_service) || ${schema}.audit_field(p_action) || ${schema}.audit_field(p_object_type)
          || ${schema}.audit_field(p_object_id) || ${schema}.audit_field(p_result) || ${schema}.audit_field(p_origin)
          || ${schema}.audit_field(p_reason), 'UTF8')), 'hex')
      );
    END;
    $$;
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
