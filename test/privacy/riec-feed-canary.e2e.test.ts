import { createEventBus } from '@signaalhub/bus';
import { EVENT_CATALOG, FeedPublished, Topics, type Exclusion, type HitInformationRequest, type ReleaseSummary } from '@signaalhub/contracts';
import { REPLAY_KEY_PREFIX, storedEnvelopeOpener } from '@signaalhub/envelope';
import { createLogger } from '@signaalhub/logging';
import { eventually, testCaller, testInfrastructure, type RunningService } from '@signaalhub/test-infra';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { leakFinder } from './support/canaries.js';
import { openedSignal, SIGNAL_CANARIES, sealDecision, sealInformationAnswer, sealSignal } from '../../services/riec-feed/test/support/feed-events.js';
import { feedEnv, lastMonth, liaison, startFeed } from '../../services/riec-feed/test/support/running-feed.js';
import { loadServiceKeysOnce } from '../../services/riec-feed/test/support/test-keys.js';

/*
 * DESIGN.md §8.3 and issue 12 acceptance 5 for the feed's own store: the signals it counts carry people,
 * a trade name and a decision's feedback in their sealed bodies, and the liaison enters a KvK number, a
 * kenteken and an address in clear for the exclusion list. None of it appears in any table of the feed's
 * schema, in its replay namespace in Redis, or in its log (trace level), nor in what it publishes: the
 * releases' CSV and JSON exports, the MISP export of the hits and every feed.published opened as its recipient.
 * The feed reads headers only, keeps a signal sent to the RIEC as the ciphertext it arrived in, and keeps the
 * exclusion list as tokens. Baarn's answers to the liaison's "verzoeken om informatie" (one signal given, one
 * refused with a reason that names a person) are kept as the envelopes they arrived in, never in a column.
 */

const KVK = '70615243';
const KENTEKEN = 'KN-736-R';
const POSTCODE = '3762 KX';
const REFUSAL_REASON = 'Geweigerd: Kanarie Weigerpersoon is getuige in een lopend onderzoek';
const CANARIES = [
  ...SIGNAL_CANARIES,
  '07-06-1975',
  'Terugkoppeling die de feed nooit leest',
  KVK,
  '7061 5243',
  'KN736R',
  KENTEKEN,
  '3762KX',
  POSTCODE,
  REFUSAL_REASON,
];

const leaksIn = leakFinder(CANARIES);

