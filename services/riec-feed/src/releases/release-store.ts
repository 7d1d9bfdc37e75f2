import type { ReleaseSummary } from '@signaalhub/contracts';
import { quotedSchema } from '@signaalhub/database';
import type { Pool, PoolClient } from 'pg';
import type { Release } from '../disclosure/index.js';

/** The release ledger (`releases`): what each recipient was sent, in the order it was sent. */
export class ReleaseStore {
  private readonly table: string;

  constructor(
    private readonly pool: Pool,
    schema: string,
  ) {
    this.table = `${quotedSchema(schema)}.releases`;
  }

  /** Blocks other release runs until the transaction ends: each builds on the ledger as the last one left it. */
  async lock(client: PoolClient): Promise<void> {
    await client.query(`LOCK TABLE ${this.table} IN EXCLUSIVE MODE`);
  }

  /** Everything one recipient was sent, oldest first, with when each was built. */
  async ledgerOf(client: PoolClient, recipient: string): Promise<{ release: Release; builtAt: Date }[]> {
    const result = await client.query<{ release: Release; built_at: Date }>(`SELECT release, built_at FROM ${this.table} WHERE recipient = $1 ORDER BY sequence`, [recipient]);
    return result.rows.map((row) => ({ release: row.release, builtAt: row.built_at }));
  }

  async add(client: PoolClient, release: Release, builtAt: Date): Promise<void> {
    await client.query(`INSERT INTO ${this.table} (id, recipient, sequence, period, built_at, release) VALUES ($1, $2, $3, $4, $5, $6)`, [
      release.id,
      release.recipient,
      release.sequence,
      release.period,
      builtAt,
      JSON.stringify(release),
    ]);
  }

  /** One recipient's releases, newest first. */
  async summariesOf(recipient: string): Promise<ReleaseSummary[]> {
    const result = await this.pool.query<{ release: Release; built_at: Date }>(`SELECT release, built_at FROM ${this.table} WHERE recipient = $1 ORDER BY sequence DESC`, [recipient]);
    return result.rows.map((row) => releaseSummary(row.release, row.built_at));
  }

  async find(id: string): Promise<Release | undefined> {
    const result = await this.pool.query<{ release: Release }>(`SELECT release FROM ${this.table} WHERE id = $1`, [id]);
    return result.rows[0]?.release;
  }
}

/** A release as the ledger's list shows it; suppressed cells as one total, as the exports give them. */
export function releaseSummary(release: Release, builtAt: Date): ReleaseSummary {
  return {
    id: release.id,
    recipient: release.recipient,
    period: release.period,
    sequence: release.sequence,
    builtAt: builtAt.toISOString(),
    k: release.k,
    suppressedCells: release.suppressed.primary + release.suppressed.secondary,
  };
}
