import { createAuditLogSql } from '@signaalhub/audit';
import type { Migration } from '@signaalhub/database';

/**
 * The signal intake's schema history, applied at start-up (runMigrations). Append new steps; never edit one
 * that has shipped. No column holds plaintext personal data: signal content lives only inside the stored
 * envelopes (DESIGN.md §8.3).
 */
export const SIGNAL_INTAKE_MIGRATIONS: readonly Migration[] = [
  {
    // The schema as start-up created it before migrations existed; idempotent, so such a database is adopted as it is.
    name: '0001_initial',
    up: (schema) => `
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

      CREATE TABLE IF NOT EXISTS ${schema}.outbox (
        id bigserial PRIMARY KEY,
        message_id uuid NOT NULL UNIQUE,
        topic text NOT NULL,
        message_key text NOT NULL,
        message_value bytea NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        published_at timestamptz
      );
      CREATE INDEX IF NOT EXISTS outbox_unpublished ON ${schema}.outbox (id) WHERE published_at IS NULL;

      -- The channel is outboxChannel(schema) (schema.ts), spelt out so this step never changes.
      CREATE OR REPLACE FUNCTION ${schema}.notify_outbox() RETURNS trigger AS $$
      BEGIN
        PERFORM pg_notify('${schema}_outbox', '');
        RETURN NULL;
      END;
      $$ LANGUAGE plpgsql;
      DROP TRIGGER IF EXISTS outbox_inserted ON ${schema}.outbox;
      -- Per row, so a statement that inserted nothing (an idempotent retry) wakes nobody; PostgreSQL
      -- sends identical notifications of one transaction once.
      CREATE TRIGGER outbox_inserted AFTER INSERT ON ${schema}.outbox
        FOR EACH ROW EXECUTE FUNCTION ${schema}.notify_outbox();

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
    ${createAuditLogSql(schema)}`,
  },
  {
    // The historical import (src/imports): one row per imported signal, keyed by the client's row id, so a
    // re-import adds nothing. `reported_on` is the original report day the signal's header carries.
    name: '0002_signal_imports',
    up: (schema) => `
      CREATE TABLE ${schema}.signal_imports (
        import_id text PRIMARY KEY,
        signal_id uuid NOT NULL UNIQUE REFERENCES ${schema}.signals (id),
        import_batch_id uuid NOT NULL,
        reported_on date NOT NULL,
        -- keyed hash of the canonical row: tells a re-import of the same row from another row under the same id
        request_fingerprint text NOT NULL,
        imported_by text NOT NULL,
        imported_at timestamptz NOT NULL DEFAULT now()
      );`,
  },
];
