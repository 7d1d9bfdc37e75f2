import type { PoolClient } from 'pg';
import { quotedSchema } from '@signaalhub/database';

/** Adds a message to the outbox inside the caller's transaction: it is published if and only if the transaction commits. */
export class OutboxWriter {
  private readonly table: string;

  constructor(schema: string) {
    this.table = `${quotedSchema(schema)}.outbox`;
  }

  async add(client: PoolClient, message: { readonly topic: string; readonly key: string; readonly value: string }): Promise<void> {
    await client.query(`INSERT INTO ${this.table} (topic, key, value) VALUES ($1, $2, $3)`, [message.topic, message.key, message.value]);
  }
}
