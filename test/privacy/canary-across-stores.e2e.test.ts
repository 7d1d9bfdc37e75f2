import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createEventBus, deadLetterTopic, type BusMessage, type EventBus } from '@signaalhub/bus';
import {
  EventTypes,
  IDEMPOTENCY_KEY_HEADER,
  Topics,
  type AgendaEntry,
  type Envelope,
  type InformationRequestSummary,
  type MySignalsResponse,
  type OpenedAgendaItem,
  type SignalSubmissionInput,
} from '@signaalhub/contracts';
import { EnvelopeSealer, loadKeyringFromDirectory, REPLAY_KEY_PREFIX } from '@signaalhub/envelope';
import { IDENTITY_HEADER, issueIdentityToken, type UserIdentity } from '@signaalhub/identity';
import { createLogger } from '@signaalhub/logging';
import {
  eventually,
  freePort,
  ServiceProcess,
  startPrivateKafka,
  testInfrastructure,
  uniqueName,
  type PrivateKafka,
} from '@signaalhub/test-infra';
import { Redis } from 'ioredis';
// Admin metadata only (topic list, offsets): the bus has no such helper yet. Every message is read through the bus.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { leakFinder } from './support/canaries.js';

/*
 * DESIGN.md §8.3, issue 4 acceptance 5: personal data planted in signals (and in a decision's feedback,
 * an information request's purpose and a refusal's reason) appears nowhere in Kafka keys, Kafka headers,
 * envelope headers or dead letters, in Redis, or in the services' logs; issue 9: nor in clear in the
 * meeting's action tables (a completion note is sealed). The broker is private, so every message on it is this test's.
 */

/** Every planted value, in each form a leak could take (as typed, canonical, without separators). */
const CANARIES = [
  // persons: display and canonical name parts, birth dates in three notations
  'Kanariana Zwavelbeek',
  'Zwavelbeek',
  'Kanariana',
  'Tjibbe Vinkenoog',
  'Vinkenoog',
  '1971-04-17',
  '17-04-1971',
  '19710417',
  '1985-11-30',
  '30-11-1985',
  // BSN-like numbers, phone, e-mail (free text only)
  '284619537',
  '193847562',
  '06-84736291',
  '0684736291',
  'kanariana.zwavelbeek@example.nl',
  // addresses: street, postcode with and without space, house number key, coordinates
  'Kanarieweg',
  'Putterstraat',
  '3743 QZ',
  '3743QZ',
  '3768 WX',
  '3768WX',
  '3743QZ-77',
  '52.187341',
  '5.293817',
  // kentekens with and without dashes
  'KN-417-V',
  'KN417V',
  'ZX-93-QF',
  'ZX93QF',
  // KvK numbers and trade names
  '69471203',
  '58203917',
  'Kanariepiet',
  'Zilverkanarie Vastgoed',
  // words only in free text and in the decision's feedback and action
  'Goudvinkhoeve',
  'Distelvink',
  // words only in an information request's purpose and in a refusal's reason
  'Sijsjesberg',
  'Kneutelhof',
];

const leaksIn = leakFinder(CANARIES);

const inDays = (days: number): string => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

