import { withTransaction } from '@signaalhub/database';
import { outboxTableSql } from '@signaalhub/outbox';
import type { Pool } from 'pg';

/**
 * The service's tables, created at start-up (idempotent). No column holds plaintext personal data:
 * signal content lives only inside the stored envelopes (DESIGN.md §8.3).
 */
function schemaSql(schema: string): string {
  return `
    CREATE SCHEMA IF NOT EXISTS ${schema};

    CREATE TABLE IF NOT EXISTS ${schema}.signals (
      id uuid PRIMARY KEY,
      reporter_user_id text NOT NULL,
      reporter_party text NOT NULL,
      municipality text NOT NULL,
      theme text NOT NULL,
      created_at timestamptz NOT NULL,
      idempotency_key text NOT NULL,
      -- keyed hash of the canonical submission: tells a retry from a different body under the same key
      request_fingerprint text NOT NULL,
      -- the sealed signal.submitted envelope (header + OpenPGP body)
      envelope jsonb NOT NULL,
      UNIQUE (reporter_user_id, idempotency_key)
    );
    CREATE INDEX IF NOT EXISTS signals_by_reporter ON ${schema}.signals (reporter_user_id, created_at DESC);

    ${outboxTableSql(schema)}

    CREATE TABLE IF NOT EXISTS ${schema}.decisions (
      message_id uuid PRIMARY KEY,
      signal_id uuid NOT NULL,
      -- the party the envelope was opened as (the reporting municipality)
      reader_party text NOT NULL,
      decided_at timestamptz NOT NULL,
      received_at timestamptz NOT NULL DEFAULT now(),
      envelope jsonb NOT NULL
    );
    CREATE INDEX IF NOT EXISTS decisions_by_signal ON ${schema}.decisions (signal_id, decided_at);
  `;
}

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/** Creates or updates the tables; serialised with an advisory lock so two instances can start at once. */
export async function migrateSchema(pool: Pool, schema: string): Promise<void> {
  // Identifiers cannot be query parameters, so only plain names reach the SQL text.
  if (!SCHEMA_NAME.test(schema)) throw new Error('schema must be a lowercase SQL identifier (a-z, 0-9, _)');
  await withTransaction(pool, async (client) => {
    await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`signal-intake-schema:${schema}`]);
    await client.query(schemaSql(schema));
  });
}
