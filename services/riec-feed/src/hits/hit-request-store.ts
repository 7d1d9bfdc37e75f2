import type { HitInformationStatus } from '@signaalhub/contracts';
import { quotedSchema } from '@signaalhub/database';
import type { ClientBase, Pool } from 'pg';

interface Actor {
  readonly party: string;
  readonly userId: string;
}

/** A liaison's request as the feed keeps it: routing facts in columns, the purpose sealed to the RIEC, the answer in its kept envelope. */
export interface StoredHitRequest {
  readonly id: string;
  readonly hitId: string;
  readonly signalId: string;
  readonly municipality: string;
  readonly messageId: string;
  readonly purposeSealed: string;
  readonly requestedBy: Actor;
  readonly requestedAt: string;
  readonly status: HitInformationStatus;
  /** The `information.answered` envelope, kept among the RIEC's envelopes under this id. */
  readonly answerMessageId: string | null;
  readonly answeredBy: Actor | null;
  readonly answeredAt: string | null;
}

export type NewHitRequest = Pick<StoredHitRequest, 'id' | 'hitId' | 'signalId' | 'municipality' | 'messageId' | 'purposeSealed' | 'requestedBy' | 'requestedAt'>;

export interface HitRequestAnswer {
  readonly id: string;
  readonly status: Exclude<HitInformationStatus, 'open'>;
  readonly answerMessageId: string;
  readonly answeredBy: Actor;
  readonly answeredAt: string;
}

interface RequestRow {
  id: string;
  hit_id: string;
  signal_id: string;
  municipality: string;
  message_id: string;
  purpose_sealed: string;
  requested_by_party: string;
  requested_by_user: string;
  requested_at: Date;
  status: HitInformationStatus;
  answer_message_id: string | null;
  answered_by_party: string | null;
  answered_by_user: string | null;
  answered_at: Date | null;
}

/** The liaison's "verzoeken om informatie" (migrations 0003 and 0007). */
export class HitRequestStore {
  private readonly table: string;

  constructor(
    private readonly pool: Pool,
    schema: string,
  ) {
    this.table = `${quotedSchema(schema)}.information_requests`;
  }

  async insert(client: ClientBase, request: NewHitRequest): Promise<void> {
    await client.query(
      `INSERT INTO ${this.table} (id, hit_id, signal_id, municipality, message_id, purpose_sealed, requested_by_party, requested_by_user, requested_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [
        request.id,
        request.hitId,
        request.signalId,
        request.municipality,
        request.messageId,
        request.purposeSealed,
        request.requestedBy.party,
        request.requestedBy.userId,
        request.requestedAt,
      ],
    );
  }

  async find(id: string): Promise<StoredHitRequest | undefined> {
    const result = await this.pool.query<RequestRow>(`SELECT * FROM ${this.table} WHERE id = $1`, [id]);
    const row = result.rows[0];
    return row === undefined ? undefined : toRequest(row);
  }

  /** A hit's requests, oldest first. */
  async ofHit(hitId: string): Promise<StoredHitRequest[]> {
    const result = await this.pool.query<RequestRow>(`SELECT * FROM ${this.table} WHERE hit_id = $1 ORDER BY requested_at, id`, [hitId]);
    return result.rows.map(toRequest);
  }

  /** The envelope id of an answer that gave this signal to the RIEC, if one did. */
  async givenSignalAnswer(signalId: string): Promise<string | undefined> {
    const result = await this.pool.query<{ answer_message_id: string }>(
      `SELECT answer_message_id FROM ${this.table} WHERE signal_id = $1 AND status = 'beantwoord' ORDER BY answered_at LIMIT 1`,
      [signalId],
    );
    return result.rows[0]?.answer_message_id;
  }

  async hasAnswer(answerMessageId: string): Promise<boolean> {
    const result = await this.pool.query(`SELECT 1 FROM ${this.table} WHERE answer_message_id = $1`, [answerMessageId]);
    return result.rowCount === 1;
  }

  /** False when the request was no longer open (answered before, by another message). */
  async answer(client: ClientBase, answer: HitRequestAnswer): Promise<boolean> {
    const result = await client.query(
      `UPDATE ${this.table} SET status = $2, answer_message_id = $3, answered_by_party = $4, answered_by_user = $5, answered_at = $6
       WHERE id = $1 AND status = 'open'`,
      [answer.id, answer.status, answer.answerMessageId, answer.answeredBy.party, answer.answeredBy.userId, answer.answeredAt],
    );
    return result.rowCount === 1;
  }
}

function toRequest(row: RequestRow): StoredHitRequest {
  return {
    id: row.id,
    hitId: row.hit_id,
    signalId: row.signal_id,
    municipality: row.municipality,
    messageId: row.message_id,
    purposeSealed: row.purpose_sealed,
    requestedBy: { party: row.requested_by_party, userId: row.requested_by_user },
    requestedAt: row.requested_at.toISOString(),
    status: row.status,
    answerMessageId: row.answer_message_id,
    answeredBy: row.answered_by_party === null || row.answered_by_user === null ? null : { party: row.answered_by_party, userId: row.answered_by_user },
    answeredAt: row.answered_at === null ? null : row.answered_at.toISOString(),
  };
}
