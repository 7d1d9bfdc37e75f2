import type { EstablishmentActivity, EstablishmentHistoryAction, EstablishmentSummary, RegistryOfficer, ScreeningMilestone } from '@signaalhub/contracts';
import { quotedSchema } from '@signaalhub/database';
import type { ClientBase, Pool } from 'pg';

export interface EstablishmentRow extends EstablishmentSummary {
  readonly particularsSealed: string;
}

export interface NewEstablishment {
  readonly id: string;
  readonly municipality: string;
  readonly vestigingsnummer: string;
  readonly kvkToken: string;
  readonly addressToken: string;
  readonly tradeName: string;
  readonly postcode: string;
  readonly huisnummer: number;
  readonly toevoeging: string | undefined;
  readonly activities: readonly EstablishmentActivity[];
  readonly particularsSealed: string;
  readonly registeredBy: { readonly party: string; readonly userId: string };
  readonly registeredAt: string;
}

/** What a search narrows to; every condition given must hold. */
export interface EstablishmentFilter {
  readonly municipality: string;
  readonly kvkToken?: string;
  readonly vestigingsnummer?: string;
  /** Part of the trade name, any case. */
  readonly tradeName?: string;
  readonly postcode?: string;
}

const columns = (flags: string): string => `id, municipality, vestigingsnummer, trade_name AS "tradeName",
  json_strip_nulls(json_build_object('postcode', postcode, 'huisnummer', huisnummer, 'toevoeging', toevoeging)) AS address,
  activities, to_char(registered_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "registeredAt",
  (SELECT count(*)::int FROM ${flags} f WHERE f.establishment_id = establishments.id) AS "flagCount"`;

/** One entry of an establishment's own history, its reason sealed. */
export interface EstablishmentHistoryRow {
  readonly at: string;
  readonly action: EstablishmentHistoryAction;
  /** A permit officer, or the service when the pool told it. */
  readonly actor: RegistryOfficer | { readonly service: string };
  /** An officer's reason; null for what the pool told. */
  readonly reasonSealed: string | null;
  /** The event it published, if any. */
  readonly messageId: string | null;
  /** The pool's message it came from, if any: a redelivery adds nothing. */
  readonly sourceMessageId: string | null;
  /** With a milestone the pool told: which, and the day it happened. */
  readonly milestone: ScreeningMilestone | null;
  readonly date: string | null;
}

/** Escapes LIKE's wildcards, so a trade name with `%` or `_` is searched for as written. */
const likePattern = (text: string): string => `%${text.replace(/[\\%_]/g, (match) => `\\${match}`)}%`;

/** The establishments of every registry municipality, with their flag counts and their own history. */
export class EstablishmentStore {
  private readonly table: string;
  private readonly history: string;
  private readonly columns: string;

  constructor(
    private readonly pool: Pool,
    schema: string,
  ) {
    this.table = `${quotedSchema(schema)}.establishments`;
    this.history = `${quotedSchema(schema)}.establishment_history`;
    this.columns = columns(`${quotedSchema(schema)}.establishment_flags`);
  }

  /** False when the municipality already has an establishment with this vestigingsnummer. */
  async insert(row: NewEstablishment): Promise<boolean> {
    const result = await this.pool.query(
      `INSERT INTO ${this.table} (id, municipality, vestigingsnummer, kvk_token, address_token, trade_name, postcode, huisnummer, toevoeging,
         activities, particulars_sealed, registered_by_party, registered_by_user, registered_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) ON CONFLICT (municipality, vestigingsnummer) DO NOTHING`,
      [
        row.id,
        row.municipality,
        row.vestigingsnummer,
        row.kvkToken,
        row.addressToken,
        row.tradeName,
        row.postcode,
        row.huisnummer,
        row.toevoeging ?? null,
        JSON.stringify(row.activities),
        row.particularsSealed,
        row.registeredBy.party,
        row.registeredBy.userId,
        row.registeredAt,
      ],
    );
    return result.rowCount === 1;
  }

  /** With `client`, the row is locked for the caller's transaction. */
  async find(id: string, client?: ClientBase): Promise<EstablishmentRow | undefined> {
    const result = await (client ?? this.pool).query<EstablishmentRow>(
      `SELECT ${this.columns}, particulars_sealed AS "particularsSealed" FROM ${this.table} WHERE id = $1 ${client === undefined ? '' : 'FOR UPDATE'}`,
      [id],
    );
    return result.rows[0];
  }

  async search(filter: EstablishmentFilter): Promise<EstablishmentSummary[]> {
    const values: unknown[] = [filter.municipality];
    const conditions = ['municipality = $1'];
    const add = (condition: (placeholder: string) => string, value: unknown): void => {
      values.push(value);
      conditions.push(condition(`$${String(values.length)}`));
    };
    if (filter.kvkToken !== undefined) add((p) => `kvk_token = ${p}`, filter.kvkToken);
    if (filter.vestigingsnummer !== undefined) add((p) => `vestigingsnummer = ${p}`, filter.vestigingsnummer);
    if (filter.tradeName !== undefined) add((p) => `trade_name ILIKE ${p}`, likePattern(filter.tradeName));
    if (filter.postcode !== undefined) add((p) => `postcode = ${p}`, filter.postcode);
    const result = await this.pool.query<EstablishmentSummary>(
      `SELECT ${this.columns} FROM ${this.table} WHERE ${conditions.join(' AND ')} ORDER BY trade_name, id LIMIT 500`,
      values,
    );
    return result.rows;
  }

  /** False when an entry from this pool message exists (a redelivery). */
  async addHistory(client: ClientBase, establishmentId: string, entry: EstablishmentHistoryRow): Promise<boolean> {
    const actor = 'service' in entry.actor ? { party: null, user: null, service: entry.actor.service } : { party: entry.actor.party, user: entry.actor.userId, service: null };
    const result = await client.query(
      `INSERT INTO ${this.history} (establishment_id, at, action, actor_party, actor_user, actor_service, reason_sealed, message_id, source_message_id, milestone, event_date)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) ON CONFLICT (source_message_id) DO NOTHING`,
      [establishmentId, entry.at, entry.action, actor.party, actor.user, actor.service, entry.reasonSealed, entry.messageId, entry.sourceMessageId, entry.milestone, entry.date],
    );
    return result.rowCount === 1;
  }

  async hasHistoryFrom(messageId: string): Promise<boolean> {
    const result = await this.pool.query(`SELECT 1 FROM ${this.history} WHERE source_message_id = $1`, [messageId]);
    return (result.rowCount ?? 0) > 0;
  }

  /** Oldest first. */
  async historyOf(establishmentId: string): Promise<EstablishmentHistoryRow[]> {
    const result = await this.pool.query<EstablishmentHistoryRow>(
      `SELECT to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS at, action,
              CASE WHEN actor_service IS NULL THEN json_build_object('party', actor_party, 'userId', actor_user) ELSE json_build_object('service', actor_service) END AS actor,
              reason_sealed AS "reasonSealed", message_id AS "messageId", source_message_id AS "sourceMessageId", milestone, to_char(event_date, 'YYYY-MM-DD') AS date
       FROM ${this.history} WHERE establishment_id = $1 ORDER BY id`,
      [establishmentId],
    );
    return result.rows;
  }
}
