import type { ConclusionStatus, ScreeningActor, ScreeningHistoryAction, ScreeningKind, ScreeningPhase, ScreeningSummary } from '@signaalhub/contracts';
import { quotedSchema } from '@signaalhub/database';
import type { ClientBase, Pool } from 'pg';
import type { TimelineEvent, TimelineEventKind } from '@signaalhub/deadlines';
import type { LifecycleState } from './screening-lifecycle.js';

export interface ScreeningRow extends ScreeningSummary, LifecycleState {
  readonly requestedByParty: string;
  readonly applicationSealed: string;
}

export interface NewScreening {
  readonly id: string;
  readonly municipality: string;
  readonly kind: ScreeningKind;
  readonly assignee: string | null;
  readonly requestMessageId: string | null;
  readonly requestedByParty: string;
  readonly receivedOn: string;
  readonly decisionTermWeeks: number;
  readonly applicationSealed: string;
  /** The applicant's KvK match token (never the number itself). */
  readonly applicantToken: string;
  readonly openedAt: string;
}

export type HistoryActor = ScreeningActor | { readonly service: string };

export interface HistoryRow {
  readonly screeningId: string;
  readonly at: string;
  readonly action: ScreeningHistoryAction;
  readonly actor: HistoryActor;
  readonly fromPhase: ScreeningPhase | null;
  readonly toPhase: ScreeningPhase;
  readonly reasonSealed: string | null;
  readonly eventDate: string | null;
  readonly timelineKind: TimelineEventKind | null;
}

export interface ConclusionRow {
  readonly version: number;
  readonly status: ConclusionStatus;
  readonly conclusionSealed: string;
  readonly proposedBy: ScreeningActor;
  readonly proposedAt: string;
  readonly approvedBy: ScreeningActor | null;
  readonly approvedAt: string | null;
}

export interface QuestionnaireRow {
  readonly item: string;
  readonly complete: boolean;
  readonly answerSealed: string | null;
}

export interface ScreeningFilter {
  readonly municipality?: string;
  /** A user id, or null for "niet toegewezen". */
  readonly assignee?: string | null;
}

const SUMMARY_COLUMNS = `id, municipality, kind, phase, assignee, to_char(received_on, 'YYYY-MM-DD') AS "receivedOn",
  decision_term_weeks AS "decisionTermWeeks", to_char(opened_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "openedAt"`;

const DATE = (column: string): string => `to_char(${column}, 'YYYY-MM-DD')`;
const INSTANT = (column: string): string => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/** The screenings, their history, questionnaire and conclusion versions. Writes take the caller's transaction. */
export class ScreeningStore {
  private readonly screenings: string;
  private readonly history: string;
  private readonly conclusions: string;
  private readonly questionnaire: string;
  private readonly poolLock: string;

  constructor(
    private readonly pool: Pool,
    schema: string,
  ) {
    const s = quotedSchema(schema);
    this.poolLock = `bibob-pool:${schema}`;
    this.screenings = `${s}.screenings`;
    this.history = `${s}.screening_history`;
    this.conclusions = `${s}.screening_conclusions`;
    this.questionnaire = `${s}.screening_questionnaire`;
  }

  /** False when a screening for this request message already exists (a redelivery). */
  async insert(client: ClientBase, row: NewScreening): Promise<boolean> {
    const result = await client.query(
      `INSERT INTO ${this.screenings} (id, municipality, kind, phase, assignee, request_message_id, requested_by_party, received_on,
         decision_term_weeks, application_sealed, applicant_token, opened_at, updated_at)
       VALUES ($1, $2, $3, 'ontvangen', $4, $5, $6, $7, $8, $9, $10, $11, $11) ON CONFLICT (request_message_id) DO NOTHING`,
      [row.id, row.municipality, row.kind, row.assignee, row.requestMessageId, row.requestedByParty, row.receivedOn, row.decisionTermWeeks, row.applicationSealed, row.applicantToken, row.openedAt],
    );
    return result.rowCount === 1;
  }

