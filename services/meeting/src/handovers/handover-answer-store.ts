import type { Envelope, HandoverOutcome } from '@signaalhub/contracts';
import { quotedSchema } from '@signaalhub/database';
import type { Pool } from 'pg';

/** The RIEC's answer to a hand-over as the meeting keeps it: routing facts and the envelope (ciphertext: the reason stays inside). */
export interface StoredHandoverAnswer {
  readonly messageId: string;
  readonly decisionId: string;
  readonly outcome: HandoverOutcome;
  readonly answeredAt: string;
  readonly recipients: readonly string[];
  readonly envelope: Envelope;
}

/** `handover_answers`: one per decision, whatever redelivery came before. */
export class HandoverAnswerStore {
  private readonly table: string;
  private readonly decisions: string;
  private readonly items: string;

  constructor(
    private readonly pool: Pool,
    schema: string,
  ) {
    const s = quotedSchema(schema);
    this.table = `${s}.handover_answers`;
    this.decisions = `${s}.decisions`;
    this.items = `${s}.agenda_items`;
  }

  async hasMessage(messageId: string): Promise<boolean> {
    const result = await this.pool.query(`SELECT 1 FROM ${this.table} WHERE message_id = $1`, [messageId]);
    return result.rowCount === 1;
  }

  /** The municipality of a decision handed over to the RIEC; undefined for any other decision. */
  async handedOverDecision(decisionId: string): Promise<{ readonly itemId: string; readonly municipality: string } | undefined> {
    const result = await this.pool.query<{ item_id: string; municipality: string }>(
      `SELECT d.item_id, i.municipality FROM ${this.decisions} d JOIN ${this.items} i ON i.message_id = d.item_id WHERE d.id = $1 AND d.riec_handover`,
      [decisionId],
    );
    const row = result.rows[0];
    return row === undefined ? undefined : { itemId: row.item_id, municipality: row.municipality };
  }

  /** False when the decision was answered already (an answer is final). */
  async insert(answer: StoredHandoverAnswer & { readonly itemId: string }): Promise<boolean> {
    const result = await this.pool.query(
      `INSERT INTO ${this.table} (message_id, decision_id, item_id, outcome, answered_at, recipients, envelope)
       VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING`,
      [answer.messageId, answer.decisionId, answer.itemId, answer.outcome, answer.answeredAt, answer.recipients, JSON.stringify(answer.envelope)],
    );
    return result.rowCount === 1;
  }

  async ofItem(itemId: string): Promise<StoredHandoverAnswer[]> {
    const result = await this.pool.query<{ message_id: string; decision_id: string; outcome: HandoverOutcome; answered_at: Date; recipients: string[]; envelope: Envelope }>(
      `SELECT message_id, decision_id, outcome, answered_at, recipients, envelope FROM ${this.table} WHERE item_id = $1 ORDER BY answered_at, message_id`,
      [itemId],
    );
    return result.rows.map((row) => ({
      messageId: row.message_id,
      decisionId: row.decision_id,
      outcome: row.outcome,
      answeredAt: row.answered_at.toISOString(),
      recipients: row.recipients,
      envelope: row.envelope,
    }));
  }
}
