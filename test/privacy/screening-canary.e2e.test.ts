import { createEventBus, deadLetterTopic, type EventBus } from '@signaalhub/bus';
import { EventTypes, Topics, type Envelope, type InformationRequestSummary, type PoolInformationRequest, type ScreeningDetail } from '@signaalhub/contracts';
import { BIBOB_QUESTIONNAIRE, ScreeningRequested } from '@signaalhub/contracts';
import { EnvelopeSealer, matchToken, REPLAY_KEY_PREFIX } from '@signaalhub/envelope';
import { createLogger } from '@signaalhub/logging';
import { loadServiceKeys } from '@signaalhub/service-kit';
import { eventually, RunningService, startPrivateKafka, testInfrastructure, type PrivateKafka } from '@signaalhub/test-infra';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { everyMessageOn, leakFinder, messageLeaks } from './support/canaries.js';
import { bibobEnv, coordinator, POOL } from '../../services/bibob/test/support/running-bibob.js';
import { meetingEnv } from '../../services/meeting/test/support/running-meeting.js';
import { sealSignal } from '../../services/meeting/test/support/sealed-signals.js';

/*
 * DESIGN.md §8.3 and issue 10 acceptance 4 for the coordinator pool: the people of a screening and its
 * conclusion (level, ground and every text) appear in no Kafka key, header or envelope header, no dead
 * letter, no Redis key or value, no log, and no store of another service; in the pool's own store only
 * inside sealed columns. The broker is private, so every message on it is this test's.
 */

const CANARIES = [
  // the people: names, birth dates in three notations, their role
  'Kanarina Bibobstra',
  'Bibobstra',
  'Kanarina',
  'Pieter Vogelkooi',
  'Vogelkooi',
  '1969-08-23',
  '23-08-1969',
  '19690823',
  '1990-01-15',
  'Kanariebestuurder',
  // the applicants
  '71830264',
  '82940375',
  '000099887766',
  // the business address and the vehicles, as typed and canonical
  '3743XQ',
  '3743 XQ',
  'KN842Z',
  'KN-842-Z',
  // the pool's "verzoek om informatie": its purpose, the signal given in answer, the reason of a refusal
  'Kanariedoel Zwartkop',
  'Kanariemelding Grutto',
  'Kanarieweigering Boomklever',
  // texts: questionnaire answers, reasons, the conclusion, the art. 28 ground
  'Distelhof',
  'Wielewaal',
  'Goudhaan',
  'Roodborst',
  // the outcome itself: level (either spelling) and the payload's fields with their values (pino's numeric "level" is not one)
  'ernstige-mate',
  'ernstige mate',
  'mindere-mate',
  'geen-gevaar',
  '"level":"',
  '"grounds":[',
];

const leaksIn = leakFinder(CANARIES);

