import { outboxTableSql } from '@signaalhub/outbox';
import type { Pool } from 'pg';
import { outboxUpgradeSql } from '../database/outbox-upgrade.js';

/** Identifiers cannot be query parameters; the schema name comes from validated configuration only. */
export function quotedSchema(schema: string): string {
  if (!/^[a-z][a-z0-9_]{0,40}$/.test(schema)) throw new Error('schema name must be a lowercase slug');
  return `"${schema}"`;
}

/**
 * The service's tables, created at start-up (idempotent). Signal content lives only in `envelope`
 * columns (ciphertext); every other column is a routing fact, a token or a count.
 */
export async function migrateDatabase(pool: Pool, schema: string): Promise<void> {
  const s = quotedSchema(schema);
  const client = await pool.connect();
  try {
    // Two instances starting at once must not race on CREATE … IF NOT EXISTS (it is not concurrency-safe).
    await client.query('SELECT pg_advisory_lock(hashtext($1))', [`${schema}.migrate`]);
    await client.query(`
      CREATE SCHEMA IF NOT EXISTS ${s};
      CREATE TABLE IF NOT EXISTS ${s}.match_tokens (
        message_id uuid NOT NULL,
        municipality text NOT NULL,
        kind text NOT NULL,
        version integer NOT NULL,
        token text NOT NULL,
        PRIMARY KEY (message_id, kind, version, token)
      );
      CREATE INDEX IF NOT EXISTS match_tokens_by_token ON ${s}.match_tokens (kind, version, token);
      CREATE TABLE IF NOT EXISTS ${s}.agenda_items (
        message_id uuid PRIMARY KEY,
        signal_id uuid NOT NULL,
        municipality text NOT NULL,
        theme text NOT NULL,
        received_at timestamptz NOT NULL,
        reporter_party text NOT NULL,
        recipients text[] NOT NULL,
        envelope jsonb NOT NULL,
        status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'closed')),
        added_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX IF NOT EXISTS agenda_items_pending ON ${s}.agenda_items (municipality, received_at) WHERE status = 'pending';
      CREATE TABLE IF NOT EXISTS ${s}.meetings (
        id uuid PRIMARY KEY,
        municipality text NOT NULL,
        date date NOT NULL,
        scheduled_by_party text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (municipality, date)
      );
      CREATE TABLE IF NOT EXISTS ${s}.decisions (
        id uuid PRIMARY KEY,
        item_id uuid NOT NULL REFERENCES ${s}.agenda_items (message_id),
        approach text NOT NULL,
        lead_party text NOT NULL,
        riec_handover boolean NOT NULL,
        decided_at timestamptz NOT NULL,
        decided_by_party text NOT NULL,
        recipients text[] NOT NULL,
        envelope jsonb NOT NULL
      );
      CREATE INDEX IF NOT EXISTS decisions_by_item ON ${s}.decisions (item_id);
      CREATE TABLE IF NOT EXISTS ${s}.action_reminders (
        decision_id uuid NOT NULL REFERENCES ${s}.decisions (id),
        action_index integer NOT NULL,
        due_date date NOT NULL,
        scheduled_at timestamptz,
        reminded_at timestamptz,
        PRIMARY KEY (decision_id, action_index)
      );
      ${outboxTableSql(schema)}
      ${outboxUpgradeSql(schema)}
    `);
  } finally {
    await client.query('SELECT pg_advisory_unlock(hashtext($1))', [`${schema}.migrate`]).catch(() => undefined);
    client.release();
  }
}
