/*
 * The BIBOB pool at scale (issue 10, acceptance 7): the pool overview (a municipality's screening list
 * with its alerts, as the service reads it) and the hit lookup (a business's and a person's match tokens
 * counted per municipality and theme), each next to a bare indexed PostgreSQL query on the same data in
 * the same run. Data loaded with SQL (generate_series): BENCH_SCREENINGS screenings (default 100,000) and
 * BENCH_TOKENS stored tokens (default 10,000,000, five per signal header), in a bench-only schema that is
 * dropped afterwards. Figures (p50/p99 ms, load seconds) merge into .bench/latest.json under `bibobPool`.
 *
 * Run: npx tsx --conditions=source bench/bibob-pool.bench.ts
 */
import { randomBytes } from 'node:crypto';
import { DEFAULT_MUNICIPALITIES, type HeaderMatchToken } from '@signaalhub/contracts';
import { MatchTokenStore } from '@signaalhub/matching';
import { runMigrations } from '@signaalhub/database';
import pg from 'pg';
import { AlertStore } from '../services/bibob/src/alerts/alert-store.js';
import { BIBOB_MIGRATIONS } from '../services/bibob/src/database/migrations.js';
import { ScreeningStore } from '../services/bibob/src/screenings/screening-store.js';
import { measurePair, mergeBenchFigures, percentile } from './bench-figures.js';

const SCREENINGS = Number(process.env.BENCH_SCREENINGS ?? 100_000);
const TOKENS = Number(process.env.BENCH_TOKENS ?? 10_000_000);
const TOKENS_PER_SIGNAL = 5;
/** Distinct identifiers per token kind: a business or person recurs in a few signals, as in practice. */
const DISTINCT_SUBJECTS = Math.max(1, Math.floor(TOKENS / TOKENS_PER_SIGNAL / 3));
const ROUNDS = 400;
const WARM_UP = 40;