describe('planted screening data across the pool, Kafka, dead letters, Redis, logs and other stores', () => {
  const infrastructure = testInfrastructure();
  const redis = new Redis(infrastructure.redisUrl, { lazyConnect: true, maxRetriesPerRequest: 3 });
  let kafka: PrivateKafka | undefined;
  let bibob: RunningService;
  let meeting: RunningService;
  let bus: EventBus | undefined;

  beforeAll(async () => {
    await redis.connect();
    kafka = await startPrivateKafka();
    const privateBroker = { KAFKA_BROKERS: kafka.brokers.join(','), LOG_LEVEL: 'trace' };
    const options = { deadlineMs: 180_000 };
    // A fresh broker makes its group coordinator (__consumer_offsets) on first use: once, before the services need it.
    bus = createEventBus({ brokers: kafka.brokers, clientId: 'screening-canary', logger: createLogger('screening-canary', 'warn') });
    await bus.provision([{ name: 'screening-canary-warm-up', partitions: 1, retentionMs: 3_600_000, cleanupPolicy: 'delete' }], { replicationFactor: 1 });
    const warmUp = bus.createConsumer({ groupId: 'screening-canary-warm-up', topics: ['screening-canary-warm-up'], handlers: { 'screening-canary-warm-up': () => Promise.resolve() } });
    await warmUp.start();
    await warmUp.stop();
    bibob = await RunningService.start('bibob', bibobEnv(privateBroker), { ...options, schemaVariable: 'BIBOB_DATABASE_SCHEMA' });
    meeting = await RunningService.start('meeting', meetingEnv(privateBroker), { ...options, schemaVariable: 'MEETING_DATABASE_SCHEMA' });
  }, 480_000);

  afterAll(async () => {
    await bus?.close().catch(() => undefined);
    // Started ones only: a failed start leaves the others undefined.
    const started = [bibob as RunningService | undefined, meeting as RunningService | undefined].flatMap((service) => (service === undefined ? [] : [service]));
    await Promise.all(started.map((service) => service.stop()));
    redis.disconnect();
    await kafka?.dispose();
  });

  /** Any Redis value as text: replay marks are strings, BullMQ keeps jobs in hashes and ids in lists and sorted sets. */
  async function redisValue(key: string): Promise<string> {
    switch (await redis.type(key)) {
      case 'string':
        return String(await redis.get(key));
      case 'hash':
        return JSON.stringify(await redis.hgetall(key));
      case 'list':
        return (await redis.lrange(key, 0, -1)).join('\n');
      case 'zset':
        return (await redis.zrange(key, 0, -1)).join('\n');
      case 'set':
        return (await redis.smembers(key)).join('\n');
      default:
        return '';
    }
  }

  it('finds no canary outside envelopes and sealed columns', { timeout: 300_000 }, async () => {
    if (bus === undefined) throw new Error('the private broker did not start');
    const scanBus = bus;
    const author = coordinator();
    const approver = coordinator();
    const { keyring, matchTokenKey } = await loadServiceKeys(infrastructure.keysDir, infrastructure.keyPassphrase);
    const sealer = new EnvelopeSealer(keyring);
    const producer = scanBus.createProducer();
    await producer.connect();

    // 1. A sealed request from Soest, and the same request tampered with (dead-lettered).
    const request = ScreeningRequested.parse({
      municipality: 'soest',
      kind: 'autobranche',
      applicant: { kvkNumber: '71830264', vestigingsnummer: '000099887766' },
      people: [{ name: 'Kanarina Bibobstra', birthDate: '1969-08-23', role: 'Kanariebestuurder' }],
      receivedOn: '2026-06-01',
      decisionTermWeeks: 8,
      reference: 'aanvraag-soest-1',
      requestedBy: { party: 'gemeente-soest', userId: 'vergunningverlener-1' },
    });
    const requested = await sealer.seal(request, {
      from: 'gemeente-soest',
      to: [POOL, 'gemeente-soest'],
      type: EventTypes.screeningRequested,
      municipality: 'soest',
      permitKind: 'autobranche',
      matchTokens: [matchToken({ kind: 'kvk', kvkNumber: '71830264' }, matchTokenKey)],
    });
    await producer.send(Topics.screening, [{ key: 'soest', value: Buffer.from(JSON.stringify(requested)) }]);
    const tampered = { ...requested, header: { ...requested.header, permitKind: 'subsidie' } };
    await producer.send(Topics.screening, [{ key: 'soest', value: Buffer.from(JSON.stringify(tampered)) }]);

    // 2. One through the form, for Baarn, taken through the whole procedure.
    const form = {
      municipality: 'baarn',
      kind: 'omgevingsvergunning',
      applicant: { kvkNumber: '82940375', vestigingsnummer: '000099887766' },
      people: [{ name: 'Pieter Vogelkooi', birthDate: '1990-01-15', role: 'Kanariebestuurder' }],
      address: { postcode: '3743 XQ', huisnummer: { number: 17 } },
      vehicles: ['KN-842-Z'],
      receivedOn: '2026-06-01',
      decisionTermWeeks: 8,
    };
    const created = await bibob.call('POST', '/api/screenings', author, form);
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: string };
    const call = async (method: 'POST' | 'PUT', path: string, who: typeof author, body: unknown, status: number): Promise<void> => {
      const response = await bibob.call(method, `/api/screenings/${id}${path}`, who, body);
      expect(response.status, await response.text()).toBe(status);
    };
    const reason = 'Kanariereden Wielewaal';
    await call('POST', '/transitions', author, { step: 'onderzoek-starten', reason }, 200);
    await call('POST', '/transitions', author, { step: 'lbb-advies-vragen', reason, date: '2026-06-15' }, 200);
    await call('POST', '/transitions', author, { step: 'lbb-advies-ontvangen', reason, date: '2026-07-20' }, 200);
    for (const { item } of BIBOB_QUESTIONNAIRE) await call('PUT', `/questionnaire/${item}`, author, { complete: true, answer: 'Antwoord over Distelhof' }, 200);
    const conclusion = { level: 'ernstige-mate', grounds: ['a', 'b'], explanation: 'Kanarieconclusie Goudhaan: ernstige mate van gevaar' };
    await call('POST', '/conclusions', author, { conclusion, reason }, 201);
    await call('POST', '/conclusions/1/approval', approver, { reason }, 201);
    await call('POST', '/disclosures', author, { ground: { code: 'art-28-lid-2-sub-d-riec', explanation: 'Kanariegrond Roodborst' } }, 201);

    // 2b. An earlier Baarn signal about the same business (a hit): the pool asks Baarn for it twice; Baarn's
    // meeting member gives it once and refuses once.
    const { envelope: baarnSignal } = await sealSignal({ municipality: 'baarn', kvkNumber: '82940375', freeText: 'Kanariemelding Grutto', recipients: ['gemeente-baarn'] });
    await producer.send(Topics.signalSubmitted, [{ key: 'baarn', value: Buffer.from(JSON.stringify(baarnSignal)) }]);
    const baarnMember = { userId: 'overleg.baarn', party: 'gemeente-baarn', roles: ['meeting-member' as const] };
    await eventually(
      async () => {
        const hits = ((await (await bibob.get(`/api/screenings/${id}`, author)).json()) as ScreeningDetail).hits.signals;
        const agenda = (await (await meeting.call('GET', '/api/agenda?municipality=baarn', baarnMember)).json()) as { id: string }[];
        return hits.some((hit) => hit.signalIds.includes(baarnSignal.header.messageId)) && agenda.some((entry) => entry.id === baarnSignal.header.messageId) ? true : undefined;
      },
      { timeoutMs: 60_000, what: 'the Baarn signal learnt by the pool and on the Baarn agenda' },
    );
    for (const outcome of [{ outcome: 'answered' }, { outcome: 'refused', reason: 'Kanarieweigering Boomklever' }]) {
      const asked = await bibob.call('POST', `/api/screenings/${id}/information-requests`, author, { signalId: baarnSignal.header.messageId, purpose: 'Kanariedoel Zwartkop' });
      expect(asked.status).toBe(201);
      const { id: requestId } = (await asked.json()) as PoolInformationRequest;
      await eventually(
        async () => {
          const requests = (await (await meeting.call('GET', '/api/information-requests?municipality=baarn', baarnMember)).json()) as InformationRequestSummary[];
          return requests.some((entry) => entry.id === requestId) ? true : undefined;
        },
        { timeoutMs: 60_000, what: 'the request at the Baarn meeting' },
      );
      const answered = await meeting.call('POST', `/api/information-requests/${requestId}/response`, baarnMember, outcome);
      expect(answered.status, await answered.text()).toBe(201);
    }
    const poolRequests = await eventually(
      async () => {
        const requests = (await (await bibob.get(`/api/screenings/${id}/information-requests`, author)).json()) as PoolInformationRequest[];
        return requests.length === 2 && requests.every((request) => request.status !== 'open') ? requests : undefined;
      },
      { timeoutMs: 60_000, what: 'both answers at the pool' },
    );
    expect(poolRequests.map((request) => request.status)).toEqual(['beantwoord', 'geweigerd']);
    const answer = await bibob.get(`/api/screenings/${id}/information-requests/${poolRequests[0]?.id ?? ''}/answer`, author);
    expect(JSON.stringify(await answer.json())).toContain('Kanariemelding Grutto');

    // Positive control: the pool really holds the planted values, so a clean scan means absence.
    const soest = await eventually(
      async () => {
        const rows = await bibob.pool.query<{ id: string }>(`SELECT id FROM "${bibob.schema}".screenings WHERE request_message_id = $1`, [requested.header.messageId]);
        return rows.rows[0];
      },
      { timeoutMs: 60_000, what: 'the Soest request opened' },
    );
    const detail = (await (await bibob.get(`/api/screenings/${soest.id}`, author)).json()) as ScreeningDetail;
    expect(detail.people[0]?.name).toBe('Kanarina Bibobstra');
    const opened = JSON.stringify(await (await bibob.get(`/api/screenings/${id}`, author)).json());
    expect(leaksIn('opened', opened).length).toBeGreaterThanOrEqual(6);

    // 3. Everything published: the outbox is empty, the dead letter arrived.
    await eventually(
      async () => {
        const pending = await bibob.pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM "${bibob.schema}".outbox WHERE published_at IS NULL`);
        const counts = await scanBus.messageCounts();
        return pending.rows[0]?.n === 0 && (counts.get(deadLetterTopic(Topics.screening)) ?? 0) > 0 ? true : undefined;
      },
      { timeoutMs: 60_000, what: 'the outbox published and the forged request dead-lettered', intervalMs: 250 },
    );

    // 4. Every topic of the private broker, from the beginning to its end offsets.
    const scanned = await everyMessageOn(scanBus, 'screening-canary-scan');
    const types = scanned.filter((message) => message.topic === Topics.screening).map((message) => (JSON.parse(message.value.toString('utf8')) as Envelope).header.type);
    expect(types).toEqual(expect.arrayContaining([EventTypes.screeningOpened, EventTypes.screeningProgressed, EventTypes.screeningConcluded, EventTypes.screeningDisclosed]));
    const informationTypes = scanned.filter((message) => message.topic === Topics.information).map((message) => (JSON.parse(message.value.toString('utf8')) as Envelope).header.type);
    expect(informationTypes).toEqual(expect.arrayContaining([EventTypes.informationRequested, EventTypes.informationAnswered]));

    const leaks = messageLeaks(scanned, leaksIn);

    // 5. Redis: the pool's replay marks and its deadline-alert queue (job data: ids and dates), names and values.
    const keys = await redis.keys(`${REPLAY_KEY_PREFIX}:${bibob.env.BIBOB_REPLAY_NAMESPACE ?? ''}:*`);
    expect(keys.length).toBeGreaterThan(0);
    // The open screenings' alert jobs are added by the next sweep (every few seconds): delayed, or already
    // fired (a deadline in the past fires at once) and completed.
    const queueKeys = await eventually(
      async () => {
        const found = await redis.keys(`${bibob.env.BIBOB_QUEUE_PREFIX ?? 'bull'}:*`);
        return found.some((key) => key.endsWith(':delayed') || key.endsWith(':completed')) ? found : undefined;
      },
      { timeoutMs: 30_000, what: 'the deadline-alert jobs in Redis' },
    );
    for (const key of [...keys, ...queueKeys]) leaks.push(...leaksIn(`Redis key ${key}`, key), ...leaksIn(`Redis value ${key}`, await redisValue(key)));

    // 6. Stores: every clear column of the pool (sealed columns are ciphertext), and every row of the meeting's.
    const tables = async (service: RunningService): Promise<string[]> =>
      (await service.pool.query<{ table_name: string }>(`SELECT table_name FROM information_schema.tables WHERE table_schema = $1`, [service.schema])).rows.map((row) => row.table_name);
    for (const service of [bibob, meeting]) {
      for (const table of await tables(service)) {
        const rows = await service.pool.query<{ row: string }>(`SELECT to_jsonb(t)::text AS row FROM "${service.schema}"."${table}" AS t`);
        for (const { row } of rows.rows) leaks.push(...leaksIn(`${service.name}.${table}`, row));
      }
    }

    // 7. Logs, the shutdown included.
    await Promise.all([bibob.stop(), meeting.stop()]);
    expect(bibob.log).toContain('screening opened');
    expect(bibob.log).toContain('refused and dead-lettered');
    leaks.push(...leaksIn('bibob log', bibob.log), ...leaksIn('meeting log', meeting.log));

    expect(leaks).toEqual([]);
  });
});
