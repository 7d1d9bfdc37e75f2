import { randomUUID } from 'node:crypto';
import { EventTypes, HIT_LIST_LIMIT } from '@signaalhub/contracts';
import { runMigrations } from '@signaalhub/database';
import type { MatchTokenSubject } from '@signaalhub/envelope';
import { testInfrastructure, uniqueName } from '@signaalhub/test-infra';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RiecFeedService } from '../src/composition.js';
import type { RiecFeedConfig } from '../src/config.js';
import { RIEC_FEED_MIGRATIONS } from '../src/database/migrations.js';
import { HitStore } from '../src/hits/hit-store.js';
import { HitSummary } from '../src/hits/hit-summary.js';
import { busMessage, sealSignal } from './support/feed-events.js';
import { testParts } from './support/running-feed.js';

const kvk = (kvkNumber: string): MatchTokenSubject => ({ kind: 'kvk', kvkNumber });

/** The summary as the list used to compute it on every request: match_tokens with signal_facts, grouped per token. */
const RECOMPUTED = (s: string): string => `
  SELECT m.kind, m.version, m.token,
         array_agg(DISTINCT m.municipality ORDER BY m.municipality) AS municipalities,
         count(DISTINCT m.municipality)::int AS municipality_count,
         COALESCE(array_agg(DISTINCT m.theme ORDER BY m.theme) FILTER (WHERE m.theme IS NOT NULL), '{}') AS themes,
         min(f.submitted_at) AS first_seen, max(f.submitted_at) AS last_seen
  FROM ${s}.match_tokens m JOIN ${s}.signal_facts f ON f.message_id = m.message_id
  GROUP BY m.kind, m.version, m.token ORDER BY m.kind, m.version, m.token`;
const STORED = (s: string): string => `
  SELECT kind, version, token, municipalities, municipality_count, themes, first_seen, last_seen
  FROM ${s}.hit_summary ORDER BY kind, version, token`;

describe(HitSummary.name, () => {
  let parts: RiecFeedService;
  let config: RiecFeedConfig;
  const s = (): string => `"${config.RIEC_FEED_DATABASE_SCHEMA}"`;

  beforeAll(async () => {
    ({ parts, config } = await testParts());
  });

  afterAll(() => parts.close());

  async function receive(signal: Awaited<ReturnType<typeof sealSignal>>, offset: number): Promise<string> {
    return parts.projections.receive(EventTypes.signalSubmitted, busMessage(signal, offset));
  }

  it('is kept as signals arrive: what the old per-request aggregation gave, with a historical import counted on its report day', async () => {
    const signals = [
      await sealSignal({ municipality: 'baarn', theme: 'horeca', subjects: [kvk('11112222'), kvk('33334444')], at: new Date('2026-06-10T08:00:00Z') }),
      // Imported today, reported in 2024: first seen is its report day (noon UTC), as signal_facts has it.
      await sealSignal({ municipality: 'eemnes', theme: 'horeca', subjects: [kvk('11112222')], at: new Date('2026-06-13T08:00:00Z'), reportedOn: '2024-03-05' }),
      await sealSignal({ municipality: 'soest', theme: 'vastgoed', subjects: [kvk('1111 2222')], at: new Date('2026-06-12T08:00:00Z') }),
      // Arrives after a later one: first and last seen are the extremes, not the latest arrival.
      await sealSignal({ municipality: 'soest', theme: 'horeca', subjects: [kvk('11112222')], at: new Date('2026-06-11T08:00:00Z') }),
      // A signal without tokens leaves the summary alone.
      await sealSignal({ municipality: 'de-bilt', theme: 'overig', at: new Date('2026-06-14T08:00:00Z') }),
    ];
    for (const [index, signal] of signals.entries()) expect(await receive(signal, index)).toBe('applied');

    const stored = await parts.postgres.query(STORED(s()));
    expect(stored.rows).toEqual((await parts.postgres.query(RECOMPUTED(s()))).rows);
    expect(stored.rows.map(({ municipalities, themes, first_seen: first, last_seen: last }: { municipalities: string[]; themes: string[]; first_seen: Date; last_seen: Date }) => ({ municipalities, themes, first: first.toISOString(), last: last.toISOString() }))).toEqual(
      expect.arrayContaining([
        { municipalities: ['baarn', 'eemnes', 'soest'], themes: ['horeca', 'vastgoed'], first: '2024-03-05T12:00:00.000Z', last: '2026-06-12T08:00:00.000Z' },
        { municipalities: ['baarn'], themes: ['horeca'], first: '2026-06-10T08:00:00.000Z', last: '2026-06-10T08:00:00.000Z' },
      ]),
    );
    expect(stored.rowCount).toBe(2);
    // The hit (three municipalities) was named when it became one; the token seen in Baarn alone was not.
    const named = await parts.postgres.query<{ municipality_count: number }>(
      `SELECT h.municipality_count FROM ${s()}.hit_ids i JOIN ${s()}.hit_summary h USING (kind, version, token)`,
    );
    expect(named.rows).toEqual([{ municipality_count: 3 }]);
  });

  it('changes nothing when a signal is delivered again', async () => {
    const signal = await sealSignal({ municipality: 'bunschoten', theme: 'autobranche', subjects: [kvk('11112222')], at: new Date('2026-07-01T08:00:00Z') });
    expect(await receive(signal, 10)).toBe('applied');
    const before = (await parts.postgres.query(STORED(s()))).rows;

    expect(await receive(signal, 11)).toBe('duplicate');

    expect((await parts.postgres.query(STORED(s()))).rows).toEqual(before);
    expect(before).toEqual((await parts.postgres.query(RECOMPUTED(s()))).rows);
  });

  it('lists at most HIT_LIST_LIMIT hits: those in the most municipalities, the most recently seen first', async () => {
    // Summary rows as the feed keeps them, loaded with SQL: 1,200 hits in two municipalities, one in three.
    await parts.postgres.query(`
      INSERT INTO ${s()}.hit_summary (kind, version, token, municipalities, themes, first_seen, last_seen)
      SELECT 'kenteken', 1, md5('limit' || g), ARRAY['baarn', 'soest'], ARRAY['autobranche'], now() - interval '30 days', now() - make_interval(mins => g)
      FROM generate_series(1, 1200) AS g`);
    await parts.postgres.query(`
      INSERT INTO ${s()}.hit_summary (kind, version, token, municipalities, themes, first_seen, last_seen)
      VALUES ('kenteken', 1, md5('limit-three'), ARRAY['baarn', 'eemnes', 'soest'], ARRAY['autobranche'], now() - interval '30 days', now() - interval '40 days')`);
    // Each with its id, as the feed gives a token one when it becomes a hit.
    await parts.postgres.query(`INSERT INTO ${s()}.hit_ids (kind, version, token, id) SELECT kind, version, token, gen_random_uuid() FROM ${s()}.hit_summary WHERE municipality_count >= 2 ON CONFLICT DO NOTHING`);
    const listed = await new HitStore(parts.postgres, config.RIEC_FEED_DATABASE_SCHEMA).list({ kind: 'kenteken' });
    expect(listed).toHaveLength(HIT_LIST_LIMIT);
    expect(listed[0]?.municipalities).toBe(3);
    const lastSeen = listed.slice(1).map((hit) => hit.lastSeen);
    expect(lastSeen).toEqual([...lastSeen].sort().reverse());
  });
});