const databaseUrl = process.env.DATABASE_URL ?? 'postgres://signaalhub@127.0.0.1:15432/signaalhub';
const schema = `bench_bibob_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
const municipalities = DEFAULT_MUNICIPALITIES.map((municipality) => municipality.id);
const say = (line: string): void => {
  process.stdout.write(`${line}\n`);
};

const pool = new pg.Pool({ connectionString: databaseUrl, max: 4 });
await runMigrations(pool, { schema, migrations: BIBOB_MIGRATIONS });
const s = `"${schema}"`;

/** SQL of the token the loader writes for subject `n` of a kind (md5 stands in for the HMAC: same length and spread). */
const tokenSql = (kind: string, n: string): string => `md5(${kind} || ':' || ${n}) || md5(${kind} || '#' || ${n})`;

async function load(): Promise<number> {
  const started = performance.now();
  const municipalityList = `ARRAY[${municipalities.map((m) => `'${m}'`).join(',')}]`;
  await pool.query(`
    INSERT INTO ${s}.screenings (id, municipality, kind, phase, assignee, requested_by_party, received_on, decision_term_weeks,
      application_sealed, applicant_token, opened_at, updated_at)
    SELECT md5('screening' || i)::uuid, (${municipalityList})[1 + i % ${municipalities.length}], 'autobranche',
      (ARRAY['ontvangen','eigen-onderzoek','aanvulling-gevraagd','lbb-advies-gevraagd','risicoconclusie','advies-bestuursorgaan','afgesloten'])[1 + i % 7],
      'coordinator-' || (i % 12), 'bibob-pool-bes', DATE '2024-01-01' + (i % 700), 8, 'sealed', ${tokenSql("'kvk'", `(i % ${DISTINCT_SUBJECTS})`)},
      now() - make_interval(mins => i), now() - make_interval(mins => i)
    FROM generate_series(1, ${SCREENINGS}) AS i`);
  await pool.query(`
    INSERT INTO ${s}.screening_alerts (screening_id, deadline, deadline_date, moment, fired_at)
    SELECT md5('screening' || i)::uuid, 'uitersteBeslisdatum', DATE '2026-01-01', 'verstreken', now()
    FROM generate_series(1, ${SCREENINGS}, 10) AS i`);
  // Indexes built once after the rows, as a restore would: far faster than 10M maintained inserts.
  await pool.query(`ALTER TABLE ${s}.match_tokens DROP CONSTRAINT match_tokens_pkey; DROP INDEX ${s}.match_tokens_by_token`);
  const signals = Math.ceil(TOKENS / TOKENS_PER_SIGNAL);
  await pool.query(`
    INSERT INTO ${s}.match_tokens (message_id, municipality, theme, kind, version, token)
    SELECT md5('signal' || g)::uuid, (${municipalityList})[1 + g % ${municipalities.length}],
      (ARRAY['autobranche','horeca','vastgoed','arbeidsuitbuiting'])[1 + g % 4], k.kind, 1,
      ${tokenSql('k.kind', `((g::bigint * 7919 + k.n) % ${DISTINCT_SUBJECTS})`)}
    FROM generate_series(1, ${signals}) AS g
    CROSS JOIN (VALUES ('kvk', 1), ('person', 2), ('person', 3), ('address', 4), ('kenteken', 5)) AS k(kind, n)`);
  await pool.query(`ALTER TABLE ${s}.match_tokens ADD PRIMARY KEY (message_id, kind, version, token)`);
  await pool.query(`CREATE INDEX match_tokens_by_token ON ${s}.match_tokens (kind, version, token)`);
  await pool.query(`ANALYZE ${s}.screenings; ANALYZE ${s}.match_tokens; ANALYZE ${s}.screening_alerts`);
  return (performance.now() - started) / 1000;
}



const figuresOf = (times: readonly number[]): { p50: number; p99: number } => ({ p50: percentile(times, 50), p99: percentile(times, 99) });

try {
  say(`loading ${SCREENINGS.toLocaleString('en')} screenings and ${TOKENS.toLocaleString('en')} tokens into ${schema}…`);
  const loadSeconds = await load();
  say(`loaded in ${loadSeconds.toFixed(1)} s`);

  const store = new ScreeningStore(pool, schema);
  const alerts = new AlertStore(pool, schema);
  const overview = await measurePair(
    { warmUp: WARM_UP, counted: ROUNDS },
    async (round) => {
      const screenings = await store.list({ municipality: municipalities[round % municipalities.length] ?? 'soest' });
      await alerts.alertsOf(screenings.map((screening) => screening.id));
    },
    (round) =>
      pool.query(`SELECT id, phase, assignee FROM ${s}.screenings WHERE municipality = $1 AND phase <> 'afgesloten' ORDER BY opened_at LIMIT 1000`, [
        municipalities[round % municipalities.length],
      ]),
  );

  const tokens = new MatchTokenStore(pool, schema);
  const subjectToken = async (kind: string, n: number): Promise<HeaderMatchToken> => {
    const result = await pool.query<{ token: string }>(`SELECT ${tokenSql('$1::text', '$2::int')} AS token`, [kind, n]);
    return { kind: kind as HeaderMatchToken['kind'], version: 1, token: result.rows[0]?.token ?? '' };
  };
  const subjects = await Promise.all(
    Array.from({ length: 50 }, async (_, i) => ({ business: await subjectToken('kvk', (i * 104_729) % DISTINCT_SUBJECTS), person: await subjectToken('person', (i * 7_919) % DISTINCT_SUBJECTS) })),
  );
  const subjectOf = (round: number): (typeof subjects)[number] => subjects[round % subjects.length] ?? (subjects[0] as (typeof subjects)[number]);
  const hitLookup = await measurePair(
    { warmUp: WARM_UP, counted: ROUNDS },
    async (round) => {
      const { business, person } = subjectOf(round);
      await Promise.all([tokens.hitsOfTokens([business]), tokens.hitsOfTokens([person])]);
    },
    async (round) => {
      const { business, person } = subjectOf(round);
      await Promise.all(
        [business, person].map((token) =>
          pool.query(`SELECT count(DISTINCT message_id) FROM ${s}.match_tokens WHERE kind = $1 AND version = 1 AND token = $2`, [token.kind, token.token]),
        ),
      );
    },
  );

  const figures = {
    screenings: SCREENINGS,
    tokens: TOKENS,
    loadSeconds: Number(loadSeconds.toFixed(1)),
    poolOverviewMs: figuresOf(overview.service),
    bareOverviewQueryMs: figuresOf(overview.bare),
    hitLookupMs: figuresOf(hitLookup.service),
    bareHitQueryMs: figuresOf(hitLookup.bare),
  };
  say(JSON.stringify(figures, null, 2));
  await mergeBenchFigures('bibobPool', figures);
} finally {
  await pool.query(`DROP SCHEMA ${s} CASCADE`);
  await pool.end();
}
