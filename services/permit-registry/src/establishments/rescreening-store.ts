import type { RescreeningState } from '@signaalhub/contracts';
import { quotedSchema } from '@signaalhub/database';
import type { ClientBase, Pool } from 'pg';
import type { SealedConclusion } from '../screenings/screening-events-intake.js';

/** One re-screening an officer asked for an establishment, as far as the pool told about it. */
export interface RescreeningRow {
  /** The `screening.requested` message: the re-screening's id. */
  readonly requestMessageId: string;
  readonly establishmentId: string;
  readonly municipality: string;
  readonly askedOn: string;
  readonly status: RescreeningState;
  readonly screeningId: string | null;
}

/** Re-screenings of establishments and the conclusions the pool sent for them (sealed). Writes take the caller's transaction. */
export class RescreeningStore {
  private readonly rescreenings: string;
  private readonly conclusions: string;

  constructor(
    private readonly pool: Pool,
    schema: string,
  ) {
    const s = quotedSchema(schema);
    this.rescreenings = `${s}.rescreenings`;
    this.conclusions = `${s}.rescreening_conclusions`;
  }

  private readonly columns = `request_message_id AS "requestMessageId", establishment_id AS "establishmentId", municipality,
    to_char(asked_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS "askedOn", status, screening_id AS "screeningId"`;

  async insert(client: ClientBase, row: { requestMessageId: string; establishmentId: string; municipality: string; askedAt: string }): Promise<void> {
    await client.query(`INSERT INTO ${this.rescreenings} (request_message_id, establishment_id, municipality, asked_at, updated_at) VALUES ($1, $2, $3, $4, $4)`, [
      row.requestMessageId,
      row.establishmentId,
      row.municipality,
      row.askedAt,
    ]);
  }

  /** The establishment's oldest re-screening the pool has not opened yet, locked; the pool opens them in the order asked. */
  async firstUnopened(client: ClientBase, establishmentId: string): Promise<RescreeningRow | undefined> {
    const result = await client.query<RescreeningRow>(
      `SELECT ${this.columns} FROM ${this.rescreenings} WHERE establishment_id = $1 AND screening_id IS NULL ORDER BY asked_at, request_message_id LIMIT 1 FOR UPDATE`,
      [establishmentId],
    );
    return result.rows[0];
  }

  /** Locked for the caller's transaction. */
  async findByScreening(client: ClientBase, screeningId: string): Promise<RescreeningRow | undefined> {
    const result = await client.query<RescreeningRow>(`SELECT ${this.columns} FROM ${this.rescreenings} WHERE screening_id = $1 FOR UPDATE`, [screeningId]);
    return result.rows[0];
  }

  /** Oldest first. */
  async listOf(establishmentId: string): Promise<RescreeningRow[]> {
    const result = await this.pool.query<RescreeningRow>(`SELECT ${this.columns} FROM ${this.rescreenings} WHERE establishment_id = $1 ORDER BY asked_at, request_message_id`, [
      establishmentId,
    ]);
    return result.rows;
  }

  async setStatus(client: ClientBase, requestMessageId: string, change: { status: RescreeningState; screeningId?: string }, at: string): Promise<void> {
    await client.query(`UPDATE ${this.rescreenings} SET status = $2, screening_id = COALESCE($3, screening_id), updated_at = $4 WHERE request_message_id = $1`, [
      requestMessageId,
      change.status,
      change.screeningId ?? null,
      at,
    ]);
  }

  /** False when this conclusion message, or this version, was stored already. */
  async addConclusion(client: ClientBase, requestMessageId: string, messageId: string, row: SealedConclusion): Promise<boolean> {
    const result = await client.query(
      `INSERT INTO ${this.conclusions} (request_message_id, version, message_id, conclusion_sealed, approved_at) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING`,
      [requestMessageId, row.version, messageId, row.conclusionSealed, row.approvedAt],
    );
    return result.rowCount === 1;
  }

  /** Per re-screening, the highest version received: a corrected conclusion replaces the earlier one. */
  async latestConclusions(requestMessageIds: readonly string[]): Promise<Map<string, SealedConclusion>> {
    const result = await this.pool.query<SealedConclusion & { requestMessageId: string }>(
      `SELECT DISTINCT ON (request_message_id) request_message_id AS "requestMessageId", version, conclusion_sealed AS "conclusionSealed",
         to_char(approved_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "approvedAt"
       FROM ${this.conclusions} WHERE request_message_id = ANY($1::uuid[]) ORDER BY request_message_id, version DESC`,
      [requestMessageIds],
    );
    return new Map(result.rows.map(({ requestMessageId, ...conclusion }) => [requestMessageId, conclusion]));
  }

  async hasConclusionMessage(messageId: string): Promise<boolean> {
    const result = await this.pool.query(`SELECT 1 FROM ${this.conclusions} WHERE message_id = $1`, [messageId]);
    return (result.rowCount ?? 0) > 0;
  }
}