const SUBMISSIONS: { party: string; body: SignalSubmissionInput }[] = [
  {
    party: 'gemeente-soest',
    body: {
      municipality: 'soest',
      theme: 'autobranche',
      location: { postcode: '3743 qz', huisnummer: { number: 77 }, coordinates: { lat: 52.187341, lon: 5.293817 } },
      subjects: [
        { kind: 'business', kvkNumber: '6947 1203', tradeName: 'Autohandel Kanariepiet B.V.' },
        { kind: 'person', name: '  Kanariana   Zwavelbeek ', birthDate: '1971-04-17' },
        { kind: 'vehicle', kenteken: 'kn-417-v' },
      ],
      indicators: ['contante-betalingen', 'snel-wisselende-voorraad'],
      freeText:
        'Kanariana Zwavelbeek (BSN 284619537, geboren 17-04-1971) woont aan de Kanarieweg 77, 3743 QZ Soest; ' +
        'tel. 06-84736291, kanariana.zwavelbeek@example.nl. Rijdt in KN-417-V, komt vaak op de Goudvinkhoeve.',
      distribution: { recipients: ['gemeente-soest', 'politie-bes', 'riec-mn'] },
    },
  },
  {
    party: 'gemeente-baarn',
    body: {
      municipality: 'baarn',
      theme: 'autobranche',
      location: { postcode: '3768WX', huisnummer: { number: 5, toevoeging: 'a' } },
      subjects: [
        // The same KvK number as in Soest: the hit path (match tokens) runs too.
        { kind: 'business', kvkNumber: '69471203', tradeName: 'Kanariepiet Occasions' },
        { kind: 'person', name: 'Tjibbe Vinkenoog', birthDate: '1985-11-30' },
        { kind: 'vehicle', kenteken: 'ZX93QF' },
      ],
      indicators: ['contante-betalingen'],
      freeText: 'Tjibbe Vinkenoog (BSN 193847562, 30-11-1985) haalt ZX-93-QF op bij Kanariepiet, Putterstraat 12.',
      distribution: { recipients: ['gemeente-baarn', 'politie-bes', 'riec-mn'] },
    },
  },
  {
    party: 'gemeente-soest',
    body: {
      municipality: 'soest',
      theme: 'vastgoed',
      location: { postcode: '3743QZ', huisnummer: { number: 79 } },
      subjects: [{ kind: 'business', kvkNumber: '58203917', tradeName: 'Zilverkanarie Vastgoed B.V.' }],
      indicators: ['aankoop-met-contant-geld'],
      freeText: 'Zilverkanarie Vastgoed kocht Kanarieweg 79 contant; contactpersoon Zwavelbeek, 19710417.',
      distribution: { recipients: ['gemeente-soest', 'politie-bes', 'riec-mn'] },
    },
  },
];

/** Refused at the door (bad kenteken) but full of canaries: a refusal must not log what it refused. */
const INVALID_SUBMISSION = {
  ...SUBMISSIONS[0]?.body,
  subjects: [{ kind: 'vehicle', kenteken: 'KN-417-V-Kanarieweg' }, { kind: 'person', name: 'Kanariana Zwavelbeek', birthDate: '1971-04-17' }],
};

interface ScannedMessage {
  readonly topic: string;
  readonly message: BusMessage;
}

