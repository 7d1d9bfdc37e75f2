import { rollBackAndRelease } from '@signaalhub/database';
import type { Pool, PoolClient, QueryResult } from 'pg';
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

  /**
   * Two round trips per batch: claim (BEGIN, lock, read) and mark (UPDATE, COMMIT), each sent as one
   * simple query. Only integers and the checked schema name are written into them. The lock is a
   * sub-select, evaluated once before any row is read; a relay that finished meanwhile is no problem:
   * `FOR UPDATE` re-reads each row's latest version and skips rows it marked.
   */
  async claimBatch(limit: number): Promise<ClaimedOutboxBatch | undefined> {
    if (!Number.isSafeInteger(limit) || limit < 1) throw new RangeError(`outbox batch limit must be a positive whole number, got ${limit}`);
    const client = await this.pool.connect();
    let open = true;
    const end = async (sql: string): Promise<void> => {
      if (!open) return;
      open = false;
      await endTransaction(client, sql);
    };
    let messages: OutboxMessage[];
    let markSql: string;
    try {
      const results = (await client.query(
        `BEGIN;
         SELECT id, message_id, topic, message_key, message_value FROM ${this.table}
          WHERE (SELECT pg_try_advisory_xact_lock(hashtext('${this.lockName}'))) AND published_at IS NULL
          ORDER BY id LIMIT ${limit} FOR UPDATE SKIP LOCKED`,
      )) as unknown as [QueryResult, QueryResult<OutboxRow>];
      messages = results[1].rows.map(messageOf);
      markSql = `UPDATE ${this.table} SET published_at = now() WHERE id = ANY('{${positionList(messages)}}'::bigint[]); COMMIT`;
    } catch (error) {
      await end('ROLLBACK').catch(() => undefined);
      throw error;
    }
    if (messages.length === 0) {
      await end('ROLLBACK');
      return undefined;
    }
    return {
      messages,
      markPublished: () => end(markSql),
      release: () => end('ROLLBACK'),
    };
  }
}

/**
 * Runs the statement that ends the claim's transaction and returns the connection to the pool. When it
 * fails, the transaction may still hold the relay lock (an aborted UPDATE skips the COMMIT), so it is
 * rolled back, or the connection closed.
 */
async function endTransaction(client: PoolClient, sql: string): Promise<void> {
  try {
    await client.query(sql);
  } catch (error) {
    await rollBackAndRelease(client);
    throw error;
  }
  client.release();
}

/** The claimed positions as a PostgreSQL array literal's elements; positions are bigint ids, digits only. */
function positionList(messages: readonly OutboxMessage[]): string {
  const positions = messages.map((message) => message.position);
  if (!positions.every((position) => /^[0-9]+$/.test(position))) throw new Error('outbox position is not a bigint id');
  return positions.join(',');
}

function messageOf(row: OutboxRow): OutboxMessage {
  return { position: row.id, messageId: row.message_id, topic: row.topic, key: row.message_key, value: row.message_value };
}