describe('planted personal data across the riec feed store, Redis and logs', () => {
  const redis = new Redis(testInfrastructure().redisUrl, { lazyConnect: true, maxRetriesPerRequest: 3 });
  let sut: RunningService;

  beforeAll(async () => {
    await redis.connect();
    sut = await startFeed(feedEnv({ LOG_LEVEL: 'trace' }));
  });

  afterAll(async () => {
    await sut.stop();
    redis.disconnect();
  });

  it('finds no canary in any table, replay mark or log line', { timeout: 240_000 }, async () => {
    const signals = await Promise.all(
      // Soest's was sent to the RIEC too: the feed keeps it, sealed.
      ['baarn', 'soest'].map((municipality) => sealSignal({ municipality, subjects: [{ kind: 'kvk', kvkNumber: KVK }, { kind: 'kenteken', kenteken: KENTEKEN }], toRiec: municipality === 'soest' })),
    );
    // Last month's, so a release counts it.
    signals.push(await sealSignal({ municipality: 'baarn', at: lastMonth().middle, subjects: [{ kind: 'kvk', kvkNumber: KVK }] }));
    const decision = await sealDecision({ municipality: 'soest', approach: 'bestuurlijk', riecHandover: true, signalId: signals[1]?.header.messageId ?? '' });
    const bus = createEventBus({ brokers: testInfrastructure().kafkaBrokers, clientId: 'riec-feed-canary', logger: createLogger('riec-feed-canary', 'warn') });
    const producer = bus.createProducer();
    await producer.connect();
    for (const envelope of [...signals, decision]) {
      await producer.send(EVENT_CATALOG[envelope.header.type].topic, [{ key: envelope.header.municipality, value: Buffer.from(JSON.stringify(envelope)) }]);
    }
    await bus.close();
    // Sealed: what the feed is given shows no canary outside the encrypted bodies.
    expect(leaksIn('sent', JSON.stringify([...signals, decision])).length).toBe(0);
    const ids = [...signals, decision].map((envelope) => envelope.header.messageId);
    await eventually(
      async () => {
        const result = await sut.pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM "${sut.schema}".processed_events WHERE message_id = ANY($1::uuid[])`, [ids]);
        return result.rows[0]?.n === ids.length ? true : undefined;
      },
      { timeoutMs: 120_000, what: 'the feed to take in the signals and the decision' },
    );
    const riec = liaison();
    const published: string[] = [];
    // The hit (Baarn and Soest share the KvK number) before the exclusion list removes it.
    const misp = await sut.call('GET', '/api/hits/export.misp.json', riec);
    expect(misp.status).toBe(200);
    const mispText = await misp.text();
    expect(mispText).toContain('gemeenten: 2');
    published.push(mispText);
    const made = await sut.call('POST', '/api/releases', riec, { period: lastMonth().period });
    expect(made.status, await made.clone().text()).toBe(201);
    const releases = (await made.json()) as ReleaseSummary[];
    for (const { id, recipient } of releases) {
      const reader = recipient === 'riec-mn' ? riec : testCaller(recipient, ['meeting-member']);
      for (const suffix of ['', '/export.csv', '/export.json']) {
        const response = await sut.call('GET', `/api/releases/${id}${suffix}`, reader);
        expect(response.status, `${recipient}${suffix}`).toBe(200);
        published.push(await response.text());
      }
    }
    const { keyring } = await loadServiceKeysOnce();
    const events = await sut.pool.query<{ message_value: Buffer }>(`SELECT message_value FROM "${sut.schema}".outbox WHERE topic = $1`, [Topics.feedPublished]);
    expect(events.rows).toHaveLength(releases.length);
    for (const { message_value: value } of events.rows) {
      const envelope = JSON.parse(value.toString('utf8')) as { header: { recipients: string[] } };
      const opened = await storedEnvelopeOpener(keyring).open(envelope, { as: envelope.header.recipients[0] ?? '', payload: FeedPublished });
      published.push(JSON.stringify(opened));
    }
    expect(published.flatMap((text, i) => leaksIn(`published artefact ${String(i)}`, text))).toEqual([]);

    // The liaison asks Baarn for both its signals of the hit; Baarn gives one and refuses the other.
    expect((await sut.call('GET', '/api/hits?kind=kvk', riec)).status).toBe(200);
    const hit = await sut.pool.query<{ id: string }>(
      `SELECT h.id FROM "${sut.schema}".hit_ids h JOIN "${sut.schema}".match_tokens m ON m.kind = h.kind AND m.version = h.version AND m.token = h.token WHERE m.message_id = $1 AND h.kind = 'kvk'`,
      [signals[0]?.header.messageId],
    );
    const hitId = hit.rows[0]?.id ?? '';
    const baarn = [signals[0], signals[2]].flatMap((signal) => (signal === undefined ? [] : [signal]));
    const answers: Awaited<ReturnType<typeof sealInformationAnswer>>[] = [];
    for (const [index, signal] of baarn.entries()) {
      const asked = await sut.call('POST', `/api/hits/${hitId}/information-requests`, riec, { signalId: signal.header.messageId, purpose: 'RIEC-casus keten autobedrijven' });
      expect(asked.status, await asked.clone().text()).toBe(201);
      const { id: requestId } = (await asked.json()) as HitInformationRequest;
      const facts = { requestId, municipality: 'baarn', answeredBy: { party: 'gemeente-baarn', userId: 'lid-1' }, answeredAt: new Date().toISOString() };
      answers.push(
        await sealInformationAnswer(index === 0 ? { ...facts, outcome: 'answered', signal: await openedSignal(signal) } : { ...facts, outcome: 'refused', reason: REFUSAL_REASON }),
      );
    }
    expect(leaksIn('answers sent', JSON.stringify(answers))).toEqual([]);
    const answering = createEventBus({ brokers: testInfrastructure().kafkaBrokers, clientId: 'riec-feed-canary-answers', logger: createLogger('riec-feed-canary', 'warn') });
    const answerProducer = answering.createProducer();
    await answerProducer.connect();
    for (const answer of answers) await answerProducer.send(Topics.information, [{ key: 'baarn', value: Buffer.from(JSON.stringify(answer)) }]);
    await answering.close();
    const requests = await eventually(
      async () => {
        const listed = (await (await sut.call('GET', `/api/hits/${hitId}/information-requests`, riec)).json()) as HitInformationRequest[];
        return listed.length === 2 && listed.every((request) => request.status !== 'open') ? listed : undefined;
      },
      { timeoutMs: 120_000, what: "the feed to take in Baarn's answers" },
    );
    expect(requests.map(({ status, refusalReason }) => ({ status, refusalReason }))).toEqual([
      { status: 'beantwoord', refusalReason: null },
      { status: 'geweigerd', refusalReason: REFUSAL_REASON },
    ]);
    const given = await sut.call('GET', `/api/hits/${hitId}/signals/${baarn[0]?.header.messageId ?? ''}`, riec);
    expect(given.status).toBe(200);
    expect(await given.text()).toContain(SIGNAL_CANARIES[0]);

    for (const entry of [
      { kind: 'kvk', kvkNumber: KVK, label: 'Takelbedrijf' },
      { kind: 'kenteken', kenteken: KENTEKEN, label: 'Dienstauto' },
      { kind: 'address', postcode: POSTCODE, huisnummer: { number: 4 }, label: 'Gemeentewerf' },
    ]) {
      const response = await sut.call('POST', '/api/exclusions', riec, entry);
      expect(response.status, await response.clone().text()).toBe(201);
      expect(leaksIn('answer', JSON.stringify((await response.json()) as Exclusion))).toEqual([]);
    }

    const kept = await sut.pool.query(`SELECT 1 FROM "${sut.schema}".riec_envelopes WHERE message_id = $1`, [signals[1]?.header.messageId]);
    expect(kept.rowCount).toBe(1);
    const leaks: string[] = [];
    const tables = (await sut.pool.query<{ table_name: string }>(`SELECT table_name FROM information_schema.tables WHERE table_schema = $1`, [sut.schema])).rows;
    expect(tables.length).toBeGreaterThan(8);
    for (const { table_name: table } of tables) {
      const rows = await sut.pool.query<{ row: string }>(`SELECT to_jsonb(t)::text AS row FROM "${sut.schema}"."${table}" AS t`);
      for (const { row } of rows.rows) leaks.push(...leaksIn(`riec_feed.${table}`, row));
    }
    const keys = await redis.keys(`${REPLAY_KEY_PREFIX}:${sut.env.RIEC_FEED_REPLAY_NAMESPACE ?? ''}:*`);
    expect(keys.length).toBeGreaterThan(0);
    for (const key of keys) leaks.push(...leaksIn(`Redis key ${key}`, key), ...leaksIn(`Redis value ${key}`, String(await redis.get(key))));

    await sut.stop();
    expect(sut.log).toContain('listening');
    leaks.push(...leaksIn('feed log', sut.log));

    expect(leaks).toEqual([]);
  });
});
