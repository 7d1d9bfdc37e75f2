import type { PermitRegistryStatus } from '@signaalhub/contracts';
import { quotedSchema } from '@signaalhub/database';
import type { ClientBase, Pool } from 'pg';
import type { RegistryActor } from '../registry/registry-input.js';
import type { PermitState, ZienswijzeState } from './permit-lifecycle.js';

export interface PermitRow extends PermitState {
  readonly id: string;
  readonly applicationId: string;
  readonly municipality: string;
  readonly establishmentId: string;
  readonly permitNumber: string | null;
  readonly standardConditions: readonly string[];
  readonly caseConditionsSealed: string | null;
  /** The establishment's match tokens, for the events' headers. */
  readonly kvkToken: string;
  readonly addressToken: string;
}

/** A permit officer, or the service itself (the permit clock). */
export type PermitHistoryActor = RegistryActor | { readonly service: string };

export interface PermitHistoryRow {
  readonly at: string;
  readonly action: string;
  readonly actor: PermitHistoryActor;
  readonly fromStatus: PermitRegistryStatus;
  readonly toStatus: PermitRegistryStatus;
  readonly date: string;
  readonly reasonSealed: string;
  readonly messageId: string | null;
}

const DATE = (column: string): string => `to_char(${column}, 'YYYY-MM-DD')`;

/** Permits and their history. Writes take the caller's transaction. */
export class PermitStore {
  private readonly permits: string;
  private readonly history: string;
  private readonly establishments: string;

  constructor(
    private readonly pool: Pool,
    schema: string,
  ) {
    const s = quotedSchema(schema);
    this.permits = `${s}.permits`;
    this.history = `${s}.permit_history`;
    this.establishments = `${s}.establishments`;
  }

  async insert(client: ClientBase, row: { id: string; applicationId: string; municipality: string; establishmentId: string }, at: string): Promise<void> {
    await client.query(`INSERT INTO ${this.permits} (id, application_id, municipality, establishment_id, status, updated_at) VALUES ($1, $2, $3, $4, 'aangevraagd', $5)`, [
      row.id,
      row.applicationId,
      row.municipality,
      row.establishmentId,
      at,
    ]);
  }

  /** With `client`, the row is locked for the caller's transaction. */
  async find(id: string, client?: ClientBase): Promise<PermitRow | undefined> {
    const result = await (client ?? this.pool).query<PermitRow & { zienswijze: ZienswijzeState }>(
      `SELECT p.id, p.application_id AS "applicationId", p.municipality, p.establishment_id AS "establishmentId", p.status, p.zienswijze,
         p.permit_number AS "permitNumber", ${DATE('p.valid_from')} AS "validFrom", ${DATE('p.valid_until')} AS "validUntil",
         ${DATE('p.suspended_from')} AS "suspendedFrom", ${DATE('p.suspended_until')} AS "suspendedUntil",
         p.standard_conditions AS "standardConditions", p.case_conditions_sealed AS "caseConditionsSealed",
         e.kvk_token AS "kvkToken", e.address_token AS "addressToken"
       FROM ${this.permits} p JOIN ${this.establishments} e ON e.id = p.establishment_id WHERE p.id = $1 ${client === undefined ? '' : 'FOR UPDATE OF p'}`,
      [id],
    );
    return result.rows[0];
  }

  /** False when the municipality already issued this permit number. */
  async update(
    client: ClientBase,
    id: string,
    state: PermitState,
    granted: { permitNumber: string; standardConditions: readonly string[]; caseConditionsSealed: string } | undefined,
    at: string,
  ): Promise<boolean> {
    const result = await client.query(
      `UPDATE ${this.permits} SET status = $2, zienswijze = $3, valid_from = $4, valid_until = $5, suspended_from = $6, suspended_until = $7,
         permit_number = COALESCE($8, permit_number), standard_conditions = COALESCE($9, standard_conditions),
         case_conditions_sealed = COALESCE($10, case_conditions_sealed), updated_at = $11
       WHERE id = $1 AND NOT EXISTS (SELECT 1 FROM ${this.permits} other WHERE $8::text IS NOT NULL AND other.municipality = ${this.permits}.municipality
         AND other.permit_number = $8 AND other.id <> $1)`,
      [id, state.status, state.zienswijze, state.validFrom, state.validUntil, state.suspendedFrom, state.suspendedUntil, granted?.permitNumber ?? null, granted?.standardConditions ?? null, granted?.caseConditionsSealed ?? null, at],
    );
    return result.rowCount === 1;
  }

  async addHistory(client: ClientBase, permitId: string, row: PermitHistoryRow): Promise<void> {
    const actor = 'service' in row.actor ? { party: null, user: null, service: row.actor.service } : { party: row.actor.party, user: row.actor.userId, service: null };
    await client.query(
      `INSERT INTO ${this.history} (permit_id, at, action, actor_party, actor_user, actor_service, from_status, to_status, event_date, reason_sealed, message_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
      [permitId, row.at, row.action, actor.party, actor.user, actor.service, row.fromStatus, row.toStatus, row.date, row.reasonSealed, row.messageId],
    );
  }

  async historyOf(permitId: string): Promise<PermitHistoryRow[]> {
    const result = await this.pool.query<PermitHistoryRow>(
      `SELECT to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS at, action,
         CASE WHEN actor_service IS NOT NULL THEN json_build_object('service', actor_service) ELSE json_build_object('party', actor_party, 'userId', actor_user) END AS actor,
         from_status AS "fromStatus", to_status AS "toStatus", ${DATE('event_date')} AS date, reason_sealed AS "reasonSealed", message_id AS "messageId"
       FROM ${this.history} WHERE permit_id = $1 ORDER BY id`,
      [permitId],
    );
    return result.rows;
  }

  /**
   * The permits time may have changed by `today` (the permit clock's candidates, as timeActionDue decides):
   * a suspension whose last day has passed, or a validity whose last day has passed. Not locked: the desk
   * asks again on the locked row.
   */
  async dueForTime(today: string): Promise<string[]> {
    const result = await this.pool.query<{ id: string }>(
      `SELECT id FROM ${this.permits}
       WHERE (status = 'geschorst' AND suspended_until < $1::date) OR (status IN ('verleend', 'geschorst') AND valid_until < $1::date)
       ORDER BY id`,
      [today],
    );
    return result.rows.map((row) => row.id);
  }
}
