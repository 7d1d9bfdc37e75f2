import type { ApplicationKind, BibobState } from '@signaalhub/contracts';
import { quotedSchema } from '@signaalhub/database';
import type { ClientBase, Pool } from 'pg';

export interface ApplicationRow {
  readonly id: string;
  readonly municipality: string;
  readonly establishmentId: string;
  readonly permitId: string;
  readonly tradeName: string;
  readonly kind: ApplicationKind;
  readonly receivedOn: string;
  readonly decisionTermWeeks: number;
  readonly bibob: BibobState;
  readonly screeningRequestId: string | null;
  readonly screeningId: string | null;
}

export type TimelineActor = { readonly party: string; readonly userId: string } | { readonly service: string };

export interface TimelineRow {
  readonly kind: string;
  readonly date: string;
  readonly at: string;
  readonly actor: TimelineActor;
  readonly sourceMessageId: string | null;
  readonly detailsSealed: string | null;
}

export interface ConclusionRow {
  readonly version: number;
  readonly conclusionSealed: string;
  readonly approvedAt: string;
}

const DATE = (column: string): string => `to_char(${column}, 'YYYY-MM-DD')`;
const INSTANT = (column: string): string => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/** Applications, their timelines and the conclusions received. Writes take the caller's transaction. */
export class ApplicationStore {
  private readonly applications: string;
  private readonly timeline: string;
  private readonly conclusions: string;
  private readonly establishments: string;
  private readonly permits: string;

  constructor(
    private readonly pool: Pool,
    schema: string,
  ) {
    const s = quotedSchema(schema);
    this.applications = `${s}.applications`;
    this.timeline = `${s}.application_timeline`;
    this.conclusions = `${s}.application_conclusions`;
    this.establishments = `${s}.establishments`;
    this.permits = `${s}.permits`;
  }

  private columns(): string {
    return `a.id, a.municipality, a.establishment_id AS "establishmentId", p.id AS "permitId", e.trade_name AS "tradeName", a.kind, ${DATE('a.received_on')} AS "receivedOn",
      a.decision_term_weeks AS "decisionTermWeeks", a.bibob, a.screening_request_id AS "screeningRequestId", a.screening_id AS "screeningId"
      FROM ${this.applications} a JOIN ${this.establishments} e ON e.id = a.establishment_id JOIN ${this.permits} p ON p.application_id = a.id`;
  }

  async insert(
    client: ClientBase,
    row: Pick<ApplicationRow, 'id' | 'municipality' | 'establishmentId' | 'kind' | 'receivedOn' | 'decisionTermWeeks'>,
    by: { readonly party: string; readonly userId: string },
    at: string,
  ): Promise<void> {
    await client.query(
      `INSERT INTO ${this.applications} (id, municipality, establishment_id, kind, received_on, decision_term_weeks, registered_by_party, registered_by_user, registered_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9)`,
      [row.id, row.municipality, row.establishmentId, row.kind, row.receivedOn, row.decisionTermWeeks, by.party, by.userId, at],
    );
  }

  /** With `client`, the row is locked for the caller's transaction. */
  async find(id: string, client?: ClientBase): Promise<ApplicationRow | undefined> {
    const result = await (client ?? this.pool).query<ApplicationRow>(`SELECT ${this.columns()} WHERE a.id = $1 ${client === undefined ? '' : 'FOR UPDATE OF a'}`, [id]);
    return result.rows[0];
  }

  async findByScreening(client: ClientBase, screeningId: string): Promise<ApplicationRow | undefined> {
    const result = await client.query<ApplicationRow>(`SELECT ${this.columns()} WHERE a.screening_id = $1 FOR UPDATE OF a`, [screeningId]);
    return result.rows[0];
  }

  async list(municipality: string): Promise<ApplicationRow[]> {
    const result = await this.pool.query<ApplicationRow>(`SELECT ${this.columns()} WHERE a.municipality = $1 ORDER BY a.received_on, a.id LIMIT 1000`, [municipality]);
    return result.rows;
  }

  async setBibob(client: ClientBase, id: string, change: { bibob: BibobState; screeningRequestId?: string; screeningId?: string }, at: string): Promise<void> {
    await client.query(
      `UPDATE ${this.applications} SET bibob = $2, screening_request_id = COALESCE($3, screening_request_id), screening_id = COALESCE($4, screening_id), updated_at = $5 WHERE id = $1`,
      [id, change.bibob, change.screeningRequestId ?? null, change.screeningId ?? null, at],
    );
  }

  /** False when an entry from this pool message exists (a redelivery). */
  async addTimeline(client: ClientBase, applicationId: string, row: TimelineRow): Promise<boolean> {
    const actor = 'service' in row.actor ? { party: null, user: null, service: row.actor.service } : { party: row.actor.party, user: row.actor.userId, service: null };
    const result = await client.query(
      `INSERT INTO ${this.timeline} (application_id, kind, event_date, at, actor_party, actor_user, actor_service, source_message_id, details_sealed)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (source_message_id) DO NOTHING`,
      [applicationId, row.kind, row.date, row.at, actor.party, actor.user, actor.service, row.sourceMessageId, row.detailsSealed],
    );
    return result.rowCount === 1;
  }

  async timelineOf(applicationIds: readonly string[], client?: ClientBase): Promise<Map<string, TimelineRow[]>> {
    const result = await (client ?? this.pool).query<TimelineRow & { applicationId: string; actorParty: string | null; actorUser: string | null; actorService: string | null }>(
      `SELECT application_id AS "applicationId", kind, ${DATE('event_date')} AS date, ${INSTANT('at')} AS at, actor_party AS "actorParty", actor_user AS "actorUser",
         actor_service AS "actorService", source_message_id AS "sourceMessageId", details_sealed AS "detailsSealed"
       FROM ${this.timeline} WHERE application_id = ANY($1::uuid[]) ORDER BY id`,
      [applicationIds],
    );
    const byApplication = new Map<string, TimelineRow[]>();
    for (const { applicationId, actorParty, actorUser, actorService, ...row } of result.rows) {
      const actor: TimelineActor = actorService !== null ? { service: actorService } : { party: actorParty ?? '', userId: actorUser ?? '' };
      byApplication.set(applicationId, [...(byApplication.get(applicationId) ?? []), { ...row, actor }]);
    }
    return byApplication;
  }

  /** False when this conclusion message was stored already. */
  async addConclusion(client: ClientBase, applicationId: string, messageId: string, row: ConclusionRow): Promise<boolean> {
    const result = await client.query(
      `INSERT INTO ${this.conclusions} (application_id, version, message_id, conclusion_sealed, approved_at) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING`,
      [applicationId, row.version, messageId, row.conclusionSealed, row.approvedAt],
    );
    return result.rowCount === 1;
  }

  async conclusionsOf(applicationId: string): Promise<ConclusionRow[]> {
    const result = await this.pool.query<ConclusionRow>(
      `SELECT version, conclusion_sealed AS "conclusionSealed", ${INSTANT('approved_at')} AS "approvedAt" FROM ${this.conclusions} WHERE application_id = $1 ORDER BY version`,
      [applicationId],
    );
    return result.rows;
  }

  async hasMessage(messageId: string): Promise<boolean> {
    const result = await this.pool.query(
      `SELECT 1 FROM ${this.timeline} WHERE source_message_id = $1 UNION ALL SELECT 1 FROM ${this.conclusions} WHERE message_id = $1`,
      [messageId],
    );
    return (result.rowCount ?? 0) > 0;
  }
}
