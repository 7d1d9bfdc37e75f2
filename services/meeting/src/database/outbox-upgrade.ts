import { outboxTable, outboxTriggerSql } from '@signaalhub/outbox';

/**
 * Upgrades the meeting's outbox table of before the shared outbox (columns `key`, `value text`, no
 * message id, no trigger) in place to the one shape of `@signaalhub/outbox` (`outboxTableSql`), keeping
 * its rows, published or not. Idempotent: an already upgraded (or new) table is left as it is, and the
 * wake-up trigger is (re)created either way. Runs after the table's CREATE … IF NOT EXISTS.
 *
 * The message id is the envelope's own (`header.messageId` of the stored JSON), which consumers dedupe
 * on; a row without one (never written by this service) gets a fresh id rather than stopping start-up.
 */
export function outboxUpgradeSql(schema: string): string {
  const table = outboxTable(schema);
  return `
    DO $upgrade$
    BEGIN
      IF EXISTS (
        SELECT 1 FROM information_schema.columns
         WHERE table_schema = '${schema}' AND table_name = 'outbox' AND column_name = 'key'
      ) THEN
        ALTER TABLE ${table} ADD COLUMN message_id uuid;
        UPDATE ${table} SET message_id = COALESCE((value::jsonb -> 'header' ->> 'messageId')::uuid, gen_random_uuid());
        ALTER TABLE ${table} ALTER COLUMN message_id SET NOT NULL;
        ALTER TABLE ${table} ADD CONSTRAINT outbox_message_id_key UNIQUE (message_id);
        ALTER TABLE ${table} RENAME COLUMN key TO message_key;
        ALTER TABLE ${table} RENAME COLUMN value TO message_value;
        ALTER TABLE ${table} ALTER COLUMN message_value TYPE bytea USING convert_to(message_value, 'UTF8');
      END IF;
    END
    $upgrade$;
    ${outboxTriggerSql(schema)}
  `;
}
