import { quotedSchema } from '@signaalhub/database';

/**
 * The match-token table in a service's own schema (services never read each other's tables). Idempotent,
 * so the service's schema code includes it as is; the schema itself is the service's to create.
 */
export function matchTokensTableSql(schema: string): string {
  const table = `${quotedSchema(schema)}.match_tokens`;
  return `
    CREATE TABLE IF NOT EXISTS ${table} (
      message_id uuid NOT NULL,
      municipality text NOT NULL,
      theme text,
      kind text NOT NULL,
      version integer NOT NULL,
      token text NOT NULL,
      PRIMARY KEY (message_id, kind, version, token)
    );
    -- Upgrades a table from before themes were counted; its rows keep an empty theme.
    ALTER TABLE ${table} ADD COLUMN IF NOT EXISTS theme text;
    CREATE INDEX IF NOT EXISTS match_tokens_by_token ON ${table} (kind, version, token);
  `;
}
