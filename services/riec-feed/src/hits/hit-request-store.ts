import type { HitInformationStatus } from '@signaalhub/contracts';
import type { SentInformationRequest } from '@signaalhub/inbox';
import { quotedSchema } from '@signaalhub/database';
import type { ClientBase, Pool } from 'pg';

interface Actor {
  readonly party: string;
  readonly userId: string;
}

/** A liaison's request as the API shows it: routing facts and who answered when; the answer itself stays in its kept envelope. */
export interface StoredHitRequest {
  readonly id: string;
  readonly hitId: string;
  readonly signalId: string;
  readonly municipality: string;
  readonly requestedBy: Actor;
  readonly requestedAt: string;
  readonly status: HitInformationStatus;
  /** The `information.answered` envelope, kept among the RIEC's envelopes under this id. */
  readonly answerMessageId: string | null;
  readonly answeredBy: Actor | null;
  readonly answeredAt: string | null;
}

export interface NewHitRequest {
  readonly id: string;
  readonly hitId: string;
  readonly signalId: string;
  readonly municipality: string;
  readonly messageId: string;
  readonly purposeSealed: string;
  readonly requestedBy: Actor;
  readonly requestedAt: string;
}

export interface HitRequestAnswer {
  readonly id: string;
  readonly status: Exclude<HitInformationStatus, 'open'>;
  readonly answerMessageId: string;
  readonly answeredBy: Actor;
  readonly answeredAt: string;
}

/** Named as the API names them; actors built in SQL (no answerer: null). */
const VIEW_COLUMNS = `id, hit_id AS "hitId", signal_id AS "signalId", municipality, status, answer_message_id AS "answerMessageId",
  json_build_object('party', requested_by_party, 'userId', requested_by_user) AS "requestedBy", requested_at AS "requestedAt",
  CASE WHEN answered_by_party IS NULL THEN NULL ELSE json_build_object('party', answered_by_party, 'userId', answered_by_user) END AS "answeredBy",
  answered_at AS "answeredAt"`;

type ViewRow = Omit<StoredHitRequest, 'requestedAt' | 'answeredAt'> & { readonly requestedAt: Date; readonly answeredAt: Date | null };

/** The liaison's "verzoeken om informatie" (migrations 0003 and 0007). */
export class HitRequestStore {
  private readonly table: string;

  constructor(
    private readonly pool: Pool,
    schema: string,
  ) {
    this.table = `${quotedSchema(schema)}.information_requests`;
  }

  /** What the answer inbox judges an answer by. */
  async find(id: string): Promise<SentInformationRequest | undefined> {
    const result = await this.pool.query<SentInformationRequest>(`SELECT id, municipality, signal_id AS "signalId" FROM ${this.table} WHERE id = $1`, [id]);
    return result.rows[0];
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

  /** A hit's requests, oldest first. */
  async ofHit(hitId: string): Promise<StoredHitRequest[]> {
    const result = await this.pool.query<ViewRow>(`SELECT ${VIEW_COLUMNS} FROM ${this.table} WHERE hit_id = $1 ORDER BY requested_at, id`, [hitId]);
    return result.rows.map((row) => ({ ...row, requestedAt: row.requestedAt.toISOString(), answeredAt: row.answeredAt?.toISOString() ?? null }));
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
    const result = await this.pool.query<{ answered: boolean }>(`SELECT EXISTS (SELECT FROM ${this.table} WHERE answer_message_id = $1) AS answered`, [answerMessageId]);
    return result.rows[0]?.answered === true;
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
