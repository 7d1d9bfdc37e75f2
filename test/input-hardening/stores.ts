import type { RunningService } from '@signaalhub/test-infra';

/**
 * A digest of every table of a service's schema, so a test sees any row added, changed or removed.
 * Left out: the audit log (every refused access is audited on purpose), the migration history, and the
 * tables only the service's Kafka consumer writes (`consumerFed`: other tests publish on the shared topics).
 */
export async function storeDigest(service: RunningService, consumerFed: readonly string[] = []): Promise<Record<string, string>> {
  const tables = await service.pool.query<{ table_name: string }>(
    `SELECT table_name FROM information_schema.tables WHERE table_schema = $1 AND table_type = 'BASE TABLE' ORDER BY table_name`,
    [service.schema],
  );
  const skipped = new Set(['audit_log', 'schema_migrations', ...consumerFed]);
  const digest: Record<string, string> = {};
  for (const { table_name: table } of tables.rows) {
    if (skipped.has(table)) continue;
    // The outbox relay marks rows published in the background (slowly on a loaded machine): a row's
    // publication is not a change made by a bad input, a new or altered message is.
    const row = table === 'outbox' ? '(t.id, t.message_id, t.topic, t.message_key, t.message_value, t.created_at)' : 't';
    const result = await service.pool.query<{ rows: string; hash: string | null }>(
      `SELECT count(*)::text AS rows, md5(string_agg(${row}::text, ',' ORDER BY ${row}::text)) AS hash FROM "${service.schema}"."${table}" t`,
    );
    digest[table] = `${result.rows[0]?.rows ?? '?'}:${result.rows[0]?.hash ?? ''}`;
  }
  return digest;
}
