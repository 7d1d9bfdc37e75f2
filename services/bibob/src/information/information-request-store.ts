import type { PoolInformationStatus, ScreeningActor } from '@signaalhub/contracts';
import { quotedSchema } from '@signaalhub/database';
import type { ClientBase, Pool } from 'pg';

/** A request as the pool keeps it: routing facts in columns, the purpose and the answer sealed to the pool. */
export interface StoredPoolRequest {
  readonly id: string;
  readonly screeningId: string;
  readonly municipality: string;
  readonly signalId: string;
  readonly messageId: string;
  readonly requestedBy: ScreeningActor;
  readonly requestedAt: string;
  readonly purposeSealed: string;
  readonly status: PoolInformationStatus;
  readonly answeredBy: ScreeningActor | null;
  readonly answeredAt: string | null;
  readonly answerSealed: string | null;
}

export type NewPoolRequest = Omit<StoredPoolRequest, 'status' | 'answeredBy' | 'answeredAt' | 'answerSealed'>;

export interface PoolRequestAnswer {
  readonly id: string;
  readonly status: Exclude<PoolInformationStatus, 'open'>;
  readonly answerMessageId: string;
  readonly answeredBy: ScreeningActor;
  readonly answeredAt: string;
  readonly answerSealed: string;
}

interface RequestRow {
  id: string;
  screening_id: string;
  municipality: string;
  signal_id: string;
  message_id: string;
  requested_by_party: string;
  requested_by_user: string;
  requested_at: Date;
  purpose_sealed: string;
  status: PoolInformationStatus;
  answered_by_party: string | null;
  answered_by_user: string | null;
  answered_at: Date | null;
  answer_sealed: string | null;
}

/** The pool's "verzoeken om informatie" (migration 0020). */
export class PoolRequestStore {
  private readonly table: string;

  constructor(
    private readonly pool: Pool,
    schema: string,
  ) {
    this.table = `${quotedSchema(schema)}.information_requests`;
  }

  async insert(client: ClientBase, request: NewPoolRequest): Promise<void> {
    await client.query(
      `INSERT INTO ${this.table} (id, screening_id, municipality, signal_id, message_id, requested_by_party, requested_by_user, requested_at, purpose_sealed, status)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'open')`,
      [
        request.id,
        request.screeningId,
        request.municipality,
        request.signalId,
        request.messageId,
        request.requestedBy.party,
        request.requestedBy.userId,
        request.requestedAt,
        request.purposeSealed,
      ],
    );
  }

  /** A screening's requests, oldest first. */
  async ofScreening(screeningId: string): Promise<StoredPoolRequest[]> {
    const result = await this.pool.query<RequestRow>(`SELECT * FROM ${this.table} WHERE screening_id = $1 ORDER BY requested_at, id`, [screeningId]);
    return result.rows.map(toRequest);
  }

  async find(id: string): Promise<StoredPoolRequest | undefined> {
    const result = await this.pool.query<RequestRow>(`SELECT * FROM ${this.table} WHERE id = $1`, [id]);
    const row = result.rows[0];
    return row === undefined ? undefined : toRequest(row);
  }

  async hasAnswer(answerMessageId: string): Promise<boolean> {
    const result = await this.pool.query(`SELECT 1 FROM ${this.table} WHERE answer_message_id = $1`, [answerMessageId]);
    return result.rowCount === 1;
  }

  /** False when the request was no longer open (answered before, by another message). */
  async answer(answer: PoolRequestAnswer): Promise<boolean> {
    const result = await this.pool.query(
      `UPDATE ${this.table} SET status = $2, answer_message_id = $3, answered_by_party = $4, answered_by_user = $5, answered_at = $6, answer_sealed = $7
       WHERE id = $1 AND status = 'open'`,
      [answer.id, answer.status, answer.answerMessageId, answer.answeredBy.party, answer.answeredBy.userId, answer.answeredAt, answer.answerSealed],
    );
    return result.rowCount === 1;
  }
}

function toRequest(row: RequestRow): StoredPoolRequest {
  return {
    id: row.id,
    screeningId: row.screening_id,
    municipality: row.municipality,
    signalId: row.signal_id,
    messageId: row.message_id,
    requestedBy: { party: row.requested_by_party, userId: row.requested_by_user },
    requestedAt: row.requested_at.toISOString(),
    purposeSealed: row.purpose_sealed,
    status: row.status,
    answeredBy: row.answered_by_party === null || row.answered_by_user === null ? null : { party: row.answered_by_party, userId: row.answered_by_user },
    answeredAt: row.answered_at === null ? null : row.answered_at.toISOString(),
    answerSealed: row.answer_sealed,
  };
}
