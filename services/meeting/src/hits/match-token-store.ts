import type { HeaderMatchToken, HitCount } from '@signaalhub/contracts';
import type { Pool } from 'pg';
import { quotedSchema } from '../infrastructure/database-schema.js';
import { countHits, type TokenMatch } from './hit-counter.js';

/** The match tokens of every admitted signal (HMACs, not identifiers), for hit/no-hit across municipalities. */
export class MatchTokenStore {
  private readonly table: string;

  constructor(
    private readonly pool: Pool,
    schema: string,
  ) {
    this.table = `${quotedSchema(schema)}.match_tokens`;
  }

  /** Idempotent: a redelivered signal records nothing new. */
  async record(messageId: string, municipality: string, tokens: readonly HeaderMatchToken[]): Promise<void> {
    if (tokens.length === 0) return;
    await this.pool.query(
      `INSERT INTO ${this.table} (message_id, municipality, kind, version, token)
       SELECT $1, $2, t.kind, t.version, t.token
       FROM unnest($3::text[], $4::int[], $5::text[]) AS t(kind, version, token)
       ON CONFLICT DO NOTHING`,
      [messageId, municipality, tokens.map((t) => t.kind), tokens.map((t) => t.version), tokens.map((t) => t.token)],
    );
  }

  /** For each item: other signals sharing any token (same kind and key version), counted per municipality. */
  async hitsFor(itemIds: readonly string[]): Promise<Map<string, HitCount[]>> {
    if (itemIds.length === 0) return new Map();
    const result = await this.pool.query<{ item_id: string; other_message_id: string; other_municipality: string }>(
      `SELECT DISTINCT mine.message_id AS item_id, other.message_id AS other_message_id, other.municipality AS other_municipality
       FROM ${this.table} mine
       JOIN ${this.table} other
         ON other.kind = mine.kind AND other.version = mine.version AND other.token = mine.token AND other.message_id <> mine.message_id
       WHERE mine.message_id = ANY($1::uuid[])`,
      [itemIds],
    );
    const matches: TokenMatch[] = result.rows.map((row) => ({
      itemId: row.item_id,
      otherMessageId: row.other_message_id,
      otherMunicipality: row.other_municipality,
    }));
    return countHits(itemIds, matches);
  }
}