  /**
   * Serialises every choice of assignee against the counts it read until the caller's transaction ends:
   * two screenings arriving at once must not both see (and take) a coordinator's last free slot.
   */
  async lockPool(client: ClientBase): Promise<void> {
    await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [this.poolLock]);
  }

  /** Open screenings per assignee, started or not: what the chooser weighs against capacity. */
  async openCountsByAssignee(client?: ClientBase): Promise<Map<string, number>> {
    const result = await (client ?? this.pool).query<{ assignee: string; open: number }>(
      `SELECT assignee, count(*)::int AS open FROM ${this.screenings} WHERE phase <> 'afgesloten' AND assignee IS NOT NULL GROUP BY assignee`,
    );
    return new Map(result.rows.map((row) => [row.assignee, row.open]));
  }

  /** The coordinator of the most recent open screening of the same business, if any. */
  async currentHandlerOf(applicantToken: string, client?: ClientBase): Promise<string | undefined> {
    const result = await (client ?? this.pool).query<{ assignee: string }>(
      `SELECT assignee FROM ${this.screenings} WHERE applicant_token = $1 AND phase <> 'afgesloten' AND assignee IS NOT NULL ORDER BY opened_at DESC LIMIT 1`,
      [applicantToken],
    );
    return result.rows[0]?.assignee;
  }

  async hasRequest(messageId: string): Promise<boolean> {
    const result = await this.pool.query(`SELECT 1 FROM ${this.screenings} WHERE request_message_id = $1`, [messageId]);
    return result.rowCount === 1;
  }

  /** With `client`, the row is locked for the caller's transaction (two coordinators stepping at once). */
  async find(id: string, client?: ClientBase): Promise<ScreeningRow | undefined> {
    const result = await (client ?? this.pool).query<ScreeningRow>(
      `SELECT ${SUMMARY_COLUMNS}, requested_by_party AS "requestedByParty", application_sealed AS "applicationSealed",
         ${DATE('lbb_requested_on')} AS "lbbRequestedOn", lbb_extended AS "lbbExtended",
         lbb_waiting AS "lbbWaiting",
         (SELECT ${DATE('max(event_date)')} FROM ${this.history} WHERE screening_id = $1 AND timeline_kind IS NOT NULL) AS "lastEventDate"
       FROM ${this.screenings} WHERE id = $1 ${client === undefined ? '' : 'FOR UPDATE'}`,
      [id],
    );
    return result.rows[0];
  }

  async list(filter: ScreeningFilter): Promise<ScreeningSummary[]> {
    const conditions: string[] = [];
    const values: unknown[] = [];
    if (filter.municipality !== undefined) {
      values.push(filter.municipality);
      conditions.push(`municipality = $${String(values.length)}`);
    }
    if (filter.assignee === null) conditions.push(`assignee IS NULL AND phase <> 'afgesloten'`);
    else if (filter.assignee !== undefined) {
      values.push(filter.assignee);
      conditions.push(`assignee = $${String(values.length)}`);
    }
    const where = conditions.length === 0 ? '' : `WHERE ${conditions.join(' AND ')}`;
    const result = await this.pool.query<ScreeningSummary>(`SELECT ${SUMMARY_COLUMNS} FROM ${this.screenings} ${where} ORDER BY opened_at, id LIMIT 1000`, values);
    return result.rows;
  }

  async update(client: ClientBase, id: string, state: Omit<LifecycleState, 'receivedOn' | 'lastEventDate'>, at: string): Promise<void> {
    await client.query(
      `UPDATE ${this.screenings} SET phase = $2, lbb_requested_on = $3, lbb_extended = $4, lbb_waiting = $5, updated_at = $6 WHERE id = $1`,
      [id, state.phase, state.lbbRequestedOn, state.lbbExtended, state.lbbWaiting, at],
    );
  }

  async assign(client: ClientBase, ids: readonly string[], assignee: string, at: string): Promise<void> {
    await client.query(`UPDATE ${this.screenings} SET assignee = $2, updated_at = $3 WHERE id = ANY($1::uuid[])`, [ids, assignee, at]);
  }

  async addHistory(client: ClientBase, row: HistoryRow): Promise<void> {
    const actor = 'service' in row.actor ? { party: null, user: null, service: row.actor.service } : { party: row.actor.party, user: row.actor.userId, service: null };
    await client.query(
      `INSERT INTO ${this.history} (screening_id, at, action, actor_party, actor_user, actor_service, from_phase, to_phase, reason_sealed, event_date, timeline_kind)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
      [row.screeningId, row.at, row.action, actor.party, actor.user, actor.service, row.fromPhase, row.toPhase, row.reasonSealed, row.eventDate, row.timelineKind],
    );
  }

  async historyOf(id: string): Promise<HistoryRow[]> {
    const result = await this.pool.query<HistoryRow & { actorParty: string | null; actorUser: string | null; actorService: string | null }>(
      `SELECT screening_id AS "screeningId", ${INSTANT('at')} AS at, action, actor_party AS "actorParty", actor_user AS "actorUser",
         actor_service AS "actorService", from_phase AS "fromPhase", to_phase AS "toPhase", reason_sealed AS "reasonSealed",
         ${DATE('event_date')} AS "eventDate", timeline_kind AS "timelineKind"
       FROM ${this.history} WHERE screening_id = $1 ORDER BY id`,
      [id],
    );
    return result.rows.map(({ actorParty, actorUser, actorService, ...row }) => ({
      ...row,
      actor: actorService !== null ? { service: actorService } : { party: actorParty ?? '', userId: actorUser ?? '' },
    }));
  }

  /** The deadline engine's input of each screening: the days that moved a term, in the order they happened. */
  async timelinesOf(ids: readonly string[]): Promise<Map<string, TimelineEvent[]>> {
    const timelines = new Map<string, TimelineEvent[]>(ids.map((id) => [id, []]));
    if (ids.length === 0) return timelines;
    const result = await this.pool.query<{ screeningId: string; soort: TimelineEventKind; datum: string }>(
      `SELECT screening_id AS "screeningId", timeline_kind AS soort, ${DATE('event_date')} AS datum
       FROM ${this.history} WHERE screening_id = ANY($1::uuid[]) AND timeline_kind IS NOT NULL AND event_date IS NOT NULL ORDER BY id`,
      [ids],
    );
    for (const { screeningId, soort, datum } of result.rows) timelines.get(screeningId)?.push({ soort, datum });
    return timelines;
  }

  async questionnaireOf(id: string, client?: ClientBase): Promise<QuestionnaireRow[]> {
    const result = await (client ?? this.pool).query<QuestionnaireRow>(
      `SELECT item, complete, answer_sealed AS "answerSealed" FROM ${this.questionnaire} WHERE screening_id = $1 ORDER BY item`,
      [id],
    );
    return result.rows;
  }

  async setQuestionnaireItem(client: ClientBase, id: string, row: QuestionnaireRow, at: string): Promise<void> {
    await client.query(
      `INSERT INTO ${this.questionnaire} (screening_id, item, complete, answer_sealed, updated_at) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (screening_id, item) DO UPDATE SET complete = EXCLUDED.complete, answer_sealed = EXCLUDED.answer_sealed, updated_at = EXCLUDED.updated_at`,
      [id, row.item, row.complete, row.answerSealed, at],
    );
  }

  async conclusionsOf(id: string, client?: ClientBase): Promise<ConclusionRow[]> {
    const result = await (client ?? this.pool).query<{
      version: number;
      status: ConclusionStatus;
      conclusionSealed: string;
      proposedByParty: string;
      proposedByUser: string;
      proposedAt: string;
      approvedByParty: string | null;
      approvedByUser: string | null;
      approvedAt: string | null;
    }>(
      `SELECT version, status, conclusion_sealed AS "conclusionSealed", proposed_by_party AS "proposedByParty", proposed_by_user AS "proposedByUser",
         ${INSTANT('proposed_at')} AS "proposedAt", approved_by_party AS "approvedByParty", approved_by_user AS "approvedByUser",
         ${INSTANT('approved_at')} AS "approvedAt"
       FROM ${this.conclusions} WHERE screening_id = $1 ORDER BY version`,
      [id],
    );
    return result.rows.map((row) => ({
      version: row.version,
      status: row.status,
      conclusionSealed: row.conclusionSealed,
      proposedBy: { party: row.proposedByParty, userId: row.proposedByUser },
      proposedAt: row.proposedAt,
      approvedBy: row.approvedByParty === null || row.approvedByUser === null ? null : { party: row.approvedByParty, userId: row.approvedByUser },
      approvedAt: row.approvedAt,
    }));
  }

  /** A new version; a pending proposal it replaces is marked `vervangen` (approved versions stay as they are). */
  async proposeConclusion(client: ClientBase, id: string, row: Pick<ConclusionRow, 'version' | 'conclusionSealed' | 'proposedBy' | 'proposedAt'>): Promise<void> {
    await client.query(`UPDATE ${this.conclusions} SET status = 'vervangen' WHERE screening_id = $1 AND status = 'voorgesteld'`, [id]);
    await client.query(
      `INSERT INTO ${this.conclusions} (screening_id, version, status, conclusion_sealed, proposed_by_party, proposed_by_user, proposed_at)
       VALUES ($1, $2, 'voorgesteld', $3, $4, $5, $6)`,
      [id, row.version, row.conclusionSealed, row.proposedBy.party, row.proposedBy.userId, row.proposedAt],
    );
  }

  async approveConclusion(client: ClientBase, id: string, version: number, approver: ScreeningActor, at: string): Promise<void> {
    await client.query(
      `UPDATE ${this.conclusions} SET status = 'goedgekeurd', approved_by_party = $3, approved_by_user = $4, approved_at = $5
       WHERE screening_id = $1 AND version = $2 AND status = 'voorgesteld'`,
      [id, version, approver.party, approver.userId, at],
    );
  }
}
