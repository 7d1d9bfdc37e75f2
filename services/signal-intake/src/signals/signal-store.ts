import { preparedStatement, type PreparedStatement } from '@signaalhub/database';
import type { Pool } from 'pg';
import type { EarlierSubmission } from './idempotency.js';
import type { SignalStatus } from '@signaalhub/contracts';
import { outboxTable, type OutboxEntry } from '@signaalhub/outbox';
import type { SignalRecord, SignalSummary } from './signal-record.js';

export type InsertOutcome = { readonly kind: 'inserted' } | { readonly kind: 'key-taken' };

interface SummaryRow {
  id: string;
  reporter_user_id: string;
  reporter_party: string;
  municipality: string;
  theme: string;
  created_at: Date;
  published: boolean;
  decided: boolean;
}

/** The signals table and its outbox; every write of an accepted signal is one transaction. */
export class SignalStore {
  private readonly insertStatement: PreparedStatement;

  constructor(
    private readonly pool: Pool,
    private readonly schema: string,
  ) {
    this.insertStatement = preparedStatement(
      `WITH signal AS (
         INSERT INTO ${this.schema}.signals
           (id, reporter_user_id, reporter_party, municipality, theme, created_at, idempotency_key, request_fingerprint, envelope)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
         ON CONFLICT (reporter_user_id, idempotency_key) DO NOTHING
         RETURNING id
       )
       INSERT INTO ${outboxTable(this.schema)} (message_id, topic, message_key, message_value)
       SELECT $10, $11, $12, $13 FROM signal`,
    );
  }

  async findEarlier(reporterUserId: string, idempotencyKey: string): Promise<EarlierSubmission | undefined> {
    const result = await this.pool.query<{ id: string; request_fingerprint: string }>(
      `SELECT id, request_fingerprint FROM ${this.schema}.signals WHERE reporter_user_id = $1 AND idempotency_key = $2`,
      [reporterUserId, idempotencyKey],
    );
    const row = result.rows[0];
    return row === undefined ? undefined : { signalId: row.id, fingerprint: row.request_fingerprint };
  }

  /**
   * The signal and its outbox row commit together or not at all: "accepted" (201) then means the
   * envelope will reach Kafka, whatever the broker is doing right now. One statement (its own
   * transaction), so one round trip. A concurrent or earlier request with the same (user, key) loses
   * the unique constraint and gets `key-taken`. The row is the shared outbox's (`@signaalhub/outbox`),
   * written here by hand only to keep the signal and its row in one statement.
   */
  async insertWithOutbox(record: SignalRecord, outbox: OutboxEntry): Promise<InsertOutcome> {
    const inserted = await this.pool.query({
      ...this.insertStatement,
      values: [
        record.id,
        record.reporterUserId,
        record.reporterParty,
        record.municipality,
        record.theme,
        record.createdAt,
        record.idempotencyKey,
        record.requestFingerprint,
        JSON.stringify(record.envelope),
        outbox.messageId,
        outbox.topic,
        outbox.key,
        outbox.value,
      ],
    });
    return inserted.rowCount === 1 ? { kind: 'inserted' } : { kind: 'key-taken' };
  }

  /** The reporter's own signals, newest first. */
  async listByReporter(reporterUserId: string, limit = 200): Promise<SignalSummary[]> {
    const result = await this.pool.query<SummaryRow>(`${this.summarySql()} WHERE s.reporter_user_id = $1 ORDER BY s.created_at DESC, s.id LIMIT $2`, [
      reporterUserId,
      limit,
    ]);
    return result.rows.map(summaryOf);
  }

  async findSummary(signalId: string): Promise<SignalSummary | undefined> {
    const result = await this.pool.query<SummaryRow>(`${this.summarySql()} WHERE s.id = $1`, [signalId]);
    const row = result.rows[0];
    return row === undefined ? undefined : summaryOf(row);
  }

  private summarySql(): string {
    return `SELECT s.id, s.reporter_user_id, s.reporter_party, s.municipality, s.theme, s.created_at,
                   COALESCE(o.published_at IS NOT NULL, false) AS published,
                   EXISTS (SELECT 1 FROM ${this.schema}.decisions d WHERE d.signal_id = s.id) AS decided
              FROM ${this.schema}.signals s
              LEFT JOIN ${outboxTable(this.schema)} o ON o.message_id = s.id`;
  }
}

function summaryOf(row: SummaryRow): SignalSummary {
  return {
    id: row.id,
    reporterUserId: row.reporter_user_id,
    reporterParty: row.reporter_party,
    municipality: row.municipality,
    theme: row.theme,
    createdAt: row.created_at.toISOString(),
    status: statusOf(row),
  };
}

function statusOf(row: SummaryRow): SignalStatus {
  if (row.decided) return 'besproken';
  return row.published ? 'verzonden' : 'ontvangen';
}
