import { quotedSchema } from '@signaalhub/database';
import type { Pool, PoolClient } from 'pg';
import { endedPeriods, PERIOD_KINDS, periodsOf } from './periods.js';

/** What a count measures; PERSISTED in the `counts` table's `measure` column. */
export const Measures = {
  /** dimension: theme */
  signals: 'signals',
  /** dimension: approach */
  decisions: 'decisions',
  /** decisions handed over to the RIEC; dimension: approach */
  handovers: 'handovers',
  screeningsOpened: 'screenings-opened',
  /** dimension: milestone */
  screeningsProgressed: 'screenings-progressed',
  screeningsConcluded: 'screenings-concluded',
  /** dimension: permit status */
  permits: 'permits',
} as const;
export type Measure = (typeof Measures)[keyof typeof Measures];

/** Dimension of a measure that has none. */
export const NO_DIMENSION = '';

export interface DecisionFacts {
  readonly messageId: string;
  readonly municipality: string;
  readonly approach: string;
  readonly riecHandover: boolean;
  readonly decidedAt: Date;
  readonly signalId: string | null;
}

/** "More information needed" sends the signal back to the agenda: no decision on an approach, no lead time. */
const NOT_A_DECISION_ON_AN_APPROACH = 'meer-informatie';

/** The projections' tables; every write takes the transaction's client, so an event counts once with its processed mark. */
export class ProjectionStore {
  private readonly s: string;

  constructor(
    private readonly pool: Pool,
    schema: string,
  ) {
    this.s = quotedSchema(schema);
  }

  async isProcessed(messageId: string): Promise<boolean> {
    const result = await this.pool.query(`SELECT 1 FROM ${this.s}.processed_events WHERE message_id = $1`, [messageId]);
    return result.rowCount !== 0;
  }

  /** Marks the event processed; false when it already was (its effects exist: do nothing). */
  async markProcessed(client: PoolClient, messageId: string, eventType: string, now: Date): Promise<boolean> {
    const result = await client.query(
      `INSERT INTO ${this.s}.processed_events (message_id, event_type, processed_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`,
      [messageId, eventType, now],
    );
    return result.rowCount === 1;
  }

  /** Adds one to the measure's cell in the week, month, quarter and year of `at`; marks the periods that had ended as restated. */
  async count(client: PoolClient, cell: { measure: Measure; dimension: string; municipality: string; at: Date }, now: Date): Promise<void> {
    const periods = periodsOf(cell.at);
    const ended = new Set(endedPeriods(periods, periodsOf(now)));
    await client.query(
      `INSERT INTO ${this.s}.counts (measure, dimension, municipality, period_kind, period, count, restated_at)
       SELECT $1, $2, $3, p.kind, p.period, 1, CASE WHEN p.ended THEN $7::timestamptz END
       FROM unnest($4::text[], $5::text[], $6::boolean[]) AS p(kind, period, ended)
       ON CONFLICT (measure, dimension, municipality, period_kind, period) DO UPDATE
         SET count = ${this.s}.counts.count + 1,
             restated_at = COALESCE(EXCLUDED.restated_at, ${this.s}.counts.restated_at)`,
      [cell.measure, cell.dimension, cell.municipality, [...PERIOD_KINDS], PERIOD_KINDS.map((kind) => periods[kind]), PERIOD_KINDS.map((kind) => ended.has(kind)), now],
    );
  }

  async recordSignal(client: PoolClient, signal: { messageId: string; municipality: string; theme: string; submittedAt: Date }, now: Date): Promise<void> {
    await client.query(`INSERT INTO ${this.s}.signal_facts (message_id, municipality, theme, submitted_at) VALUES ($1, $2, $3, $4)`, [
      signal.messageId,
      signal.municipality,
      signal.theme,
      signal.submittedAt,
    ]);
    // Decisions that arrived before their signal (another topic) get their lead time now.
    const decisions = await client.query<{ message_id: string }>(`SELECT message_id FROM ${this.s}.decision_facts WHERE signal_id = $1`, [signal.messageId]);
    for (const { message_id: decision } of decisions.rows) await this.recordLeadTime(client, decision, now);
  }

  async recordDecision(client: PoolClient, decision: DecisionFacts, now: Date): Promise<void> {
    await client.query(
      `INSERT INTO ${this.s}.decision_facts (message_id, municipality, approach, riec_handover, decided_at, signal_id) VALUES ($1, $2, $3, $4, $5, $6)`,
      [decision.messageId, decision.municipality, decision.approach, decision.riecHandover, decision.decidedAt, decision.signalId],
    );
    await this.recordLeadTime(client, decision.messageId, now);
  }

  /** The decision's lead time from its signal, once both are known; nothing for "more information needed". */
  private async recordLeadTime(client: PoolClient, decisionId: string, now: Date): Promise<void> {
    const known = await client.query<{ decided_at: Date; municipality: string; theme: string; seconds: string }>(
      `SELECT d.decided_at, d.municipality, s.theme, GREATEST(0, floor(extract(epoch FROM d.decided_at - s.submitted_at)))::bigint AS seconds
       FROM ${this.s}.decision_facts d JOIN ${this.s}.signal_facts s ON s.message_id = d.signal_id
       WHERE d.message_id = $1 AND d.approach <> $2`,
      [decisionId, NOT_A_DECISION_ON_AN_APPROACH],
    );
    const row = known.rows[0];
    if (row === undefined) return;
    const periods = periodsOf(row.decided_at);
    const ended = new Set(endedPeriods(periods, periodsOf(now)));
    await client.query(
      `INSERT INTO ${this.s}.lead_times (decision_message_id, period_kind, period, municipality, theme, seconds, restated_at)
       SELECT $1, p.kind, p.period, $2, $3, $4, CASE WHEN p.ended THEN $8::timestamptz END
       FROM unnest($5::text[], $6::text[], $7::boolean[]) AS p(kind, period, ended)
       ON CONFLICT DO NOTHING`,
      [decisionId, row.municipality, row.theme, row.seconds, [...PERIOD_KINDS], PERIOD_KINDS.map((kind) => periods[kind]), PERIOD_KINDS.map((kind) => ended.has(kind)), now],
    );
  }
}
