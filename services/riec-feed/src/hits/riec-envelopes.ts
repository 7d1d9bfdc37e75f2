import type { Envelope } from '@signaalhub/contracts';
import { quotedSchema } from '@signaalhub/database';
import type { Pool, PoolClient } from 'pg';

/** The envelopes addressed to the RIEC's party, kept sealed as they arrived. */
export class RiecEnvelopes {
  private readonly table: string;

  constructor(
    private readonly pool: Pool,
    schema: string,
  ) {
    this.table = `${quotedSchema(schema)}.riec_envelopes`;
  }

  async keep(client: PoolClient, envelope: Envelope): Promise<void> {
    await client.query(`INSERT INTO ${this.table} (message_id, envelope) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [envelope.header.messageId, JSON.stringify(envelope)]);
  }

  async find(messageId: string): Promise<Envelope | undefined> {
    const result = await this.pool.query<{ envelope: Envelope }>(`SELECT envelope FROM ${this.table} WHERE message_id = $1`, [messageId]);
    return result.rows[0]?.envelope;
  }
}
