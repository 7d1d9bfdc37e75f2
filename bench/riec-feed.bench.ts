/*
 * The RIEC feed at scale (issue 12, acceptance 7, the query half): the dashboard query (a year of monthly signal
 * counts per theme and municipality, as a release reads them from the projections) over BENCH_FEED_SIGNALS signals
 * (default 1,000,000), and the cross-municipality hit list (the service's HitStore.list) over BENCH_FEED_TOKENS
 * match tokens (default 10,000,000, five per signal), each next to a bare PostgreSQL query on the same rows in the
 * same run: the dashboard beside a GROUP BY over the signal facts, the hit list (at most HIT_LIST_LIMIT) beside the
 * bare query of the same rows from the per-token summary, and — what the summary saves — the plain GROUP BY … HAVING
 * over match_tokens that the list computed on every request before 0006_hit_summary (a few rounds: it takes seconds).
 * Loaded with SQL (generate_series) into a bench-only feed schema (the feed's own migrations), dropped afterwards;
 * the per-token hit summary is loaded from those tokens as the feed would have kept it while they arrived (the
 * grouping 0006's backfill does). Figures (p50/p99 ms and ratios) merge into .bench/latest.json under `riecFeed`.
 *
 * Run: npx tsx --conditions=source bench/riec-feed.bench.ts
 */
import { randomBytes } from 'node:crypto';
import { DEFAULT_MUNICIPALITIES, HIT_LIST_LIMIT, THEMES } from '@signaalhub/contracts';
import { runMigrations } from '@signaalhub/database';
import pg from 'pg';
import { RIEC_FEED_MIGRATIONS } from '../services/riec-feed/src/database/migrations.js';
import { HitStore } from '../services/riec-feed/src/hits/hit-store.js';
import { measurePair, median, mergeBenchFigures, percentile } from './bench-figures.js';

const SIGNALS = Number(process.env.BENCH_FEED_SIGNALS ?? 1_000_000);
const TOKENS = Number(process.env.BENCH_FEED_TOKENS ?? 10_000_000);
const TOKENS_PER_SIGNAL = 5;
/**
 * As in a region's real data, most identifiers turn up in one signal only: the token of every slot of a signal is
 * its own, except in one signal of every RECURRING_EVERY (a prime, so those signals spread over all municipalities),
 * whose slots draw from RECURRING_SUBJECTS identifiers per kind that recur across municipalities — about
 * 4 × RECURRING_SUBJECTS hits. Only the first SIGNALS token rows recur, so a signal's second round of rows (when
 * TOKENS > SIGNALS × 5) never repeats a token of its first.
 */
const RECURRING_EVERY = 47;
const recurringSubjects = Math.max(2, Math.floor(Math.min(SIGNALS, TOKENS / TOKENS_PER_SIGNAL) / RECURRING_EVERY / 5));
// Not a multiple of the five municipalities, or each identifier would recur in one municipality only.
const RECURRING_SUBJECTS = recurringSubjects % 5 === 0 ? recurringSubjects + 1 : recurringSubjects;
const DASHBOARD_ROUNDS = Number(process.env.BENCH_FEED_DASHBOARD_ROUNDS ?? 200);
const HIT_ROUNDS = Number(process.env.BENCH_FEED_HIT_ROUNDS ?? 200);
const GROUP_BY_ROUNDS = Number(process.env.BENCH_FEED_GROUP_BY_ROUNDS ?? 3);
const WARM_UP = 2;

