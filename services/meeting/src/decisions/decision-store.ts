import type { Envelope } from '@signaalhub/contracts';
import type { PoolClient } from 'pg';
import { quotedSchema } from '@signaalhub/database';

export interface DecisionRow {
  readonly id: string;
  readonly itemId: string;
  readonly approach: string;
  readonly leadParty: string;
  readonly riecHandover: boolean;
  readonly decidedAt: string;
  readonly decidedByParty: string;
  readonly recipients: readonly string[];
  /** The sealed `decision.recorded` envelope: action texts and feedback stay ciphertext at rest. */
  readonly envelope: Envelope;
  readonly dueDates: readonly string[];
}

/** Decisions and their action due dates, written in the caller's transaction (with the outbox row). */
export class DecisionStore {
  private readonly decisions: string;
  private readonly reminders: string;

  constructor(schema: string) {
    this.decisions = `${quotedSchema(schema)}.decisions`;
    this.reminders = `${quotedSchema(schema)}.action_reminders`;
  }

  async insert(client: PoolClient, row: DecisionRow): Promise<void> {
    await client.query(
      `INSERT INTO ${this.decisions} (id, item_id, approach, lead_party, riec_handover, decided_at, decided_by_party, recipients, envelope)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [row.id, row.itemId, row.approach, row.leadParty, row.riecHandover, row.decidedAt, row.decidedByParty, row.recipients, JSON.stringify(row.envelope)],
    );
    if (row.dueDates.length > 0) {
      await client.query(
        `INSERT INTO ${this.reminders} (decision_id, action_index, due_date)
         SELECT $1, t.ordinality - 1, t.due_date FROM unnest($2::date[]) WITH ORDINALITY AS t(due_date, ordinality)`,
        [row.id, row.dueDates],
      );
    }
  }
}
