/*
 * The permit registry's public register at scale (issue 11, acceptance 7): the register page (web, HTML),
 * the register as JSON (registry API) and "the register as it stood on day D" (registry API, a different
 * day each round), each next to a bare PostgreSQL query returning the same rows in the same run. Data
 * loaded with SQL (generate_series): BENCH_PERMITS permits (default 10,000) with their establishments and
 * public projection — most verleend, a tenth geschorst, a tenth ingetrokken within the publication term,
 * every one vervallen after its validity — in a bench-only schema dropped afterwards. The compiled
 * permit-registry and web run as processes, as in production (LOG_LEVEL info); no sign-in is involved.
 * Figures (p50/p99 ms, load seconds) merge into .bench/latest.json under `publicRegister`.
 *
 * Run (after `node scripts/build.mjs`): npx tsx --conditions=source bench/public-register.bench.ts
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { Agent, request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensurePartyKeys } from '@signaalhub/stack';
import { eventually, freePort, ServiceProcess } from '@signaalhub/test-infra';
import pg from 'pg';
import { measurePair, mergeBenchFigures, percentile } from './bench-figures.js';

const PERMITS = Number(process.env.BENCH_PERMITS ?? 10_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 60);
const WARM_UP = 5;
const PASSPHRASE = 'bench-passphrase';

const databaseUrl = process.env.DATABASE_URL ?? 'postgres://signaalhub@127.0.0.1:15432/signaalhub';
const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:16379';
const kafkaBrokers = process.env.KAFKA_BROKERS ?? '127.0.0.1:19092';
const run = `${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
const registrySchema = `bench_permits_${run}`;
const webSchema = `bench_web_${run}`;
const s = `"${registrySchema}"`;
const say = (line: string): void => {
  process.stdout.write(`${line}\n`);
};

const keysDir = mkdtempSync(join(tmpdir(), 'signaalhub-bench-keys-'));
ensurePartyKeys(keysDir, PASSPHRASE);
const database = new pg.Pool({ connectionString: databaseUrl, max: 2 });
const [registryPort, webPort] = [await freePort(), await freePort()];
const registryUrl = `http://127.0.0.1:${String(registryPort)}`;
const webUrl = `http://127.0.0.1:${String(webPort)}`;
const common = { REDIS_URL: redisUrl, DATABASE_URL: databaseUrl, IDENTITY_TOKEN_SECRET: randomBytes(32).toString('hex'), LOG_LEVEL: 'info' };
const processes = [
  ServiceProcess.start('permit-registry', {
    ...common,
    KAFKA_BROKERS: kafkaBrokers,
    KEYS_DIR: keysDir,
    HUB_KEY_PASSPHRASE: PASSPHRASE,
    PERMIT_REGISTRY_PORT: String(registryPort),
    PERMIT_REGISTRY_DATABASE_SCHEMA: registrySchema,
    PERMIT_REGISTRY_REPLAY_NAMESPACE: `bench-permits-${run.replaceAll('_', '-')}`,
  }),
];

async function ready(url: string): Promise<void> {
  await eventually(
    async () => {
      for (const child of processes) if (!child.running) throw new Error(`a service exited during start-up:\n${child.log}`);
      return (await fetch(`${url}/health/ready`).catch(() => undefined))?.ok ? true : undefined;
    },
    { timeoutMs: 120_000, what: `${url} to be ready`, intervalMs: 250 },
  );
}

/** The permits, their establishments and the public projection, as the registry's decisions would leave them. */
async function load(): Promise<number> {
  const started = performance.now();
  const series = `generate_series(1, ${String(PERMITS)}) AS i`;
  await database.query(`
    INSERT INTO ${s}.establishments (id, municipality, vestigingsnummer, kvk_token, address_token, trade_name, postcode, huisnummer, toevoeging,
      activities, particulars_sealed, registered_by_party, registered_by_user, registered_at)
    SELECT md5('est' || i)::uuid, 'soest', lpad(i::text, 12, '0'), md5('kvk' || i), md5('adr' || i), 'Autobedrijf ' || i,
      '37' || lpad((10 + i % 90)::text, 2, '0') || 'AB', 1 + i % 300, CASE WHEN i % 7 = 0 THEN 'A' END,
      '[{"activity":"handel","sbiCode":"45112"},{"activity":"reparatie","sbiCode":"45201"}]', 'sealed', 'gemeente-soest', 'bench', now()
    FROM ${series}`);
  await database.query(`
    INSERT INTO ${s}.applications (id, municipality, establishment_id, kind, received_on, decision_term_weeks, registered_by_party, registered_by_user, registered_at, updated_at)
    SELECT md5('app' || i)::uuid, 'soest', md5('est' || i)::uuid, 'nieuw', CURRENT_DATE - 1000, 8, 'gemeente-soest', 'bench', now(), now() FROM ${series}`);
  // valid from 100 to 900 days ago, for five years; a tenth suspended, a tenth revoked in the last 20 days.
  await database.query(`
    INSERT INTO ${s}.permits (id, application_id, municipality, establishment_id, status, permit_number, valid_from, valid_until, updated_at)
    SELECT md5('permit' || i)::uuid, md5('app' || i)::uuid, 'soest', md5('est' || i)::uuid,
      CASE i % 10 WHEN 0 THEN 'ingetrokken' WHEN 1 THEN 'geschorst' ELSE 'verleend' END, 'SOE-' || i,
      CURRENT_DATE - 100 - i % 800, CURRENT_DATE - 100 - i % 800 + 1825, now()
    FROM ${series}`);
  await database.query(`
    INSERT INTO ${s}.public_register_entries (permit_id, municipality, permit_number, trade_name, postcode, huisnummer, toevoeging, activities, valid_from, valid_until, published_on, ended_on)
    SELECT p.id, 'soest', p.permit_number, e.trade_name, e.postcode, e.huisnummer, e.toevoeging, '["handel","reparatie"]', p.valid_from, p.valid_until, p.valid_from,
      CASE WHEN p.status = 'ingetrokken' THEN CURRENT_DATE - (p.permit_number_n % 20) ELSE p.valid_until + 1 END
    FROM (SELECT *, substr(permit_number, 5)::int AS permit_number_n FROM ${s}.permits) p JOIN ${s}.establishments e ON e.id = p.establishment_id`);
  // Periods: verleend from the grant; then ingetrokken, or geschorst until the validity ends; vervallen after it.
  await database.query(`
    INSERT INTO ${s}.public_register_periods (permit_id, municipality, status, starts_on, ends_on)
    SELECT e.permit_id, 'soest', 'verleend', e.valid_from, CASE WHEN p.status = 'verleend' THEN e.valid_until + 1 ELSE CURRENT_DATE - (substr(e.permit_number, 5)::int % 20) END
    FROM ${s}.public_register_entries e JOIN ${s}.permits p ON p.id = e.permit_id;
    INSERT INTO ${s}.public_register_periods (permit_id, municipality, status, starts_on, ends_on)
    SELECT e.permit_id, 'soest', p.status, CURRENT_DATE - (substr(e.permit_number, 5)::int % 20), CASE WHEN p.status = 'geschorst' THEN e.valid_until + 1 END
    FROM ${s}.public_register_entries e JOIN ${s}.permits p ON p.id = e.permit_id WHERE p.status <> 'verleend';
    INSERT INTO ${s}.public_register_periods (permit_id, municipality, status, starts_on, ends_on)
    SELECT e.permit_id, 'soest', 'vervallen', e.valid_until + 1, NULL
    FROM ${s}.public_register_entries e JOIN ${s}.permits p ON p.id = e.permit_id WHERE p.status <> 'ingetrokken'`);
  await database.query(`ANALYZE ${s}.public_register_entries; ANALYZE ${s}.public_register_periods`);
  return (performance.now() - started) / 1000;
}