describe('planted personal data across Kafka, dead letters, Redis and logs', () => {
  const infrastructure = testInfrastructure();
  const run = uniqueName('canary').replaceAll('-', '_');
  const slug = run.replaceAll('_', '-');
  const intakeSchema = `intake_${run}`;
  const meetingSchema = `meeting_${run}`;
  const queuePrefix = `canary-${slug}`;
  const meetingReplayNamespace = `meeting-${slug}`;
  // The intake derives its replay namespace from its schema name (see services/signal-intake composition).
  const intakeReplayNamespace = intakeSchema.replaceAll('_', '-');
  const redisPatterns = [`${queuePrefix}:*`, `${REPLAY_KEY_PREFIX}:${meetingReplayNamespace}:*`, `${REPLAY_KEY_PREFIX}:${intakeReplayNamespace}:*`];

  const database = new pg.Pool({ connectionString: infrastructure.databaseUrl, max: 2 });
  const redis = new Redis(infrastructure.redisUrl, { lazyConnect: true, maxRetriesPerRequest: 3 });
  let kafka: PrivateKafka;
  let bus: EventBus | undefined;
  let intake: ServiceProcess | undefined;
  let meeting: ServiceProcess | undefined;
  let intakeUrl = '';
  let meetingUrl = '';

  // A fresh token per call, as the web application does: services refuse tokens older than a few minutes.
  const call = async (url: string, caller: UserIdentity | undefined, init: RequestInit = {}): Promise<Response> =>
    fetch(url, {
      ...init,
      headers: {
        'content-type': 'application/json',
        ...(caller === undefined ? {} : { [IDENTITY_HEADER]: await issueIdentityToken(caller, { secret: infrastructure.identitySecret }) }),
        ...(init.headers as Record<string, string> | undefined),
      },
      signal: AbortSignal.timeout(30_000),
    });

  const scanRedisKeys = async (): Promise<string[]> => {
    const keys: string[] = [];
    for (const match of redisPatterns) {
      let cursor = '0';
      do {
        const [next, batch] = await redis.scan(cursor, 'MATCH', match, 'COUNT', 500);
        cursor = next;
        keys.push(...batch);
      } while (cursor !== '0');
    }
    return keys;
  };

  beforeAll(async () => {
    await redis.connect();
    kafka = await startPrivateKafka();
    const common = {
      KAFKA_BROKERS: kafka.brokers.join(','),
      REDIS_URL: infrastructure.redisUrl,
      DATABASE_URL: infrastructure.databaseUrl,
      KEYS_DIR: infrastructure.keysDir,
      HUB_KEY_PASSPHRASE: infrastructure.keyPassphrase,
      IDENTITY_TOKEN_SECRET: infrastructure.identitySecret,
      // As talkative as the services get: a leak hiding in a debug or trace line must be found too.
      LOG_LEVEL: 'trace',
    };
    const [intakePort, meetingPort] = [await freePort(), await freePort()];
    intakeUrl = `http://127.0.0.1:${intakePort}`;
    meetingUrl = `http://127.0.0.1:${meetingPort}`;
    intake = ServiceProcess.start('signal-intake', {
      ...common,
      SIGNAL_INTAKE_PORT: String(intakePort),
      SIGNAL_INTAKE_DB_SCHEMA: intakeSchema,
      KAFKA_GROUP_ID: `intake-${slug}`,
      OUTBOX_POLL_MS: '200',
    });
    meeting = ServiceProcess.start('meeting', {
      ...common,
      MEETING_PORT: String(meetingPort),
      MEETING_DATABASE_SCHEMA: meetingSchema,
      MEETING_QUEUE_PREFIX: queuePrefix,
      MEETING_REPLAY_NAMESPACE: meetingReplayNamespace,
      KAFKA_GROUP_ID: `meeting-${slug}`,
    });
    for (const url of [intakeUrl, meetingUrl]) {
      await eventually(async () => ((await fetch(`${url}/health/live`).catch(() => undefined))?.ok ? true : undefined), {
        timeoutMs: 90_000,
        what: `${url} to listen`,
      });
    }
  });

  afterAll(async () => {
    for (const child of [intake, meeting]) child?.stop('SIGKILL');
    await Promise.all([intake?.exited, meeting?.exited]);
    // Kept as artifacts: what the services logged about the planted data (synthetic, never real people).
    mkdirSync('test-results/privacy', { recursive: true });
    writeFileSync('test-results/privacy/canary-signal-intake.log', intake?.log ?? '');
    writeFileSync('test-results/privacy/canary-meeting.log', meeting?.log ?? '');
    await bus?.close().catch(() => undefined);
    const keys = await scanRedisKeys().catch(() => []);
    if (keys.length > 0) await redis.unlink(...keys);
    redis.disconnect();
    await database.query(`DROP SCHEMA IF EXISTS ${intakeSchema} CASCADE; DROP SCHEMA IF EXISTS ${meetingSchema} CASCADE`);
    await database.end();
    await kafka.dispose();
  });

  it('finds no canary in Kafka keys, Kafka headers, envelope headers, dead letters, Redis keys and values, or logs', { timeout: 300_000 }, async () => {
    const inspectors: Record<string, UserIdentity> = {
      'gemeente-soest': { userId: 'inspecteur.soest', party: 'gemeente-soest', roles: ['inspector'] },
      'gemeente-baarn': { userId: 'inspecteur.baarn', party: 'gemeente-baarn', roles: ['inspector'] },
    };
    const members: Record<'soest' | 'baarn', UserIdentity> = {
      soest: { userId: 'voorzitter.soest', party: 'gemeente-soest', roles: ['meeting-member'] },
      baarn: { userId: 'voorzitter.baarn', party: 'gemeente-baarn', roles: ['meeting-member'] },
    };

    // 1. Signals full of canaries through the public API.
    const accepted: { id: string; municipality: string }[] = [];
    for (const { party, body } of SUBMISSIONS) {
      const response = await call(`${intakeUrl}/api/signals`, inspectors[party], {
        method: 'POST',
        headers: { [IDEMPOTENCY_KEY_HEADER]: randomUUID() },
        body: JSON.stringify(body),
      });
      expect(response.status, await response.clone().text()).toBe(201);
      accepted.push({ id: ((await response.json()) as { id: string }).id, municipality: body.municipality });
    }
    const refused = await call(`${intakeUrl}/api/signals`, inspectors['gemeente-soest'], {
      method: 'POST',
      headers: { [IDEMPOTENCY_KEY_HEADER]: randomUUID() },
      body: JSON.stringify(INVALID_SUBMISSION),
    });
    expect(refused.status).toBe(400);

    // 2. On the agendas (through the meeting API, as its members see it).
    for (const municipality of ['soest', 'baarn'] as const) {
      const expected = accepted.filter((signal) => signal.municipality === municipality).map((signal) => signal.id);
      await eventually(
        async () => {
          const response = await call(`${meetingUrl}/api/agenda?municipality=${municipality}`, members[municipality]);
          if (!response.ok) return undefined;
          const ids = ((await response.json()) as AgendaEntry[]).map((entry) => entry.id);
          return expected.every((id) => ids.includes(id)) ? true : undefined;
        },
        { timeoutMs: 60_000, what: `${expected.length} signals on the ${municipality} agenda`, intervalMs: 250 },
      );
    }

    // 3. An authorised member opens an item (the envelope really holds the canaries) and decides on it.
    const soestItem = accepted[0]?.id ?? '';
    const opened = await call(`${meetingUrl}/api/agenda/items/${soestItem}`, members.soest);
    expect(opened.status).toBe(200);
    // Positive control: the scanner finds the canaries in the (canonical) form the hub keeps them, so a
    // clean scan below means absence, not a pattern that cannot match.
    const openedSignal = JSON.stringify(((await opened.json()) as OpenedAgendaItem).signal);
    const found = leaksIn('opened signal', openedSignal).map((leak) => leak.replace(/ in opened signal$/, ''));
    expect(found).toEqual(expect.arrayContaining(['Kanariana Zwavelbeek', '1971-04-17', '284619537', 'KN417V', '3743QZ', '69471203', 'Kanariepiet', '52.187341']));
    const decided = await call(`${meetingUrl}/api/agenda/items/${soestItem}/decision`, members.soest, {
      method: 'POST',
      body: JSON.stringify({
        approach: 'bestuurlijk',
        leadParty: 'gemeente-soest',
        actions: [{ description: 'Controle Kanarieweg 77 en Putterstraat 12 bij Zwavelbeek', dueDate: inDays(14) }],
        riecHandover: true,
        feedback: 'Gesprek met Kanariana Zwavelbeek (06-84736291) over KN-417-V; Distelvink neemt contact op.',
      }),
    });
    expect(decided.status, await decided.clone().text()).toBe(201);
    // The intake consumed decision.recorded: the reporter sees the feedback.
    await eventually(
      async () => {
        const response = await call(`${intakeUrl}/api/signals/mine`, inspectors['gemeente-soest']);
        if (!response.ok) return undefined;
        const mine = (await response.json()) as MySignalsResponse;
        return mine.signals.find((signal) => signal.id === soestItem)?.feedback.some((item) => item.feedback.includes('Distelvink')) ? true : undefined;
      },
      { timeoutMs: 60_000, what: 'the decision feedback at the intake', intervalMs: 250 },
    );

    // 3b. The lead party marks the action done with a note full of canaries (issue 9): the note is free
    // text that may name people, so it is stored sealed (an `action.completed` envelope), never in clear.
    const decisionId = ((await decided.json()) as { decisionId: string }).decisionId;
    const planted = 'Gesproken met Kanariana Zwavelbeek (06-84736291) en Distelvink op de Kanarieweg 77.';
    const done = await call(`${meetingUrl}/api/actions/${decisionId}/0/done`, members.soest, {
      method: 'POST',
      body: JSON.stringify({ doneOn: new Date().toISOString().slice(0, 10), note: planted }),
    });
    expect(done.status, await done.clone().text()).toBe(200);
    // Positive control: the lead party reads the note back, so it was stored (sealed) and not dropped.
    const listed = (await (await call(`${meetingUrl}/api/actions`, members.soest)).json()) as { decisionId: string; done?: { note?: string } }[];
    expect(listed.find((action) => action.decisionId === decisionId)?.done?.note).toBe(planted);

    const scanBus = createEventBus({ brokers: kafka.brokers, clientId: `canary-scan-${slug}`, logger: createLogger('canary-scan', 'warn') });
    bus = scanBus;
    const keyring = await loadKeyringFromDirectory(infrastructure.keysDir, infrastructure.keyPassphrase);
    const sealer = new EnvelopeSealer(keyring);

    // 3c. The Bibob pool asks Soest for the signal twice (purposes full of canaries): one is answered with
    // the signal, one refused with a reason full of canaries; a third request arrives tampered.
    const informationRequest = (purpose: string) => ({
      requestId: randomUUID(),
      municipality: 'soest',
      object: { kind: 'signal', signalId: soestItem, matchTokens: [] },
      requestedBy: { party: 'bibob-pool-bes', userId: 'coordinator-1' },
      purpose,
      requestedAt: new Date().toISOString(),
    });
    const requestFacts = { from: 'bibob-pool-bes', to: ['gemeente-soest'], type: EventTypes.informationRequested, municipality: 'soest', objectKind: 'signal' } as const;
    const toAnswer = informationRequest('Bibob-onderzoek naar Kanariana Zwavelbeek, Sijsjesberg 3 (KN-417-V).');
    const toRefuse = informationRequest('Bibob-onderzoek Kanariepiet, vestiging Kneutelhof.');
    const poolProducer = scanBus.createProducer();
    await poolProducer.connect();
    for (const request of [toAnswer, toRefuse]) {
      await poolProducer.send(Topics.information, [{ key: 'soest', value: Buffer.from(JSON.stringify(await sealer.seal(request, requestFacts))) }]);
    }
    await eventually(
      async () => {
        const response = await call(`${meetingUrl}/api/information-requests?municipality=soest`, members.soest);
        if (!response.ok) return undefined;
        const ids = ((await response.json()) as InformationRequestSummary[]).map((entry) => entry.id);
        return [toAnswer.requestId, toRefuse.requestId].every((id) => ids.includes(id)) ? true : undefined;
      },
      { timeoutMs: 60_000, what: 'both information requests at the Soest meeting', intervalMs: 250 },
    );
    const answered = await call(`${meetingUrl}/api/information-requests/${toAnswer.requestId}/response`, members.soest, { method: 'POST', body: JSON.stringify({ outcome: 'answered' }) });
    expect(answered.status, await answered.clone().text()).toBe(201);
    const refusedRequest = await call(`${meetingUrl}/api/information-requests/${toRefuse.requestId}/response`, members.soest, {
      method: 'POST',
      body: JSON.stringify({ outcome: 'refused', reason: 'Lopend onderzoek naar Zwavelbeek op de Kneutelhof (06-84736291).' }),
    });
    expect(refusedRequest.status, await refusedRequest.clone().text()).toBe(201);
    const forgedRequest = await sealer.seal(informationRequest('Zwavelbeek, Sijsjesberg 3'), requestFacts);

    // 4. Forged messages, full of canaries inside the ciphertext: each service dead-letters what it refuses.
    const recipients = ['gemeente-soest', 'politie-bes', 'riec-mn'];
    const sealedSignal = await sealer.seal(
      {
        id: randomUUID(),
        reportedAt: new Date().toISOString(),
        reporter: { party: 'gemeente-soest', userId: 'inspecteur.soest' },
        ...SUBMISSIONS[0]?.body,
        location: { postcode: '3743QZ', huisnummer: { number: 77 } },
        subjects: [{ kind: 'person', name: 'Kanariana Zwavelbeek', birthDate: '1971-04-17' }],
      },
      { from: 'gemeente-soest', to: recipients, type: EventTypes.signalSubmitted, municipality: 'soest', theme: 'autobranche' },
    );
    const sealedDecision = await sealer.seal(
      { signalId: soestItem, feedback: 'Distelvink bij Kanarieweg 77, KN-417-V' },
      { from: 'gemeente-soest', to: recipients, type: EventTypes.decisionRecorded, municipality: 'soest', approach: 'bestuurlijk', riecHandover: true },
    );
    // The header no longer matches its signed digest: a tampered (forged) envelope.
    const tampered = (envelope: Envelope): Buffer => Buffer.from(JSON.stringify({ ...envelope, header: { ...envelope.header, theme: 'horeca' } }));
    const producer = bus.createProducer();
    await producer.connect();
    await producer.send(Topics.signalSubmitted, [{ key: 'soest', value: tampered(sealedSignal) }]);
    await producer.send(Topics.decisionRecorded, [{ key: 'soest', value: tampered(sealedDecision) }]);
    await producer.send(Topics.information, [{ key: 'soest', value: Buffer.from(JSON.stringify({ ...forgedRequest, header: { ...forgedRequest.header, objectKind: 'permit' } })) }]);

    // 5. Every topic on the private broker, read from the beginning to its end offsets.
    // Broker bookkeeping (`__consumer_offsets`) holds no message a service produced; messageCounts skips it.
    const endOffsets = (): Promise<Map<string, number>> => scanBus.messageCounts();
    const signalDlq = deadLetterTopic(Topics.signalSubmitted);
    const decisionDlq = deadLetterTopic(Topics.decisionRecorded);
    const informationDlq = deadLetterTopic(Topics.information);
    const expectedCounts = await eventually(
      async () => {
        const counts = await endOffsets();
        const forgedDeadLettered = [signalDlq, decisionDlq, informationDlq].every((topic) => (counts.get(topic) ?? 0) > 0);
        // Two requests, two answers (published by the meeting's outbox relay) and the forged request.
        return forgedDeadLettered && (counts.get(Topics.information) ?? 0) >= 5 ? counts : undefined;
      },
      { timeoutMs: 60_000, what: 'the answers on the information topic and every forged message in its dead-letter topic', intervalMs: 250 },
    );

    const scanned: ScannedMessage[] = [];
    const topics = [...expectedCounts.keys()];
    const collect = (message: BusMessage): Promise<void> => {
      scanned.push({ topic: message.topic, message });
      return Promise.resolve();
    };
    let consumerFailure: Error | undefined;
    const consumer = bus.createConsumer({
      groupId: `canary-scan-${slug}`,
      topics,
      handlers: Object.fromEntries(topics.map((topic) => [topic, collect])),
      fromBeginning: true,
      onFatal: (error) => {
        consumerFailure = error;
      },
    });
    await consumer.start();
    const countOf = (topic: string): number => scanned.filter((entry) => entry.topic === topic).length;
    await eventually(
      () => {
        if (consumerFailure !== undefined) throw consumerFailure;
        return topics.every((topic) => countOf(topic) >= (expectedCounts.get(topic) ?? 0)) ? true : undefined;
      },
      { timeoutMs: 60_000, what: `every message of ${topics.join(', ')}`, intervalMs: 250 },
    );
    await consumer.stop();

    // Not vacuous: signals, the decision and dead letters were all read.
    expect(countOf(Topics.signalSubmitted)).toBeGreaterThanOrEqual(SUBMISSIONS.length + 1);
    expect(countOf(Topics.decisionRecorded)).toBeGreaterThanOrEqual(2);
    expect(countOf(signalDlq)).toBeGreaterThan(0);
    expect(countOf(decisionDlq)).toBeGreaterThan(0);
    expect(countOf(Topics.information)).toBeGreaterThanOrEqual(5);
    expect(countOf(informationDlq)).toBeGreaterThan(0);

    const leaks: string[] = [];
    for (const { topic, message } of scanned) {
      const where = `${topic}/${message.partition}/${message.offset}`;
      leaks.push(...leaksIn(`${where} key`, message.key));
      leaks.push(...leaksIn(`${where} headers`, JSON.stringify(message.headers)));
      const value = message.value.toString('utf8');
      const envelope = JSON.parse(value) as Envelope;
      expect(envelope.header.messageId, where).toBeTypeOf('string');
      leaks.push(...leaksIn(`${where} envelope header`, JSON.stringify(envelope.header)));
      // The whole value too: personal data outside the OpenPGP body is a leak wherever it sits.
      leaks.push(...leaksIn(`${where} value`, value));
    }

    // 6. Redis: every key of this run (BullMQ queues, replay marks) and its value, whatever its type.
    const keys = await scanRedisKeys();
    expect(keys.filter((key) => key.startsWith(`${queuePrefix}:`)).length).toBeGreaterThan(0);
    expect(keys.filter((key) => key.includes(`:${meetingReplayNamespace}:`)).length).toBeGreaterThan(0);
    expect(keys.filter((key) => key.includes(`:${intakeReplayNamespace}:`)).length).toBeGreaterThan(0);
    let jobData = 0;
    for (const key of keys) {
      leaks.push(...leaksIn(`Redis key name ${key}`, key));
      const type = await redis.type(key);
      let content: unknown;
      switch (type) {
        case 'string':
          content = await redis.get(key);
          break;
        case 'hash':
          content = await redis.hgetall(key);
          if (typeof (content as Record<string, string>).data === 'string') jobData += 1;
          break;
        case 'list':
          content = await redis.lrange(key, 0, -1);
          break;
        case 'set':
          content = await redis.smembers(key);
          break;
        case 'zset':
          content = await redis.zrange(key, 0, -1, 'WITHSCORES');
          break;
        case 'stream':
          content = await redis.xrange(key, '-', '+');
          break;
        default:
          content = ''; // expired between SCAN and TYPE
      }
      leaks.push(...leaksIn(`Redis ${type} ${key}`, JSON.stringify(content)));
    }
    // The agenda jobs themselves (envelope + routing facts) were among what was scanned.
    expect(jobData).toBeGreaterThanOrEqual(SUBMISSIONS.length);

    // 6b. The meeting's action tables: every column of every row (the note only as its sealed envelope).
    for (const table of ['action_reminders', 'action_notices']) {
      const rows = await database.query<{ row: unknown }>(`SELECT to_jsonb(t) AS row FROM ${meetingSchema}.${table} t`);
      if (table === 'action_reminders') expect(rows.rows.length).toBeGreaterThan(0);
      for (const { row } of rows.rows) leaks.push(...leaksIn(`PostgreSQL ${meetingSchema}.${table}`, JSON.stringify(row)));
    }
    const sealedNote = await database.query<{ type: string }>(`SELECT done_note->'header'->>'type' AS type FROM ${meetingSchema}.action_reminders WHERE decision_id = $1`, [decisionId]);
    expect(sealedNote.rows).toEqual([{ type: 'action.completed' }]);
    // 6c. The meeting's store of information requests: purpose and reason only as ciphertext.
    const stored = await database.query<{ row: unknown }>(`SELECT row_to_json(r) AS row FROM ${meetingSchema}.information_requests r`);
    expect(stored.rows).toHaveLength(2);
    leaks.push(...leaksIn('meeting information_requests', JSON.stringify(stored.rows)));

    // 7. Logs, including what the services say while shutting down.
    for (const child of [intake, meeting]) child?.stop('SIGTERM');
    await Promise.all([intake?.exited, meeting?.exited]);
    const intakeLog = intake?.log ?? '';
    const meetingLog = meeting?.log ?? '';
    expect(meetingLog).toContain('signal placed on agenda');
    expect(meetingLog).toContain('signal refused and dead-lettered');
    expect(meetingLog).toContain('information request handled');
    expect(meetingLog).toContain('information refused and dead-lettered');
    expect(intakeLog).toContain('decision stored');
    expect(intakeLog).toContain('decision refused');
    leaks.push(...leaksIn('signal-intake log', intakeLog));
    leaks.push(...leaksIn('meeting log', meetingLog));

    expect(leaks).toEqual([]);
  });
});
