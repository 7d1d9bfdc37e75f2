import { randomUUID } from 'node:crypto';
import type { ApplicationDetail, ApplicationSummary, EstablishmentSummary } from '@signaalhub/contracts';
import { REPLAY_KEY_PREFIX } from '@signaalhub/envelope';
import { eventually, testInfrastructure, type RunningService } from '@signaalhub/test-infra';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PoolSide } from '../../services/permit-registry/test/support/pool-side.js';
import { registration, soestOfficer, startRegistry } from '../../services/permit-registry/test/support/running-registry.js';

/*
 * DESIGN.md §8.3 and issue 11 acceptance 3 for the permit registry's own stores: the people of an
 * establishment, its KvK number, what was missing, the Bibob conclusion, the conditions that came from it,
 * every reason — planted as canaries — appear in no clear column of the registry's store, in no Kafka key or
 * envelope header or value it published (its outbox rows are exactly what its relay sent), in no Redis key
 * or value of its replay namespace, and in no log line (trace level). Trade name and address are public by
 * design and not canaries. The shared broker carries other tests' messages, so the registry's own messages
 * are taken from its outbox. The public register (JSON and CSV, today and as it stood on the grant day, with
 * the revoked permit still in its publication term) is scanned too; its HTML is scanned by the web's
 * browser test (services/web/test/public-register.e2e.test.ts).
 */

const KVK = '71846203';
const CANARIES = [
  'Kanarina Registra',
  'Registra',
  'Kanarina',
  '1968-09-24',
  '24-09-1968',
  '19680924',
  KVK,
  'Ontbrekend Distelvink',
  'Conclusie Goudvink',
  'Voorwaarde Kramsvogel',
  'Motivering Boomklever',
  'mindere-mate',
  'mindere mate',
  '"level":"',
];

function canaryPattern(canary: string): RegExp {
  const escaped = canary.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return canary.length <= 10 ? new RegExp(`(?<![A-Za-z0-9])${escaped}(?![A-Za-z0-9])`, 'i') : new RegExp(escaped, 'i');
}
const PATTERNS = CANARIES.map((canary) => ({ canary, pattern: canaryPattern(canary) }));
const leaksIn = (where: string, text: string): string[] => PATTERNS.filter(({ pattern }) => pattern.test(text)).map(({ canary }) => `${canary} in ${where}`);

const day = (offset: number): string => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

