import type { Envelope } from '@signaalhub/contracts';
import type { Pool } from 'pg';

/** A decision.recorded envelope, verified on receipt and kept sealed; opened again when shown. */
export interface StoredDecision {
  readonly messageId: string;
  readonly signalId: string;
  readonly readerParty: string;
  readonly decidedAt: string;
  readonly envelope: Envelope;
}

interface DecisionRow {
  message_id: string;
  signal_id: string;
  reader_party: string;
  decided_at: Date;
  envelope: Envelope;
}

export class DecisionStore {
  constructor(
    private readonly pool: Pool,
    private readonly schema: string,
  ) {}

  /** Idempotent: a redelivered decision (same message id) is stored once. */
  async save(decision: StoredDecision): Promise<void> {
    await this.pool.query(
      `INSERT INTO ${this.schema}.decisions (message_id, signal_id, reader_party, decided_at, envelope)
       VALUES ($1, $2, $3, $4, $5) ON CONFLICT (message_id) DO NOTHING`,
      [decision.messageId, decision.signalId, decision.readerParty, decision.decidedAt, JSON.stringify(decision.envelope)],
    );
  }

  async exists(messageId: string): Promise<boolean> {
    const result = await this.pool.query(`SELECT 1 FROM ${this.schema}.decisions WHERE message_id = $1`, [messageId]);
    return result.rowCount === 1;
  }

  /** Decisions per signal, oldest first (a signal can come back with "meer informatie nodig"). */
  async forSignals(signalIds: readonly string[]): Promise<Map<string, StoredDecision[]>> {
    const bySignal = new Map<string, StoredDecision[]>();
    if (signalIds.length === 0) return bySignal;
    const result = await this.pool.query<DecisionRow>(
      `SELECT message_id, signal_id, reader_party, decided_at, envelope FROM ${this.schema}.decisions
        WHERE signal_id = ANY($1::uuid[]) ORDER BY decided_at, message_id`,
      [signalIds],
    );
    for (const row of result.rows) {
      const list = bySignal.get(row.signal_id) ?? [];
      list.push({
        messageId: row.message_id,
        signalId: row.signal_id,
        readerParty: row.reader_party,
        decidedAt: row.decided_at.toISOString(),
        envelope: row.envelope,
      });
      bySignal.set(row.signal_id, list);
    }
    return bySignal;
  }
}
