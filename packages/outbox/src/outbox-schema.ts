import { assertSchemaName } from '@signaalhub/database';
/** PostgreSQL's identifier limit; `pg_notify` refuses a longer channel name. */
const MAX_CHANNEL_LENGTH = 63;

/** The outbox table of a schema, `schema.outbox`. */
export function outboxTable(schema: string): string {
  assertSchemaName(schema);
  return `${schema}.outbox`;
}

/**
 * The NOTIFY channel that wakes the relay; one per schema so services and test schemas stay apart. A very
 * long schema name is cut to fit: two schemas sharing a channel only wake each other's relay needlessly.
 */
export function outboxChannel(schema: string): string {
  assertSchemaName(schema);
  const suffix = '_outbox';
  return `${schema.slice(0, MAX_CHANNEL_LENGTH - suffix.length)}${suffix}`;
}

/**
 * The one outbox table shape, with its index and wake-up trigger (idempotent). Rows are published in `id`
 * order; `message_id` is the envelope's id, unique so a message is queued once; `message_key` and
 * `message_value` are exactly the Kafka key and value.
 */
export function outboxTableSql(schema: string): string {
  const table = outboxTable(schema);
  return `
    CREATE TABLE IF NOT EXISTS ${table} (
      id bigserial PRIMARY KEY,
      message_id uuid NOT NULL UNIQUE,
      topic text NOT NULL,
      message_key text NOT NULL,
      message_value bytea NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      published_at timestamptz
    );
    CREATE INDEX IF NOT EXISTS outbox_unpublished ON ${table} (id) WHERE published_at IS NULL;
    ${outboxTriggerSql(schema)}
  `;
}

/** The per-row NOTIFY trigger on `schema.outbox` (idempotent); also used to upgrade an older table. */
export function outboxTriggerSql(schema: string): string {
  const table = outboxTable(schema);
  return `
    CREATE OR REPLACE FUNCTION ${schema}.notify_outbox() RETURNS trigger AS $$
    BEGIN
      PERFORM pg_notify('${outboxChannel(schema)}', '');
      RETURN NULL;
    END;
    $$ LANGUAGE plpgsql;
    DROP TRIGGER IF EXISTS outbox_inserted ON ${table};
    -- Per row, so a statement that inserted nothing (an idempotent retry) wakes nobody; PostgreSQL
    -- sends identical notifications of one transaction once.
    CREATE TRIGGER outbox_inserted AFTER INSERT ON ${table}
      FOR EACH ROW EXECUTE FUNCTION ${schema}.notify_outbox();
  `;
}
