import type { HeaderMatchToken } from '@signaalhub/contracts';
import { quotedSchema } from '@signaalhub/database';
import type { ClientBase } from 'pg';

/** Where and when a signal carried its tokens: its routing facts and event time (as signal_facts has it). */
export interface TokenSighting {
  readonly municipality: string;
  /** Undefined when the header had no theme. */
  readonly theme: string | undefined;
  readonly seenAt: Date;
}

/** A token is a cross-municipality hit once it was seen in this many municipalities. */
export const HIT_MIN_MUNICIPALITIES = 2;

/**
 * The per-token summary behind the cross-municipality hit list (migration 0006_hit_summary): the municipalities
 * and themes a token was seen in, first and last seen. Kept in the transaction that records a signal's tokens,
 * fed only the tokens that call inserted, so a redelivered or replayed signal changes nothing. A token that
 * becomes a hit gets its opaque id there and then, so reading the list writes nothing.
 */
export class HitSummary {
  private readonly table: string;

  private readonly hitIds: string;

  constructor(schema: string) {
    this.table = `${quotedSchema(schema)}.hit_summary`;
    this.hitIds = `${quotedSchema(schema)}.hit_ids`;
  }

  async add(client: ClientBase, tokens: readonly HeaderMatchToken[], sighting: TokenSighting): Promise<void> {
    if (tokens.length === 0) return;
    // Rows are locked in token order, so two signals sharing tokens never wait on each other in a cycle.
    await client.query(
      `WITH seen AS (
       INSERT INTO ${this.table} AS h (kind, version, token, municipalities, themes, first_seen, last_seen)
       SELECT t.kind, t.version, t.token, ARRAY[$4::text], CASE WHEN $5::text IS NULL THEN '{}'::text[] ELSE ARRAY[$5::text] END, $6, $6
       FROM unnest($1::text[], $2::int[], $3::text[]) AS t(kind, version, token)
       ORDER BY t.kind, t.version, t.token
       ON CONFLICT (kind, version, token) DO UPDATE SET
         municipalities = ARRAY(SELECT DISTINCT m FROM unnest(h.municipalities || EXCLUDED.municipalities) AS m ORDER BY m),
         themes = ARRAY(SELECT DISTINCT t FROM unnest(h.themes || EXCLUDED.themes) AS t ORDER BY t),
         first_seen = LEAST(h.first_seen, EXCLUDED.first_seen),
         last_seen = GREATEST(h.last_seen, EXCLUDED.last_seen)
       RETURNING h.kind, h.version, h.token, h.municipality_count)
       INSERT INTO ${this.hitIds} (kind, version, token, id)
       SELECT kind, version, token, gen_random_uuid() FROM seen WHERE municipality_count >= ${HIT_MIN_MUNICIPALITIES}
       ON CONFLICT DO NOTHING`,
      [tokens.map((t) => t.kind), tokens.map((t) => t.version), tokens.map((t) => t.token), sighting.municipality, sighting.theme ?? null, sighting.seenAt],
    );
  }
}