describe('planted registry data across the registry store, its Kafka messages, Redis and logs', () => {
  const redis = new Redis(testInfrastructure().redisUrl, { lazyConnect: true, maxRetriesPerRequest: 3 });
  let sut: RunningService;
  let pool: PoolSide;

  beforeAll(async () => {
    await redis.connect();
    [sut, pool] = await Promise.all([startRegistry({ LOG_LEVEL: 'trace' }), PoolSide.connect()]);
  });

  afterAll(async () => {
    await pool.close();
    await sut.stop();
    redis.disconnect();
  });

  it('finds no canary outside sealed columns and envelope bodies', { timeout: 240_000 }, async () => {
    const officer = soestOfficer();
    const body = registration({ kvkNumber: KVK, people: [{ name: 'Kanarina Registra', birthDate: '1968-09-24', role: 'bestuurder' }] });
    const establishment = (await (await sut.call('POST', '/api/establishments', officer, body)).json()) as EstablishmentSummary;
    const created = await sut.call('POST', '/api/applications', officer, { establishmentId: establishment.id, kind: 'nieuw', receivedOn: day(-20) });
    const application = (await created.json()) as ApplicationSummary;
    const post = async (path: string, payload?: unknown): Promise<void> => {
      const response = await sut.call('POST', path, officer, payload);
      expect(response.status, await response.text()).toBe(200);
    };
    await post(`/api/applications/${application.id}/completeness-requests`, { missing: ['Ontbrekend Distelvink'], date: day(-15) });
    await post(`/api/applications/${application.id}/completeness-receipts`, { date: day(-12) });
    await post(`/api/applications/${application.id}/screening-request`);
    const screeningId = randomUUID();
    await pool.opened('soest', screeningId, application.id);
    await pool.concluded('soest', screeningId, application.id, { level: 'mindere-mate', grounds: [], proposedConditions: ['Voorwaarde Kramsvogel'], explanation: 'Conclusie Goudvink' });
    const withConclusion = await eventually(
      async () => {
        const seen = (await (await sut.get(`/api/applications/${application.id}`, officer)).json()) as ApplicationDetail;
        return seen.conclusions.length > 0 ? seen : undefined;
      },
      { timeoutMs: 60_000, what: 'the conclusion on the application' },
    );
    const permit = `/api/permits/${application.permitId}/actions`;
    const permitNumber = `KAN-${String(Date.now())}`;
    await post(permit, {
      action: 'verlenen',
      date: day(0),
      permitNumber,
      validFrom: day(0),
      validUntil: day(1000),
      conditions: [{ text: 'Voorwaarde Kramsvogel', legalBasis: 'Art. 3 lid 4 Wet Bibob', fromBibob: true }],
      reason: 'Motivering Boomklever',
    });
    await post(permit, { action: 'schorsen', date: day(0), from: day(0), until: day(20), reason: 'Motivering Boomklever' });
    await post(permit, { action: 'zienswijze-vragen', date: day(0), reason: 'Motivering Boomklever' });
    await post(permit, { action: 'zienswijze-ontvangen', date: day(0), reason: 'Motivering Boomklever' });
    await post(permit, { action: 'intrekken', date: day(0), ground: 'bibob', reason: 'Motivering Boomklever' });

    // Positive control: the registry really holds the planted values, so a clean scan means absence.
    const opened = JSON.stringify([withConclusion, await (await sut.get(`/api/establishments/${establishment.id}`, officer)).json(), await (await sut.get(`/api/permits/${application.permitId}`, officer)).json()]);
    expect(leaksIn('opened', opened).length).toBeGreaterThanOrEqual(8);

    // Its messages went out (screening.requested and three permit events), and each is scanned as sent.
    await eventually(
      async () => {
        const pending = await sut.pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM "${sut.schema}".outbox WHERE published_at IS NULL`);
        return pending.rows[0]?.n === 0 ? true : undefined;
      },
      { timeoutMs: 60_000, what: 'the outbox published' },
    );
    const leaks: string[] = [];
    const sent = await sut.pool.query<{ message_key: string; message_value: Buffer }>(`SELECT message_key, message_value FROM "${sut.schema}".outbox`);
    expect(sent.rows.length).toBe(4);
    for (const { message_key: key, message_value: value } of sent.rows) {
      const envelope = JSON.parse(value.toString('utf8')) as { header: unknown; body: string };
      leaks.push(...leaksIn('Kafka key', key), ...leaksIn('envelope header', JSON.stringify(envelope.header)), ...leaksIn('Kafka value', value.toString('utf8')));
    }

    // Every clear column of every table of the registry (sealed columns are ciphertext).
    const tables = (await sut.pool.query<{ table_name: string }>(`SELECT table_name FROM information_schema.tables WHERE table_schema = $1`, [sut.schema])).rows;
    expect(tables.length).toBeGreaterThan(5);
    for (const { table_name: table } of tables) {
      const rows = await sut.pool.query<{ row: string }>(`SELECT to_jsonb(t)::text AS row FROM "${sut.schema}"."${table}" AS t`);
      for (const { row } of rows.rows) leaks.push(...leaksIn(`registry.${table}`, row));
    }

    // Redis: the registry's replay marks, names and values.
    const keys = await redis.keys(`${REPLAY_KEY_PREFIX}:${sut.env.PERMIT_REGISTRY_REPLAY_NAMESPACE ?? ''}:*`);
    expect(keys.length).toBeGreaterThan(0);
    for (const key of keys) leaks.push(...leaksIn(`Redis key ${key}`, key), ...leaksIn(`Redis value ${key}`, String(await redis.get(key))));

    // The public register, without sign-in: the permit is there (ingetrokken, in its term), nothing planted is.
    for (const path of ['/api/public-register/soest', `/api/public-register/soest?date=${day(0)}`, '/api/public-register/soest/csv', `/api/public-register/soest/csv?date=${day(0)}`]) {
      const response = await fetch(`${sut.base}${path}`);
      const text = await response.text();
      expect({ path, status: response.status, listed: text.includes(permitNumber) }).toEqual({ path, status: 200, listed: true });
      leaks.push(...leaksIn(`public register ${path}`, text));
    }

    // Logs, the shutdown included.
    await sut.stop();
    expect(sut.log).toContain('permit updated');
    leaks.push(...leaksIn('registry log', sut.log));

    expect(leaks).toEqual([]);
  });
});
