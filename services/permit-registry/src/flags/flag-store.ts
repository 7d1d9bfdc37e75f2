import type { EstablishmentFlag, FlagMatch } from '@signaalhub/contracts';
import { quotedSchema } from '@signaalhub/database';
import type { Pool } from 'pg';

/** An establishment a signal's tokens hit, and on what. */
export interface EstablishmentHit {
  readonly establishmentId: string;
  readonly municipality: string;
  readonly matchedOn: FlagMatch;
}

export interface NewFlag extends EstablishmentHit {
  readonly signalId: string;
  readonly theme: string;
  readonly reportedOn: string;
  readonly recipient: boolean;
  readonly receivedAt: string;
}

/** The signal flags on the establishments of every registry municipality. */
export class FlagStore {
  private readonly flags: string;
  private readonly establishments: string;

  constructor(
    private readonly pool: Pool,
    schema: string,
  ) {
    this.flags = `${quotedSchema(schema)}.establishment_flags`;
    this.establishments = `${quotedSchema(schema)}.establishments`;
  }

  /** The establishments of these municipalities whose KvK or address token is among these; a KvK hit wins over an address hit. */
  async establishmentsHit(municipalities: readonly string[], tokens: { readonly kvk: readonly string[]; readonly address: readonly string[] }): Promise<EstablishmentHit[]> {
    if (tokens.kvk.length === 0 && tokens.address.length === 0) return [];
    const result = await this.pool.query<EstablishmentHit>(
      `SELECT id AS "establishmentId", municipality, CASE WHEN kvk_token = ANY($2::text[]) THEN 'kvk' ELSE 'address' END AS "matchedOn"
       FROM ${this.establishments}
       WHERE municipality = ANY($1::text[]) AND (kvk_token = ANY($2::text[]) OR address_token = ANY($3::text[]))`,
      [municipalities, tokens.kvk, tokens.address],
    );
    return result.rows;
  }

  /** Idempotent per signal and establishment: a redelivered signal adds nothing. */
  async insert(flags: readonly NewFlag[]): Promise<void> {
    if (flags.length === 0) return;
    await this.pool.query(
      `INSERT INTO ${this.flags} (establishment_id, signal_id, theme, reported_on, matched_on, recipient, received_at)
       SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::date[], $5::text[], $6::boolean[], $7::timestamptz[])
       ON CONFLICT DO NOTHING`,
      [
        flags.map((flag) => flag.establishmentId),
        flags.map((flag) => flag.signalId),
        flags.map((flag) => flag.theme),
        flags.map((flag) => flag.reportedOn),
        flags.map((flag) => flag.matchedOn),
        flags.map((flag) => flag.recipient),
        flags.map((flag) => flag.receivedAt),
      ],
    );
  }

  /** Whether this signal flagged anything (a replay of it is then a duplicate). */
  async hasSignal(signalId: string): Promise<boolean> {
    const result = await this.pool.query(`SELECT 1 FROM ${this.flags} WHERE signal_id = $1 LIMIT 1`, [signalId]);
    return result.rowCount !== 0;
  }

  /** The establishment's flags, newest first. */
  async flagsOf(establishmentId: string): Promise<EstablishmentFlag[]> {
    const result = await this.pool.query<EstablishmentFlag>(
      `SELECT theme, to_char(reported_on, 'YYYY-MM-DD') AS "reportedOn", matched_on AS "matchedOn", recipient
       FROM ${this.flags} WHERE establishment_id = $1 ORDER BY reported_on DESC, received_at DESC, signal_id`,
      [establishmentId],
    );
    return result.rows;
  }
}
