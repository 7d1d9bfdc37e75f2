import type { ClientBase } from 'pg';
import { outboxTable } from './outbox-schema.js';

/** A message to publish: key and value are exactly what Kafka gets. */
export interface OutboxEntry {
  /** The envelope's message id; consumers dedupe on it. */
  readonly messageId: string;
  readonly topic: string;
  /** Partitioning key (e.g. the municipality), never personal data. */
  readonly key: string;
  /** Envelope JSON bytes. */
  readonly value: Buffer;
}

/**
 * Adds a message to the outbox inside the caller's transaction: it is published if and only if that
 * transaction commits. The insert's trigger wakes the relay once the transaction commits.
 */
export class OutboxWriter {
  private readonly table: string;

  constructor(schema: string) {
    this.table = outboxTable(schema);
  }

  /** Resolves false when a message with this id is already in the outbox (a retry queues nothing twice). */
  async add(client: ClientBase, entry: OutboxEntry): Promise<boolean> {
    const inserted = await client.query(
      `INSERT INTO ${this.table} (message_id, topic, message_key, message_value) VALUES ($1, $2, $3, $4)
       ON CONFLICT (message_id) DO NOTHING`,
      [entry.messageId, entry.topic, entry.key, entry.value],
    );
    return inserted.rowCount === 1;
  }
}
