import { HIT_LIST_LIMIT, type CrossMunicipalityHit, type HeaderMatchToken, type HitSignal, type HitsQuery, type MatchTokenKind, type Theme } from '@signaalhub/contracts';
import { quotedSchema } from '@signaalhub/database';
import type { Pool } from 'pg';
import { HIT_MIN_MUNICIPALITIES } from './hit-summary.js';


interface HitRow {
  id: string;
  kind: MatchTokenKind;
  themes: Theme[];
  municipalities: number;
  first_seen: Date;
  last_seen: Date;
}

/**
 * Cross-municipality hits over the match tokens learnt from signal headers (packages/matching's table), read
 * from their per-token summary (HitSummary), minus the exclusion list. Each hit gets an opaque id on first
 * sight, kept with its token in this schema, so the liaison can act on a hit without the API ever naming the
 * token.
 */
export class HitStore {
  private readonly s: string;

  constructor(
    private readonly pool: Pool,
    schema: string,
  ) {
    this.s = quotedSchema(schema);
  }

  async list(query: HitsQuery): Promise<CrossMunicipalityHit[]> {
    // The per-token summary kept as signals arrive (0006_hit_summary), never match_tokens; each hit has had its
    // id since it became one. The bound is a literal so the planner can match the summary's partial index.
    // The first HIT_LIST_LIMIT hits straight from the summary's partial index (the bound is a literal so the
    // planner matches it), then their ids: every hit has had one since it became a hit.
    const result = await this.pool.query<HitRow>(
      `SELECT i.id, top.kind, top.themes, top.municipality_count AS municipalities, top.first_seen, top.last_seen
       FROM (SELECT h.kind, h.version, h.token, h.themes, h.municipality_count, h.first_seen, h.last_seen
             FROM ${this.s}.hit_summary h
             WHERE h.municipality_count >= ${HIT_MIN_MUNICIPALITIES}
               AND NOT EXISTS (SELECT 1 FROM ${this.s}.exclusions e WHERE e.kind = h.kind AND e.version = h.version AND e.token = h.token)
               AND ($1::text IS NULL OR h.kind = $1)
               AND ($2::text IS NULL OR $2 = ANY(h.themes))
             ORDER BY h.municipality_count DESC, h.last_seen DESC, h.token
             LIMIT ${HIT_LIST_LIMIT}) AS top
       JOIN ${this.s}.hit_ids i ON i.kind = top.kind AND i.version = top.version AND i.token = top.token
       ORDER BY top.municipality_count DESC, top.last_seen DESC, top.token`,
      [query.kind ?? null, query.theme ?? null],
    );
    return result.rows.map((row) => ({
      id: row.id,
      kind: row.kind,
      themes: row.themes,
      municipalities: row.municipalities,
      firstSeen: row.first_seen.toISOString(),
      lastSeen: row.last_seen.toISOString(),
    }));
  }

  /** The signals carrying the hit's token, oldest first; undefined for an id that names no hit. */
  async signalsOf(hitId: string): Promise<HitSignal[] | undefined> {
    const hit = await this.pool.query(`SELECT 1 FROM ${this.s}.hit_ids WHERE id = $1`, [hitId]);
    if (hit.rowCount === 0) return undefined;
    const result = await this.pool.query<{ signal_id: string; municipality: string; theme: Theme; submitted_at: Date; sent_to_riec: boolean }>(
      `SELECT s.message_id AS signal_id, s.municipality, s.theme, s.submitted_at, (r.message_id IS NOT NULL) AS sent_to_riec
       FROM ${this.s}.hit_ids h
       JOIN ${this.s}.match_tokens m ON m.kind = h.kind AND m.version = h.version AND m.token = h.token
       JOIN ${this.s}.signal_facts s ON s.message_id = m.message_id
       LEFT JOIN ${this.s}.riec_envelopes r ON r.message_id = s.message_id
       WHERE h.id = $1
       ORDER BY s.submitted_at, s.message_id`,
      [hitId],
    );
    return result.rows.map((row) => ({ signalId: row.signal_id, municipality: row.municipality, theme: row.theme, submittedAt: row.submitted_at.toISOString(), sentToRiec: row.sent_to_riec }));
  }

  /** The hit's token, to name in a "verzoek om informatie" (the owner holds the identifier, the requester only this). */
  async tokenOf(hitId: string): Promise<HeaderMatchToken | undefined> {
    const result = await this.pool.query<HeaderMatchToken>(`SELECT kind, version, token FROM ${this.s}.hit_ids WHERE id = $1`, [hitId]);
    return result.rows[0];
  }
}
