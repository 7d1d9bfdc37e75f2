import type { Migration } from '@signaalhub/database';

/** The web application's schema history (local accounts), applied at start-up. Append new steps; never edit one that has shipped. */
export const WEB_MIGRATIONS: readonly Migration[] = [
  {
    // The table as start-up created it before migrations existed; idempotent, so such a database is adopted as it is.
    name: '0001_initial',
    up: (schema) => `
      CREATE SCHEMA IF NOT EXISTS "${schema}";
      CREATE TABLE IF NOT EXISTS "${schema}".accounts (
        id text PRIMARY KEY,
        display_name text NOT NULL,
        party text NOT NULL,
        roles text[] NOT NULL,
        municipalities text[] NOT NULL DEFAULT '{}',
        password_hash text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );`,
  },
];