/** The rows the register of `day` shows, straight from the tables: what the service adds is everything else. */
const bareAsOf = (day: string): Promise<pg.QueryResult> =>
  database.query(
    `SELECT e.trade_name, e.postcode, e.huisnummer, e.toevoeging, e.activities, e.permit_number, e.valid_from, e.valid_until, p.status, e.published_on
     FROM ${s}.public_register_periods p JOIN ${s}.public_register_entries e ON e.permit_id = p.permit_id
     WHERE p.municipality = 'soest' AND p.starts_on <= $1 AND (p.ends_on IS NULL OR p.ends_on > $1)
       AND (e.ended_on IS NULL OR e.ended_on + 30 > CURRENT_DATE) ORDER BY e.trade_name, e.permit_number`,
    [day],
  );

const agent = new Agent({ keepAlive: true, maxSockets: 2 });
/** GET with node:http on a kept-alive connection; the body is read to its end. Answers the body's size. */
const get = (url: string): Promise<number> =>
  new Promise((resolve, reject) => {
    httpRequest(url, { agent }, (response) => {
      let size = 0;
      response.on('data', (chunk: Buffer) => (size += chunk.length));
      response.on('end', () => {
        if (response.statusCode === 200) resolve(size);
        else reject(new Error(`${url}: HTTP ${String(response.statusCode)}`));
      });
      response.on('error', reject);
    })
      .on('error', reject)
      .end();
  });



