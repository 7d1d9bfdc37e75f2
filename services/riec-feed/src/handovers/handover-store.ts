import type { Approach, Envelope, HandoverOutcome, HandoverSummary, Theme } from '@signaalhub/contracts';
import { quotedSchema } from '@signaalhub/database';
import type { Pool, PoolClient } from 'pg';

/** A hand-over as stored: its routing facts, the decision as it arrived (ciphertext) and the RIEC's answer. */
export interface StoredHandover extends HandoverSummary {
  readonly envelope: Envelope;
  readonly caseReference: string | null;
  /** The reason of a return, sealed to the RIEC (SealedRecords). */
  readonly reasonSealed: string | null;
}

export interface ReceivedHandover {
  readonly decisionId: string;
  readonly municipality: string;
  readonly approach: Approach;
  readonly signalId: string | null;
  readonly decidedAt: string;
  readonly receivedAt: Date;
  readonly envelope: Envelope;
}

export interface HandoverAnswer {
  readonly outcome: HandoverOutcome;
  readonly answeredAt: string;
  readonly answeredBy: { readonly party: string; readonly userId: string };
  readonly answerMessageId: string;
  readonly caseReference: string | null;
  readonly reasonSealed: string | null;
}

interface HandoverRow {
  decision_id: string;
  municipality: string;
  approach: Approach;
  signal_id: string | null;
  theme: Theme | null;
  decided_at: Date;
  received_at: Date;
  status: HandoverSummary['status'];
  answered_at: Date | null;
  envelope: Envelope;
  case_reference: string | null;
  reason_sealed: string | null;
}

const summaryOf = (row: HandoverRow): HandoverSummary => ({
  id: row.decision_id,
  municipality: row.municipality,
  approach: row.approach,
  signalId: row.signal_id,
  theme: row.theme,
  decidedAt: row.decided_at.toISOString(),
  receivedAt: row.received_at.toISOString(),
  status: row.status,
  answeredAt: row.answered_at === null ? null : row.answered_at.toISOString(),
});

/** The RIEC's hand-over inbox (`handovers`): one row per decision handed over, keyed by its message id. */
export class HandoverStore {
  private readonly table: string;
  private readonly signals: string;

  constructor(
    private readonly pool: Pool,
    schema: string,
  ) {
    this.table = `${quotedSchema(schema)}.handovers`;
    this.signals = `${quotedSchema(schema)}.signal_facts`;
  }

  /** In the projection's transaction; a redelivered decision changes nothing. */
  async receive(client: PoolClient, handover: ReceivedHandover): Promise<void> {
    await client.query(
      `INSERT INTO ${this.table} (decision_id, municipality, approach, signal_id, decided_at, received_at, envelope)
       VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (decision_id) DO NOTHING`,
      [handover.decisionId, handover.municipality, handover.approach, handover.signalId, handover.decidedAt, handover.receivedAt, JSON.stringify(handover.envelope)],
    );
  }

  /** Open ones first, then the newest. */
  async list(): Promise<HandoverSummary[]> {
    const result = await this.pool.query<HandoverRow>(`${this.select()} ORDER BY (h.status = 'open') DESC, h.received_at DESC, h.decision_id`);
    return result.rows.map(summaryOf);
  }

  async find(id: string): Promise<StoredHandover | undefined> {
    const result = await this.pool.query<HandoverRow>(`${this.select()} WHERE h.decision_id = $1`, [id]);
    const row = result.rows[0];
    return row === undefined ? undefined : { ...summaryOf(row), envelope: row.envelope, caseReference: row.case_reference, reasonSealed: row.reason_sealed };
  }

  /** Only an open hand-over takes an answer: false when another answer came first. */
  async answer(client: PoolClient, id: string, answer: HandoverAnswer): Promise<boolean> {
    const result = await client.query(
      `UPDATE ${this.table} SET status = $2, answered_at = $3, answered_by_party = $4, answered_by_user = $5, answer_message_id = $6, case_reference = $7, reason_sealed = $8
        WHERE decision_id = $1 AND status = 'open'`,
      [id, answer.outcome, answer.answeredAt, answer.answeredBy.party, answer.answeredBy.userId, answer.answerMessageId, answer.caseReference, answer.reasonSealed],
    );
    return result.rowCount === 1;
  }

  private select(): string {
    return `SELECT h.decision_id, h.municipality, h.approach, h.signal_id, s.theme, h.decided_at, h.received_at, h.status, h.answered_at,
                   h.envelope, h.case_reference, h.reason_sealed
              FROM ${this.table} h LEFT JOIN ${this.signals} s ON s.message_id = h.signal_id`;
  }
}
