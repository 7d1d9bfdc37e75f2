import type { Pool, PoolClient } from 'pg';
import type { ClaimedOutboxBatch, OutboxBacklog, OutboxMessage, OutboxSource } from './outbox-message.js';
import { outboxTable } from './outbox-schema.js';

interface OutboxRow {
  id: string;
  message_id: string;
  topic: string;
  message_key: string;
  message_value: Buffer;
}

/**
 * Claims outbox rows inside a transaction that stays open while they are published.
 *
 * Two locks, for two reasons: a transaction-level advisory lock lets one relay publish at a time, so
 * rows reach Kafka in outbox order even with several instances; `FOR UPDATE SKIP LOCKED` makes sure
 * no row is ever claimed by two relays, even if the advisory lock were bypassed.
 */
export class PostgresOutboxSource implements OutboxSource {
  private readonly table: string;
  private readonly lockName: string;

  constructor(
    private readonly pool: Pool,
    schema: string,
  ) {
    this.table = outboxTable(schema);
    this.lockName = `outbox:${schema}`;
  }

  /** Rows not yet on Kafka; a plain read, so it neither waits for nor disturbs a relay's claim. */
  async backlog(): Promise<OutboxBacklog> {
    const result = await this.pool.query<{ pending: string; oldest_age_seconds: string | null }>(
      `SELECT count(*) AS pending, floor(extract(epoch FROM now() - min(created_at))) AS oldest_age_seconds
         FROM ${this.table} WHERE published_at IS NULL`,
    );
    const row = result.rows[0];
    return {
      pending: Number(row?.pending ?? 0),
      oldestAgeSeconds: row?.oldest_age_seconds == null ? null : Number(row.oldest_age_seconds),
    };
  }

  async claimBatch(limit: number): Promise<ClaimedOutboxBatch | undefined> {
    const client = await this.pool.connect();
    let open = true;
    const finish = async (sql: 'COMMIT' | 'ROLLBACK'): Promise<void> => {
      if (!open) return;
      open = false;
      try {
        await client.query(sql);
      } finally {
        client.release();
      }
    };
    try {
      await client.query('BEGIN');
      const lock = await client.query<{ locked: boolean }>('SELECT pg_try_advisory_xact_lock(hashtext($1)) AS locked', [this.lockName]);
      if (lock.rows[0]?.locked !== true) {
        await finish('ROLLBACK');
        return undefined;
      }
      const rows = await client.query<OutboxRow>(
        `SELECT id, message_id, topic, message_key, message_value FROM ${this.table}
          WHERE published_at IS NULL ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED`,
        [limit],
      );
      if (rows.rows.length === 0) {
        await finish('ROLLBACK');
        return undefined;
      }
      const messages = rows.rows.map(messageOf);
      return {
        messages,
        markPublished: async () => {
          await this.markPublished(client, messages);
          await finish('COMMIT');
        },
        release: () => finish('ROLLBACK'),
      };
    } catch (error) {
      await finish('ROLLBACK').catch(() => undefined);
      throw error;
    }
  }

  private async markPublished(client: PoolClient, messages: readonly OutboxMessage[]): Promise<void> {
    await client.query(`UPDATE ${this.table} SET published_at = now() WHERE id = ANY($1::bigint[])`, [
      messages.map((message) => message.position),
    ]);
  }
}

function messageOf(row: OutboxRow): OutboxMessage {
  return { position: row.id, messageId: row.message_id, topic: row.topic, key: row.message_key, value: row.message_value };
}