const figuresOf = (times: readonly number[]): { p50: number; p99: number } => ({ p50: Number(percentile(times, 50).toFixed(1)), p99: Number(percentile(times, 99).toFixed(1)) });
/** A different day each round, within the last 900 days. */
const dayOf = (round: number): string => new Date(Date.now() - ((round * 37) % 900) * 86_400_000).toISOString().slice(0, 10);
const today = new Date().toISOString().slice(0, 10);

try {
  await ready(registryUrl);
  processes.push(
    ServiceProcess.start('web', {
      ...common,
      WEB_PORT: String(webPort),
      WEB_DB_SCHEMA: webSchema,
      WEB_REDIS_PREFIX: `bench-web-${run.replaceAll('_', '-')}`.slice(0, 40),
      SEED_DEMO_USERS: 'true',
      DEMO_PASSWORD: randomBytes(12).toString('hex'),
      PERMIT_REGISTRY_URL: registryUrl,
      SERVICE_TIMEOUT_MS: '60000',
    }),
  );
  say(`loading ${PERMITS.toLocaleString('en')} permits into ${registrySchema}…`);
  const loadSeconds = await load();
  say(`loaded in ${loadSeconds.toFixed(1)} s`);
  await ready(webUrl);
  const shown = (await bareAsOf(today)).rowCount ?? 0;
  const pageBytes = await get(`${webUrl}/openbaar-register/soest`);
  say(`the register today: ${String(shown)} permits, page ${String(Math.round(pageBytes / 1024))} KiB`);

  const page = await measurePair({ warmUp: WARM_UP, counted: ROUNDS }, () => get(`${webUrl}/openbaar-register/soest`), () => bareAsOf(today));
  const json = await measurePair({ warmUp: WARM_UP, counted: ROUNDS }, () => get(`${registryUrl}/api/public-register/soest`), () => bareAsOf(today));
  const asOf = await measurePair(
    { warmUp: WARM_UP, counted: ROUNDS },
    (round) => get(`${registryUrl}/api/public-register/soest?date=${dayOf(round)}`),
    (round) => bareAsOf(dayOf(round)),
  );
  const figures = {
    permits: PERMITS,
    shownToday: shown,
    rounds: ROUNDS,
    loadSeconds: Number(loadSeconds.toFixed(1)),
    registerPageMs: figuresOf(page.service),
    bareQueryBesidePageMs: figuresOf(page.bare),
    registerJsonMs: figuresOf(json.service),
    bareQueryBesideJsonMs: figuresOf(json.bare),
    registerOnDateMs: figuresOf(asOf.service),
    bareQueryOnDateMs: figuresOf(asOf.bare),
  };
  say(JSON.stringify(figures, null, 2));
  await mergeBenchFigures('publicRegister', figures);
} finally {
  agent.destroy();
  for (const child of processes) child.stop('SIGTERM');
  await Promise.race([Promise.all(processes.map((child) => child.exited)), new Promise((resolve) => setTimeout(resolve, 15_000).unref())]);
  for (const child of processes) if (child.running) child.stop('SIGKILL');
  await database.query(`DROP SCHEMA IF EXISTS ${s} CASCADE; DROP SCHEMA IF EXISTS "${webSchema}" CASCADE`).catch(() => undefined);
  await database.end();
  rmSync(keysDir, { recursive: true, force: true });
}
