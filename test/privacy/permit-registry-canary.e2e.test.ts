import { randomUUID } from 'node:crypto';
import { createEventBus, deadLetterTopic, type EventBus } from '@signaalhub/bus';
import { PermitEvent, Topics, type ApplicationDetail, type ApplicationSummary, type Envelope, type EstablishmentDetail, type EstablishmentSummary } from '@signaalhub/contracts';
import { EnvelopeOpener, InMemoryReplayStore, REPLAY_KEY_PREFIX } from '@signaalhub/envelope';
import { createLogger } from '@signaalhub/logging';
import { loadServiceKeys } from '@signaalhub/service-kit';
import { eventually, RunningService, startPrivateKafka, testInfrastructure, type PrivateKafka } from '@signaalhub/test-infra';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { everyMessageOn, leakFinder, messageLeaks } from './support/canaries.js';
import { sealSignal } from '../../services/meeting/test/support/sealed-signals.js';
import { POOL, PoolSide } from '../../services/permit-registry/test/support/pool-side.js';
import { registration, registryEnv, soestOfficer } from '../../services/permit-registry/test/support/running-registry.js';

/*
 * DESIGN.md §8.3 and issue 11 acceptance 3 for the permit registry: the people of an establishment, its KvK
 * number, what was missing, the Bibob conclusion's text and level (an application's and a re-screening's),
 * the condition that came from it, every reason — planted as canaries — appear in no clear column of the registry's store; in no Kafka key, Kafka
 * header or envelope header of any message on the broker, dead-letter topics included; in no permit event's
 * body as the pool and the RIEC open it (status and dates only); in no Redis key or value of the registry's
 * replay namespace; and in no log line (trace level). The registry runs on a private broker, so every
 * message on it is the test's. Trade name and address are public by design and not canaries.
 * The public register (JSON and CSV, today and as it stood on the grant day, with the revoked permit still in
 * its publication term) is scanned too; its HTML is scanned by the web's browser test
 * (services/web/test/public-register.e2e.test.ts).
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
  'Herscreening Putter',
  'Herconclusie Wielewaal',
  'mindere-mate',
  'mindere mate',
  '"level":"',
];

const leaksIn = leakFinder(CANARIES);

const day = (offset: number): string => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

const PERMIT_TOPIC = Topics.permit;

describe('planted registry data across the registry store, Kafka (dead letters included), permit events, Redis and logs', () => {
  const infrastructure = testInfrastructure();
  const redis = new Redis(infrastructure.redisUrl, { lazyConnect: true, maxRetriesPerRequest: 3 });
  let kafka: PrivateKafka | undefined;
  let bus: EventBus | undefined;
  let sut: RunningService | undefined;
  let pool: PoolSide | undefined;

  beforeAll(async () => {
    await redis.connect();
    kafka = await startPrivateKafka();
    // A fresh broker makes its group coordinator (__consumer_offsets) on first use: once, before the registry needs it.
    bus = createEventBus({ brokers: kafka.brokers, clientId: 'registry-canary', logger: createLogger('registry-canary', 'warn') });
    await bus.provision([{ name: 'registry-canary-warm-up', partitions: 1, retentionMs: 3_600_000, cleanupPolicy: 'delete' }], { replicationFactor: 1 });
    const warmUp = bus.createConsumer({ groupId: 'registry-canary-warm-up', topics: ['registry-canary-warm-up'], handlers: { 'registry-canary-warm-up': () => Promise.resolve() } });
    await warmUp.start();
    await warmUp.stop();
    const env = registryEnv({ KAFKA_BROKERS: kafka.brokers.join(','), LOG_LEVEL: 'trace' });
    sut = await RunningService.start('permit-registry', env, { schemaVariable: 'PERMIT_REGISTRY_DATABASE_SCHEMA', deadlineMs: 180_000 });
    pool = await PoolSide.connect(kafka.brokers);
  }, 480_000);

  afterAll(async () => {
    await pool?.close();
    await bus?.close().catch(() => undefined);
    await sut?.stop();
    redis.disconnect();
    await kafka?.dispose();
  });

  it('finds no canary outside sealed columns and envelope bodies to the municipality or the pool', { timeout: 300_000 }, async () => {
    if (sut === undefined || pool === undefined || bus === undefined) throw new Error('the private broker or the registry did not start');
    const [registry, poolSide, scanBus] = [sut, pool, bus];
    const officer = soestOfficer();
    const body = registration({ kvkNumber: KVK, people: [{ name: 'Kanarina Registra', birthDate: '1968-09-24', role: 'bestuurder' }] });
    const establishment = (await (await registry.call('POST', '/api/establishments', officer, body)).json()) as EstablishmentSummary;
    const created = await registry.call('POST', '/api/applications', officer, { establishmentId: establishment.id, kind: 'nieuw', receivedOn: day(-20) });
    const application = (await created.json()) as ApplicationSummary;
    const post = async (path: string, payload?: unknown, status = 200): Promise<void> => {
      const response = await registry.call('POST', path, officer, payload);
      expect(response.status, await response.text()).toBe(status);
    };
    await post(`/api/applications/${application.id}/completeness-requests`, { missing: ['Ontbrekend Distelvink'], date: day(-15) });
    await post(`/api/applications/${application.id}/completeness-receipts`, { date: day(-12) });
    await post(`/api/applications/${application.id}/screening-request`);
    const screeningId = randomUUID();
    await poolSide.opened('soest', screeningId, application.id);
    await poolSide.concluded('soest', screeningId, application.id, { level: 'mindere-mate', grounds: [], proposedConditions: ['Voorwaarde Kramsvogel'], explanation: 'Conclusie Goudvink' });
    const withConclusion = await eventually(
      async () => {
        const seen = (await (await registry.get(`/api/applications/${application.id}`, officer)).json()) as ApplicationDetail;
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
    await post(permit, { action: 'schorsing-opheffen', date: day(0), reason: 'Motivering Boomklever' });
    await post(permit, { action: 'zienswijze-vragen', date: day(0), reason: 'Motivering Boomklever' });
    await post(permit, { action: 'zienswijze-ontvangen', date: day(0), reason: 'Motivering Boomklever' });
    await post(permit, { action: 'intrekken', date: day(0), ground: 'bibob', reason: 'Motivering Boomklever' });

    // A signal with the planted KvK number flags the holder (header only); one stripped of its header signature is dead-lettered.
    const producer = scanBus.createProducer();
    await producer.connect();
    const { envelope: signal } = await sealSignal({ municipality: 'soest', kvkNumber: KVK, personName: 'Kanarina Registra', recipients: ['gemeente-soest', 'politie-bes'] });
    const { envelope: stripped } = await sealSignal({ municipality: 'soest', kvkNumber: KVK, personName: 'Kanarina Registra' });
    const { headerSignature: _removed, ...unsigned } = stripped.header as typeof stripped.header & { headerSignature?: string };
    await producer.send(Topics.signalSubmitted, [
      { key: 'soest', value: Buffer.from(JSON.stringify(signal)) },
      { key: 'soest', value: Buffer.from(JSON.stringify({ ...stripped, header: unsigned })) },
    ]);
    const flagged = await eventually(
      async () => {
        const seen = (await (await registry.get(`/api/establishments/${establishment.id}`, officer)).json()) as EstablishmentDetail;
        return seen.flags.length > 0 ? seen : undefined;
      },
      { timeoutMs: 60_000, what: 'the flag on the establishment' },
    );
    await post(`/api/establishments/${establishment.id}/rescreenings`, { reason: 'Herscreening Putter' }, 201);
    // The pool opens the re-screening, tells a milestone and concludes it: the conclusion is planted too.
    const rescreeningId = randomUUID();
    await poolSide.opened('soest', rescreeningId, establishment.id);
    await poolSide.progressed('soest', rescreeningId, 'lbb-requested', day(0));
    await poolSide.concluded('soest', rescreeningId, establishment.id, { level: 'mindere-mate', grounds: [], proposedConditions: ['Voorwaarde Kramsvogel'], explanation: 'Herconclusie Wielewaal' });
    const rescreened = await eventually(
      async () => {
        const seen = (await (await registry.get(`/api/establishments/${establishment.id}`, officer)).json()) as EstablishmentDetail;
        return seen.rescreenings[0]?.conclusion === null || seen.rescreenings[0] === undefined ? undefined : seen;
      },
      { timeoutMs: 60_000, what: 'the conclusion on the re-screening' },
    );
    expect(leaksIn('re-screening', JSON.stringify(rescreened.rescreenings))).toEqual(expect.arrayContaining(['Herconclusie Wielewaal in re-screening', 'Voorwaarde Kramsvogel in re-screening']));

    // Positive control: the registry really holds the planted values, so a clean scan means absence.
    const opened = JSON.stringify([withConclusion, flagged, rescreened, await (await registry.get(`/api/permits/${application.permitId}`, officer)).json()]);
    expect(leaksIn('opened', opened).length).toBeGreaterThanOrEqual(10);

    // Everything published (two screening requests, four permit events), and the stripped signal dead-lettered.
    await eventually(
      async () => {
        const pending = await registry.pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM "${registry.schema}".outbox WHERE published_at IS NULL`);
        const counts = await scanBus.messageCounts();
        return pending.rows[0]?.n === 0 && (counts.get(deadLetterTopic(Topics.signalSubmitted)) ?? 0) > 0 ? true : undefined;
      },
      { timeoutMs: 60_000, what: 'the outbox published and the stripped signal dead-lettered', intervalMs: 250 },
    );
    const sent = await registry.pool.query<{ topic: string }>(`SELECT topic FROM "${registry.schema}".outbox ORDER BY topic`);
    expect(sent.rows.map((row) => row.topic)).toEqual([...Array<string>(4).fill(PERMIT_TOPIC), Topics.screening, Topics.screening].sort());

    // Every topic of the private broker, from the beginning to its end offsets.
    const scanned = await everyMessageOn(scanBus, 'registry-canary-scan');

    const leaks = messageLeaks(scanned, leaksIn);
    expect(scanned.some((message) => message.topic === deadLetterTopic(Topics.signalSubmitted))).toBe(true);

    // The permit events as their other recipients open them: the pool and the RIEC read status and dates only.
    const { keyring } = await loadServiceKeys(infrastructure.keysDir, infrastructure.keyPassphrase);
    const permitEvents = scanned.filter((message) => message.topic === PERMIT_TOPIC);
    expect(permitEvents).toHaveLength(4);
    for (const reader of [POOL, 'riec-mn']) {
      const opener = new EnvelopeOpener(keyring, { replayStore: new InMemoryReplayStore() });
      for (const message of permitEvents) {
        const envelope = JSON.parse(message.value.toString('utf8')) as Envelope;
        const { payload } = await opener.open(envelope, { as: reader, payload: PermitEvent });
        leaks.push(...leaksIn(`${envelope.header.type} opened by ${reader}`, JSON.stringify(payload)));
      }
    }

    // Every clear column of every table of the registry (sealed columns are ciphertext).
    const tables = (await registry.pool.query<{ table_name: string }>(`SELECT table_name FROM information_schema.tables WHERE table_schema = $1`, [registry.schema])).rows;
    expect(tables.map((table) => table.table_name)).toEqual(expect.arrayContaining(['establishment_flags', 'establishment_history', 'permit_history', 'rescreenings', 'rescreening_conclusions']));
    for (const { table_name: table } of tables) {
      const rows = await registry.pool.query<{ row: string }>(`SELECT to_jsonb(t)::text AS row FROM "${registry.schema}"."${table}" AS t`);
      for (const { row } of rows.rows) leaks.push(...leaksIn(`registry.${table}`, row));
    }

    // Redis: the registry's replay marks (envelopes opened, headers verified), names and values.
    const keys = await redis.keys(`${REPLAY_KEY_PREFIX}:${registry.env.PERMIT_REGISTRY_REPLAY_NAMESPACE ?? ''}:*`);
    expect(keys.length).toBeGreaterThan(2);
    for (const key of keys) leaks.push(...leaksIn(`Redis key ${key}`, key), ...leaksIn(`Redis value ${key}`, String(await redis.get(key))));

    // The public register, without sign-in: the permit is there (ingetrokken, in its term), nothing planted is.
    for (const path of ['/api/public-register/soest', `/api/public-register/soest?date=${day(0)}`, '/api/public-register/soest/csv', `/api/public-register/soest/csv?date=${day(0)}`]) {
      const response = await fetch(`${sut.base}${path}`);
      const text = await response.text();
      expect({ path, status: response.status, listed: text.includes(permitNumber) }).toEqual({ path, status: 200, listed: true });
      leaks.push(...leaksIn(`public register ${path}`, text));
    }

    // Logs, the shutdown included.
    await registry.stop();
    expect(registry.log).toContain('permit updated');
    expect(registry.log).toContain('signal flagged establishments');
    expect(registry.log).toContain('refused and dead-lettered');
    leaks.push(...leaksIn('registry log', registry.log));

    expect(leaks).toEqual([]);
  });
});
