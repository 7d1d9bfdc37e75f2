import { randomUUID } from 'node:crypto';
import type { Meeting } from '@signaalhub/contracts';
import type { Pool } from 'pg';
import { quotedSchema } from '@signaalhub/database';

/** Scheduled local undermining meetings: one per municipality and date. */
export class MeetingStore {
  private readonly table: string;

  constructor(
    private readonly pool: Pool,
    schema: string,
  ) {
    this.table = `${quotedSchema(schema)}.meetings`;
  }

  /** Undefined when that municipality already has a meeting on that date. */
  async schedule(municipality: string, date: string, scheduledByParty: string): Promise<Meeting | undefined> {
    const id = randomUUID();
    const result = await this.pool.query(
      `INSERT INTO ${this.table} (id, municipality, date, scheduled_by_party) VALUES ($1, $2, $3, $4)
       ON CONFLICT (municipality, date) DO NOTHING`,
      [id, municipality, date, scheduledByParty],
    );
    return result.rowCount === 1 ? { id, municipality, date } : undefined;
  }

  async find(id: string): Promise<Meeting | undefined> {
    const result = await this.pool.query<{ id: string; municipality: string; date: string }>(
      `SELECT id, municipality, to_char(date, 'YYYY-MM-DD') AS date FROM ${this.table} WHERE id = $1`,
      [id],
    );
    const row = result.rows[0];
    return row === undefined ? undefined : { id: row.id, municipality: row.municipality, date: row.date };
  }

  async list(municipality: string): Promise<Meeting[]> {
    const result = await this.pool.query<{ id: string; municipality: string; date: string }>(
      `SELECT id, municipality, to_char(date, 'YYYY-MM-DD') AS date FROM ${this.table} WHERE municipality = $1 ORDER BY date`,
      [municipality],
    );
    return result.rows.map((row) => ({ id: row.id, municipality: row.municipality, date: row.date }));
  }
}
