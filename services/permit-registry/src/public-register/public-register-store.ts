import type { AutobrancheActivity, PublicRegisterStatus, VisitingAddress } from '@signaalhub/contracts';
import { quotedSchema } from '@signaalhub/database';
import type { ClientBase, Pool } from 'pg';
import type { PublicPeriod } from './public-periods.js';

/** An entry of the public register with its status on the day asked. */
export interface PublicEntryRow {
  readonly tradeName: string;
  readonly address: VisitingAddress;
  readonly activities: readonly AutobrancheActivity[];
  readonly permitNumber: string;
  readonly validFrom: string;
  readonly validUntil: string;
  readonly status: PublicRegisterStatus;
  readonly publishedOn: string;
}

const DATE = (column: string): string => `to_char(${column}, 'YYYY-MM-DD')`;

/**
 * The public register's projection (migration 0004): entries copied from the permit and its establishment at
 * the grant, their status periods, and the tombstones of entries removed after the publication term.
 * Writes take the caller's transaction.
 */
export class PublicRegisterStore {
  private readonly entries: string;
  private readonly periods: string;
  private readonly tombstones: string;
  private readonly permits: string;
  private readonly establishments: string;

  constructor(
    private readonly pool: Pool,
    schema: string,
  ) {
    const s = quotedSchema(schema);
    this.entries = `${s}.public_register_entries`;
    this.periods = `${s}.public_register_periods`;
    this.tombstones = `${s}.public_register_tombstones`;
    this.permits = `${s}.permits`;
    this.establishments = `${s}.establishments`;
  }

  /** Publishes the granted permit (as its row now stands) with what the register may show of its establishment. */
  async publish(client: ClientBase, permitId: string, publishedOn: string): Promise<void> {
    await client.query(
      `INSERT INTO ${this.entries} (permit_id, municipality, permit_number, trade_name, postcode, huisnummer, toevoeging, activities, valid_from, valid_until, published_on)
       SELECT p.id, p.municipality, p.permit_number, e.trade_name, e.postcode, e.huisnummer, e.toevoeging,
         (SELECT jsonb_agg(DISTINCT a ->> 'activity') FROM jsonb_array_elements(e.activities) a), p.valid_from, p.valid_until, $2
       FROM ${this.permits} p JOIN ${this.establishments} e ON e.id = p.establishment_id WHERE p.id = $1`,
      [permitId, publishedOn],
    );
  }

  /** The permit's periods and last valid day, or undefined when it is not (or no longer) published. */
  async periodsOf(client: ClientBase, permitId: string): Promise<{ periods: PublicPeriod[]; validUntil: string } | undefined> {
    const entry = await client.query<{ validUntil: string }>(`SELECT ${DATE('valid_until')} AS "validUntil" FROM ${this.entries} WHERE permit_id = $1 FOR UPDATE`, [permitId]);
    const validUntil = entry.rows[0]?.validUntil;
    if (validUntil === undefined) return undefined;
    const periods = await client.query<PublicPeriod>(
      `SELECT status, ${DATE('starts_on')} AS "startsOn", ${DATE('ends_on')} AS "endsOn" FROM ${this.periods} WHERE permit_id = $1 ORDER BY starts_on`,
      [permitId],
    );
    return { periods: periods.rows, validUntil };
  }

  async replacePeriods(client: ClientBase, permitId: string, periods: readonly PublicPeriod[], endedOn: string | null): Promise<void> {
    await client.query(`DELETE FROM ${this.periods} WHERE permit_id = $1`, [permitId]);
    await client.query(
      `INSERT INTO ${this.periods} (permit_id, municipality, status, starts_on, ends_on)
       SELECT $1, e.municipality, p.status, p.starts_on, p.ends_on FROM ${this.entries} e,
         jsonb_to_recordset($2::jsonb) AS p (status text, starts_on date, ends_on date) WHERE e.permit_id = $1`,
      [permitId, JSON.stringify(periods.map((period) => ({ status: period.status, starts_on: period.startsOn, ends_on: period.endsOn })))],
    );
    await client.query(`UPDATE ${this.entries} SET ended_on = $2 WHERE permit_id = $1`, [permitId, endedOn]);
  }

  /**
   * The entries of `municipality` with their status on `day`, leaving out any whose publication term ended by
   * `today` (the sweep deletes those; this keeps them out between sweeps).
   */
  async asOf(municipality: string, day: string, today: string, termDays: number): Promise<PublicEntryRow[]> {
    const result = await this.pool.query<PublicEntryRow>(
      `SELECT e.trade_name AS "tradeName",
         json_strip_nulls(json_build_object('postcode', e.postcode, 'huisnummer', e.huisnummer, 'toevoeging', e.toevoeging)) AS address,
         e.activities, e.permit_number AS "permitNumber", ${DATE('e.valid_from')} AS "validFrom", ${DATE('e.valid_until')} AS "validUntil",
         p.status, ${DATE('e.published_on')} AS "publishedOn"
       FROM ${this.periods} p JOIN ${this.entries} e ON e.permit_id = p.permit_id
       WHERE p.municipality = $1 AND p.starts_on <= $2 AND (p.ends_on IS NULL OR p.ends_on > $2)
         AND (e.ended_on IS NULL OR e.ended_on + $4::int > $3::date)
       ORDER BY e.trade_name, e.permit_number`,
      [municipality, day, today, termDays],
    );
    return result.rows;
  }

  /** The days entries of `municipality` were withdrawn, newest first. */
  async tombstonesOf(municipality: string): Promise<string[]> {
    const result = await this.pool.query<{ withdrawnOn: string }>(
      `SELECT ${DATE('withdrawn_on')} AS "withdrawnOn" FROM ${this.tombstones} WHERE municipality = $1 ORDER BY withdrawn_on DESC, id DESC`,
      [municipality],
    );
    return result.rows.map((row) => row.withdrawnOn);
  }

  /** Deletes every entry whose publication term ended by `today` (its periods go with it), a tombstone for each; answers how many. */
  async purge(today: string, termDays: number): Promise<number> {
    const result = await this.pool.query(
      `WITH removed AS (DELETE FROM ${this.entries} WHERE ended_on IS NOT NULL AND ended_on + $2::int <= $1::date RETURNING municipality)
       INSERT INTO ${this.tombstones} (municipality, withdrawn_on) SELECT municipality, $1 FROM removed`,
      [today, termDays],
    );
    return result.rowCount ?? 0;
  }
}
