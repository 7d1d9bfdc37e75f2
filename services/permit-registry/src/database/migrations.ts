import { createAuditLogSql } from '@signaalhub/audit';
import type { Migration } from '@signaalhub/database';
import { outboxTableSql } from '@signaalhub/outbox';

/**
 * The permit registry's schema history, applied at start-up (runMigrations). Append new steps; never edit
 * one that has shipped. The people responsible for an establishment, its KvK number and every free text
 * live only in `*_sealed` columns (OpenPGP, sealed by the municipality's party to itself); the KvK number
 * and the address are also kept as match tokens (HMAC with the partnership key) to search and to match.
 * Trade name, address and activities are what the public register shows: kept in clear.
 */
export const PERMIT_REGISTRY_MIGRATIONS: readonly Migration[] = [
  {
    name: '0001_establishments',
    up: (schema) => {
      const s = `"${schema}"`;
      return `
      CREATE SCHEMA IF NOT EXISTS ${s};
      CREATE TABLE ${s}.establishments (
        id uuid PRIMARY KEY,
        municipality text NOT NULL,
        vestigingsnummer text NOT NULL CHECK (vestigingsnummer ~ '^[0-9]{12}$'),
        -- match tokens of the KvK number and the address (never the KvK number itself)
        kvk_token text NOT NULL,
        address_token text NOT NULL,
        trade_name text NOT NULL,
        postcode text NOT NULL,
        huisnummer integer NOT NULL,
        toevoeging text,
        -- [{ activity, sbiCode }]
        activities jsonb NOT NULL,
        -- { kvkNumber, people: [{ name, birthDate, role }] }
        particulars_sealed text NOT NULL,
        registered_by_party text NOT NULL,
        registered_by_user text NOT NULL,
        registered_at timestamptz NOT NULL,
        UNIQUE (municipality, vestigingsnummer)
      );
      CREATE INDEX establishments_by_kvk ON ${s}.establishments (municipality, kvk_token);
      CREATE INDEX establishments_by_postcode ON ${s}.establishments (municipality, postcode);
      CREATE INDEX establishments_by_address ON ${s}.establishments (address_token);
      ${outboxTableSql(schema)}
      ${createAuditLogSql(schema)}`;
    },
  },
];