describe('0006_hit_summary', () => {
  const pool = new pg.Pool({ connectionString: testInfrastructure().databaseUrl, max: 2 });
  const schema = uniqueName('riec_feed_0006').replaceAll('-', '_');
  const s = `"${schema}"`;

  afterAll(async () => {
    await pool.query(`DROP SCHEMA IF EXISTS ${s} CASCADE`);
    await pool.end();
  });

  it('backfills the summary from the tokens of counted signals and drops the tokens of a signal whose projection never committed', async () => {
    const upTo0005 = RIEC_FEED_MIGRATIONS.filter((step) => step.name < '0006');
    expect(await runMigrations(pool, { schema, migrations: upTo0005 })).toHaveLength(5);
    const [baarn, soest, soestWithoutTheme, orphan] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
    await pool.query(
      `INSERT INTO ${s}.signal_facts (message_id, municipality, theme, submitted_at) VALUES
         ($1, 'baarn', 'horeca', '2026-01-02T10:00:00Z'), ($2, 'soest', 'vastgoed', '2026-03-04T10:00:00Z'), ($3, 'soest', 'horeca', '2025-12-31T10:00:00Z')`,
      [baarn, soest, soestWithoutTheme],
    );
    await pool.query(
      `INSERT INTO ${s}.match_tokens (message_id, municipality, theme, kind, version, token) VALUES
         ($1, 'baarn', 'horeca', 'kvk', 1, 'shared'), ($1, 'baarn', 'horeca', 'address', 1, 'alone'),
         ($2, 'soest', 'vastgoed', 'kvk', 1, 'shared'), ($3, 'soest', NULL, 'kvk', 1, 'shared'),
         ($4, 'eemnes', 'overig', 'kvk', 1, 'shared')`,
      [baarn, soest, soestWithoutTheme, orphan],
    );

    expect(await runMigrations(pool, { schema, migrations: RIEC_FEED_MIGRATIONS })).toContain('0006_hit_summary');

    const summary = await pool.query<{ kind: string; token: string; municipalities: string[]; municipality_count: number; themes: string[]; first_seen: Date; last_seen: Date }>(STORED(s));
    expect(summary.rows.map((row) => ({ ...row, first_seen: row.first_seen.toISOString(), last_seen: row.last_seen.toISOString() }))).toEqual([
      { kind: 'address', version: 1, token: 'alone', municipalities: ['baarn'], municipality_count: 1, themes: ['horeca'], first_seen: '2026-01-02T10:00:00.000Z', last_seen: '2026-01-02T10:00:00.000Z' },
      { kind: 'kvk', version: 1, token: 'shared', municipalities: ['baarn', 'soest'], municipality_count: 2, themes: ['horeca', 'vastgoed'], first_seen: '2025-12-31T10:00:00.000Z', last_seen: '2026-03-04T10:00:00.000Z' },
    ]);
    const orphans = await pool.query(`SELECT 1 FROM ${s}.match_tokens WHERE message_id = $1`, [orphan]);
    expect(orphans.rowCount).toBe(0);
  });
});