const databaseUrl = process.env.DATABASE_URL ?? 'postgres://signaalhub@127.0.0.1:15432/signaalhub';
const schema = `bench_feed_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
const municipalities = DEFAULT_MUNICIPALITIES.map((municipality) => municipality.id);
const say = (line: string): void => {
  process.stdout.write(`${line}\n`);
};

const pool = new pg.Pool({ connectionString: databaseUrl, max: 4 });
await runMigrations(pool, { schema, migrations: RIEC_FEED_MIGRATIONS });
const s = `"${schema}"`;
const list = (values: readonly string[]): string => `ARRAY[${values.map((value) => `'${value}'`).join(',')}]`;

async function load(): Promise<number> {
  const started = performance.now();
  // A signal every few minutes over the last two years, spread over municipalities and themes.
  await pool.query(`
    INSERT INTO ${s}.signal_facts (message_id, municipality, theme, submitted_at)
    SELECT md5('signal' || g)::uuid, (${list(municipalities)})[1 + g % ${municipalities.length}], (${list(THEMES)})[1 + (g / 7) % ${THEMES.length}],
           now() - make_interval(secs => (g::double precision * 730 * 86400 / ${SIGNALS}))
    FROM generate_series(1, ${SIGNALS}) AS g`);
  // The projections' monthly cells, as the feed would have counted these signals (Europe/Amsterdam months).
  await pool.query(`
    INSERT INTO ${s}.counts (measure, dimension, municipality, period_kind, period, count)
    SELECT 'signals', theme, municipality, 'month', to_char(submitted_at AT TIME ZONE 'Europe/Amsterdam', 'YYYY-MM'), count(*)
    FROM ${s}.signal_facts GROUP BY 2, 3, 5`);
  await pool.query(`ALTER TABLE ${s}.match_tokens DROP CONSTRAINT match_tokens_pkey; DROP INDEX ${s}.match_tokens_by_token`);
  const signalsWithTokens = Math.ceil(TOKENS / TOKENS_PER_SIGNAL);
  await pool.query(`
    INSERT INTO ${s}.match_tokens (message_id, municipality, theme, kind, version, token)
    SELECT md5('signal' || (1 + g % ${SIGNALS}))::uuid, (${list(municipalities)})[1 + (1 + g % ${SIGNALS}) % ${municipalities.length}],
           (${list(THEMES)})[1 + ((1 + g % ${SIGNALS}) / 7) % ${THEMES.length}], k.kind, 2,
           md5(k.kind || ':' || subject.id) || md5(k.kind || '#' || subject.id)
    FROM generate_series(1, ${signalsWithTokens}) AS g
    CROSS JOIN (VALUES ('kvk', 1), ('person', 2), ('kenteken', 3), ('address', 4), ('person', 5)) AS k(kind, n)
    CROSS JOIN LATERAL (SELECT CASE WHEN g % ${RECURRING_EVERY} = 0 AND g <= ${SIGNALS} THEN 'r' || ((g / ${RECURRING_EVERY} + k.n) % ${RECURRING_SUBJECTS})
                                    ELSE 'u' || g || '-' || k.n END AS id) AS subject`);
  await pool.query(`ALTER TABLE ${s}.match_tokens ADD PRIMARY KEY (message_id, kind, version, token)`);
  await pool.query(`CREATE INDEX match_tokens_by_token ON ${s}.match_tokens (kind, version, token)`);
  await pool.query(`ANALYZE ${s}.signal_facts; ANALYZE ${s}.counts; ANALYZE ${s}.match_tokens`);
  return (performance.now() - started) / 1000;
}

/** The per-token summary and the hits' ids the feed keeps as signals arrive (HitSummary), loaded in one go from the tokens. */
async function loadSummary(): Promise<number> {
  const started = performance.now();
  await pool.query(`ALTER TABLE ${s}.hit_summary DROP CONSTRAINT hit_summary_pkey; DROP INDEX ${s}.hit_summary_hits`);
  await pool.query(`
    INSERT INTO ${s}.hit_summary (kind, version, token, municipalities, themes, first_seen, last_seen)
    SELECT m.kind, m.version, m.token, array_agg(DISTINCT m.municipality ORDER BY m.municipality),
           COALESCE(array_agg(DISTINCT m.theme ORDER BY m.theme) FILTER (WHERE m.theme IS NOT NULL), '{}'),
           min(f.submitted_at), max(f.submitted_at)
    FROM ${s}.match_tokens m JOIN ${s}.signal_facts f ON f.message_id = m.message_id
    GROUP BY m.kind, m.version, m.token`);
  await pool.query(`ALTER TABLE ${s}.hit_summary ADD PRIMARY KEY (kind, version, token)`);
  await pool.query(`CREATE INDEX hit_summary_hits ON ${s}.hit_summary (municipality_count DESC, last_seen DESC) WHERE municipality_count >= 2`);
  await pool.query(`INSERT INTO ${s}.hit_ids (kind, version, token, id) SELECT kind, version, token, gen_random_uuid() FROM ${s}.hit_summary WHERE municipality_count >= 2`);
  await pool.query(`ANALYZE ${s}.hit_summary; ANALYZE ${s}.hit_ids`);
  return (performance.now() - started) / 1000;
}


const figuresOf = (times: readonly number[]): { p50: number; p99: number } => ({ p50: Number(percentile(times, 50).toFixed(2)), p99: Number(percentile(times, 99).toFixed(2)) });
const ratio = (service: readonly number[], bare: readonly number[]): number => Number((percentile(service, 50) / Math.max(percentile(bare, 50), 1e-6)).toPrecision(2));

try {
  say(`loading ${SIGNALS.toLocaleString('en')} signals and ${TOKENS.toLocaleString('en')} match tokens into ${schema}…`);
  const loadSeconds = await load();
  say(`loaded in ${loadSeconds.toFixed(1)} s`);
  const summaryLoadSeconds = await loadSummary();
  const summaryRows = (await pool.query<{ rows: number }>(`SELECT count(*)::int AS rows FROM ${s}.hit_summary`)).rows[0]?.rows ?? 0;
  say(`hit summary (${summaryRows.toLocaleString('en')} tokens) loaded in ${summaryLoadSeconds.toFixed(1)} s`);

  const months = (await pool.query<{ period: string }>(`SELECT DISTINCT period FROM ${s}.counts ORDER BY period DESC LIMIT 12`)).rows.map(({ period }) => period);
  const since = `${[...months].sort()[0] ?? '2000-01'}-01`;
  const dashboard = await measurePair(
    { warmUp: WARM_UP, counted: DASHBOARD_ROUNDS },
    () =>
      pool.query(
        `SELECT period, dimension AS theme, municipality, count FROM ${s}.counts
          WHERE measure = 'signals' AND period_kind = 'month' AND period = ANY($1::text[])`,
        [months],
      ),
    () =>
      pool.query(
        `SELECT to_char(submitted_at AT TIME ZONE 'Europe/Amsterdam', 'YYYY-MM') AS period, theme, municipality, count(*)
           FROM ${s}.signal_facts WHERE submitted_at >= $1::date GROUP BY 1, 2, 3`,
        [since],
      ),
  );

  const hits = new HitStore(pool, schema);
  // The service's list next to the bare query that gives the same rows from the same summary.
  const hitList = await measurePair(
    { warmUp: WARM_UP, counted: HIT_ROUNDS },
    () => hits.list({}),
    () =>
      pool.query(`SELECT kind, themes, municipality_count, first_seen, last_seen FROM ${s}.hit_summary
                   WHERE municipality_count >= 2 ORDER BY municipality_count DESC, last_seen DESC LIMIT ${HIT_LIST_LIMIT}`),
  );
  // What the summary saves: the same hits grouped from the 10 million token rows on every request, as before 0006.
  const groupByTimes: number[] = [];
  for (let round = 0; round < GROUP_BY_ROUNDS; round += 1) {
    const started = performance.now();
    await pool.query(`SELECT kind, version, token, count(DISTINCT municipality) AS municipalities
                        FROM ${s}.match_tokens GROUP BY kind, version, token HAVING count(DISTINCT municipality) >= 2`);
    groupByTimes.push(performance.now() - started);
  }
  const hitCount = (await pool.query<{ hits: number }>(`SELECT count(*)::int AS hits FROM ${s}.hit_summary WHERE municipality_count >= 2`)).rows[0]?.hits ?? 0;

  const figures = {
    signals: SIGNALS,
    tokens: TOKENS,
    hits: hitCount,
    loadSeconds: Number(loadSeconds.toFixed(1)),
    summaryLoadSeconds: Number(summaryLoadSeconds.toFixed(1)),
    summaryRows,
    dashboardMs: figuresOf(dashboard.service),
    bareDashboardGroupByMs: figuresOf(dashboard.bare),
    dashboardRatioP50: ratio(dashboard.service, dashboard.bare),
    listedHits: HIT_LIST_LIMIT,
    hitListMs: figuresOf(hitList.service),
    bareHitSummaryQueryMs: figuresOf(hitList.bare),
    hitListRatioP50: ratio(hitList.service, hitList.bare),
    groupedOnEveryRequestMedianMs: Number(median(groupByTimes).toFixed(0)),
  };
  say(JSON.stringify(figures, null, 2));
  await mergeBenchFigures('riecFeed', figures);
} finally {
  await pool.query(`DROP SCHEMA ${s} CASCADE`);
  await pool.end();
}
