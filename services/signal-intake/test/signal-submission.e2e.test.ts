import { randomUUID } from 'node:crypto';
import { createEventBus, type BusConsumer, type BusMessage } from '@signaalhub/bus';
import { DecisionRecorded, Envelope, EventTypes, Signal, Topics, type DecisionRecorded as Decision, type EnvelopeHeaderOf } from '@signaalhub/contracts';
import { EnvelopeOpener, EnvelopeSealer, InMemoryReplayStore, loadKeyringFromDirectory, type PartyKeyring } from '@signaalhub/envelope';
import { createLogger } from '@signaalhub/logging';
import { eventually, type RunningService, testInfrastructure, uniqueName } from '@signaalhub/test-infra';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startIntake, postSignal, identity } from './support/intake-service.js';
import { CANARY, canaryNeedles, goodSubmission } from './support/submissions.js';

const infrastructure = testInfrastructure();
const soestInspector = identity('gemeente-soest', ['inspector']);

interface Problem {
  field: string;
  rule: string;
  message: string;
}

describe('POST /api/signals on the compiled service', () => {
  let sut: RunningService;
  let keyring: PartyKeyring;
  const seen = new Map<string, BusMessage>();
  let consumer: BusConsumer;
  const bus = createEventBus({ brokers: infrastructure.kafkaBrokers, clientId: 'intake-e2e', logger: createLogger('intake-e2e', 'warn') });

  beforeAll(async () => {
    keyring = await loadKeyringFromDirectory(infrastructure.keysDir, infrastructure.keyPassphrase);
    sut = await startIntake();
    // Collects every signal envelope on the shared topic by message id (other tests publish there too).
    consumer = bus.createConsumer({
      groupId: uniqueName('intake-e2e-reader'),
      topics: [Topics.signalSubmitted],
      handlers: {
        [Topics.signalSubmitted]: (message: BusMessage) => {
          const parsed = Envelope.safeParse(JSON.parse(message.value.toString('utf8')));
          if (parsed.success) seen.set(parsed.data.header.messageId, message);
          return Promise.resolve();
        },
      },
    });
    await consumer.start();
  });

  afterAll(async () => {
    await bus.close();
    await sut.stop();
  });

  it('accepts a signal with 201, publishes it sealed to the chosen recipients, and keeps personal data out of key, headers and header', async () => {
    const response = await postSignal(sut, goodSubmission(), { identity: soestInspector });
    expect(response.status).toBe(201);
    const accepted = (await response.json()) as { id: string; status: string };
    expect(accepted.status).toBe('ontvangen');

    const message = await eventually(() => seen.get(accepted.id), { timeoutMs: 60_000, what: 'the signal on Kafka' });
    expect(message.key).toBe('soest');
    expect(message.headers).toEqual({});
    const envelope = Envelope.parse(JSON.parse(message.value.toString('utf8')));
    expect(envelope.header).toMatchObject({
      headerVersion: 2,
      messageId: accepted.id,
      type: EventTypes.signalSubmitted,
      sender: 'gemeente-soest',
      recipients: ['gemeente-soest', 'politie-bes', 'riec-mn'],
      municipality: 'soest',
      theme: 'autobranche',
    });
    const header = envelope.header as EnvelopeHeaderOf<typeof EventTypes.signalSubmitted>;
    expect(header.matchTokens.map((token) => token.kind).sort()).toEqual(['address', 'kenteken', 'kvk', 'person']);
    const cleartext = `${message.key}${JSON.stringify(message.headers)}${JSON.stringify(envelope.header)}`;
    for (const needle of canaryNeedles()) expect(cleartext).not.toContain(needle);

    // The police can open it: the full, canonical Signal signed by the municipality.
    const opener = new EnvelopeOpener(keyring, { replayStore: new InMemoryReplayStore() });
    const opened = await opener.open(envelope, { as: 'politie-bes', payload: Signal });
    expect(opened.payload).toMatchObject({
      id: accepted.id,
      reporter: { party: 'gemeente-soest', userId: soestInspector.userId },
      location: { postcode: CANARY.postcode6 },
      subjects: [{ kvkNumber: CANARY.kvkNumber }, { name: CANARY.name }, { kenteken: CANARY.kenteken6 }],
    });
    await expect(opener.open(envelope, { as: 'belastingdienst', payload: Signal })).rejects.toThrow('not among the recipients');

    const allowed = await sut.auditEntries({ userId: soestInspector.userId, action: 'signal.submit', result: 'allowed' });
    expect(allowed.map((entry) => entry.object_id)).toContain(accepted.id);
  });

  it('returns the same signal with 200 when a POST is retried with the same Idempotency-Key, and 422 for another body', async () => {
    const key = randomUUID();
    const first = await postSignal(sut, goodSubmission(), { identity: soestInspector, key });
    expect(first.status).toBe(201);
    const { id } = (await first.json()) as { id: string };
    const outbox = await sut.countRows('outbox');

    const retries = await Promise.all([1, 2, 3].map(() => postSignal(sut, goodSubmission(), { identity: soestInspector, key })));
    for (const retry of retries) {
      expect(retry.status).toBe(200);
      expect(((await retry.json()) as { id: string }).id).toBe(id);
    }
    const other = await postSignal(sut, goodSubmission({ freeText: 'Iets anders' }), { identity: soestInspector, key });
    expect(other.status).toBe(422);
    expect(await other.json()).toMatchObject({ error: 'idempotency-conflict', problems: [{ field: 'Idempotency-Key' }] });
    // Another user may use the same key: keys are per user.
    const colleague = identity('gemeente-soest', ['inspector']);
    expect((await postSignal(sut, goodSubmission(), { identity: colleague, key })).status).toBe(201);
    expect(await sut.countRows('outbox')).toBe(outbox + 1);
  });

  const oversize = JSON.stringify({ ...goodSubmission(), freeText: 'x'.repeat(70 * 1024) });
  it.each<[string, { body?: unknown; rawBody?: string; contentType?: string; key?: string | null }, string, string]>([
    ['malformed JSON', { rawBody: '{"municipality": "soest",' }, 'body', 'must be well-formed JSON'],
    ['a JSON array', { rawBody: '[1,2]' }, 'body', 'must be of type object'],
    ['an oversize body', { rawBody: oversize }, 'body', 'must be at most 65536 bytes'],
    ['a body that is not JSON', { rawBody: 'municipality=soest', contentType: 'text/plain' }, 'body', 'must be sent as application/json'],
    ['an unknown top-level field', { body: { ...goodSubmission(), priority: 'hoog' } }, 'priority', 'unknown field'],
    ['an unknown nested field', { body: goodSubmission({ location: { postcode: '3762 QZ', huisnummer: { number: 12 }, straat: 'x' } as never }) }, 'location.straat', 'unknown field'],
    ['a wrong type', { body: goodSubmission({ freeText: 42 as never }) }, 'freeText', 'must be of type string'],
    ['a missing field', { body: { ...goodSubmission(), theme: undefined } }, 'theme', 'is required'],
    ['an invalid KvK number', { body: goodSubmission({ subjects: [{ kind: 'business', kvkNumber: '1234567' }] }) }, 'subjects.0.kvkNumber', 'KvK number must be 8 digits'],
    ['an invalid postcode', { body: goodSubmission({ location: { postcode: '0123 AB', huisnummer: { number: 1 } } }) }, 'location.postcode', 'postcode must be 4 digits'],
    ['an invalid kenteken', { body: goodSubmission({ subjects: [{ kind: 'vehicle', kenteken: 'AB-12' }] }) }, 'subjects.0.kenteken', 'kenteken must be 6 letters or digits'],
    ['an indicator of another theme', { body: goodSubmission({ indicators: ['hennepgeur'] }) }, 'indicators.0', "indicator must belong to the signal's theme"],
    ['a recipient the policy does not allow', { body: goodSubmission({ distribution: { recipients: ['gemeente-soest', 'om-mn'] } }) }, 'distribution.recipients', 'om-mn is not an allowed recipient for theme autobranche'],
    ['recipients without the own municipality', { body: goodSubmission({ distribution: { recipients: ['politie-bes'] } }) }, 'distribution.recipients', 'must include the reporting municipality gemeente-soest'],
    ['no Idempotency-Key', { body: goodSubmission(), key: null }, 'Idempotency-Key', 'header is required'],
    ['a malformed Idempotency-Key', { body: goodSubmission(), key: 'short' }, 'Idempotency-Key', 'must be 8 to 128 characters'],
  ])('rejects %s with 400 naming the field and the rule, and stores and publishes nothing', async (_case, request, field, rule) => {
    const [outboxBefore, signalsBefore] = [await sut.countRows('outbox'), await sut.countRows('signals')];
    const response = await postSignal(sut, request.body, {
      identity: soestInspector,
      ...(request.rawBody === undefined ? {} : { rawBody: request.rawBody }),
      ...(request.contentType === undefined ? {} : { contentType: request.contentType }),
      ...(request.key === undefined ? {} : { key: request.key }),
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: string; problems: Problem[] };
    expect(body.error).toBe('validation');
    expect(body.problems).toContainEqual(expect.objectContaining({ field, rule: expect.stringContaining(rule) as unknown }));
    for (const problem of body.problems) expect(problem.message).toMatch(/\S/);
    expect(await sut.countRows('outbox')).toBe(outboxBefore);
    expect(await sut.countRows('signals')).toBe(signalsBefore);
  });

  it('lets the inspector narrow the recipients and widen them only to parties the policy allows for the theme', async () => {
    const narrow = await postSignal(sut, goodSubmission({ distribution: { recipients: ['gemeente-soest'] } }), { identity: soestInspector });
    expect(narrow.status).toBe(201);
    const wide = await postSignal(sut, 
      goodSubmission({ theme: 'horeca', indicators: [], distribution: { recipients: ['gemeente-soest', 'politie-bes', 'riec-mn', 'belastingdienst'] } }),
      { identity: soestInspector },
    );
    expect(wide.status).toBe(201);
    const { id } = (await wide.json()) as { id: string };
    const message = await eventually(() => seen.get(id), { timeoutMs: 60_000, what: 'the widened signal on Kafka' });
    expect(Envelope.parse(JSON.parse(message.value.toString('utf8'))).header.recipients).toEqual([
      'gemeente-soest',
      'politie-bes',
      'riec-mn',
      'belastingdienst',
    ]);
  });

  it('shows the reporter status and the meeting\'s feedback once a decision.recorded envelope arrives', async () => {
    const reporter = identity('gemeente-soest', ['inspector']);
    const posted = await postSignal(sut, goodSubmission(), { identity: reporter });
    const { id } = (await posted.json()) as { id: string };
    await eventually(async () => ((await mine(reporter))[0]?.status === 'verzonden' ? true : undefined), { timeoutMs: 60_000, what: 'status verzonden' });

    const decision: Decision = DecisionRecorded.parse({
      signalId: id,
      municipality: 'soest',
      decidedAt: new Date().toISOString(),
      recordedBy: { party: 'gemeente-soest', userId: 'meeting-member-1' },
      approach: 'bestuurlijk',
      leadParty: 'gemeente-soest',
      actions: [{ description: 'Bestuurlijke controle uitvoeren', dueDate: '2030-01-15' }],
      riecHandover: false,
      feedback: 'Dank voor de melding; de gemeente pakt dit bestuurlijk op.',
    });
    const sealer = new EnvelopeSealer(keyring);
    const envelope = await sealer.seal(decision, {
      from: 'gemeente-soest',
      to: ['gemeente-soest', 'politie-bes', 'riec-mn'],
      type: EventTypes.decisionRecorded,
      municipality: 'soest',
      approach: decision.approach,
      riecHandover: decision.riecHandover,
    });
    // A genuine decision about a signal this service never accepted: refused, audited, dead-lettered.
    const stray = await sealer.seal(
      { ...decision, signalId: randomUUID() },
      { from: 'gemeente-soest', to: ['gemeente-soest'], type: EventTypes.decisionRecorded, municipality: 'soest', approach: decision.approach, riecHandover: decision.riecHandover },
    );
    const producer = bus.createProducer();
    await producer.connect();
    // Twice: the redelivery is recognised as a duplicate and shows once.
    await producer.send(
      Topics.decisionRecorded,
      [envelope, envelope, stray].map((sealed) => ({ key: 'soest', value: Buffer.from(JSON.stringify(sealed)) })),
    );
    await producer.disconnect();

    const item = await eventually(async () => {
      const [first] = await mine(reporter);
      return first?.status === 'besproken' ? first : undefined;
    }, { timeoutMs: 60_000, what: 'status besproken' });
    expect(item).toMatchObject({
      id,
      status: 'besproken',
      feedback: [
        {
          decisionId: envelope.header.messageId,
          approach: 'bestuurlijk',
          leadParty: 'gemeente-soest',
          actions: [{ description: 'Bestuurlijke controle uitvoeren', dueDate: '2030-01-15' }],
          feedback: 'Dank voor de melding; de gemeente pakt dit bestuurlijk op.',
        },
      ],
    });
    const openings = await sut.auditEntries({ action: 'decision.open', result: 'allowed' });
    const ofThisDecision = openings.filter((entry) => entry.object_id === envelope.header.messageId);
    expect(ofThisDecision.some((entry) => entry.actor_service === 'signal-intake' && entry.origin === 'kafka')).toBe(true);
    expect(ofThisDecision.some((entry) => entry.actor_user === reporter.userId)).toBe(true);
    const refusals = await eventually(async () => {
      const denied = (await sut.auditEntries({ action: 'decision.receive', result: 'denied' })).filter((entry) => entry.object_id === stray.header.messageId);
      return denied.length > 0 ? denied : undefined;
    }, { timeoutMs: 60_000, what: 'the stray decision refused' });
    expect(refusals).toEqual([expect.objectContaining({ actor_service: 'signal-intake', origin: 'kafka', reason: 'UNKNOWN_SIGNAL' })]);
    // Another inspector of the same party does not see it among their own signals.
    expect(await mine(identity('gemeente-soest', ['inspector']))).toEqual([]);
  });

  it('keeps planted personal data out of its own logs, its tables\' plain columns and Redis keys', async () => {
    // Every signal above carried the canaries; errors were provoked too (bad input, conflicts).
    const log = sut.process.log;
    expect(log.length).toBeGreaterThan(0);
    for (const needle of canaryNeedles()) expect(log).not.toContain(needle);

    const rows = await sut.pool.query(`SELECT id, reporter_user_id, reporter_party, municipality, theme, idempotency_key, request_fingerprint, envelope->'header' AS header FROM ${sut.schema}.signals`);
    const plain = JSON.stringify(rows.rows);
    for (const needle of canaryNeedles()) expect(plain).not.toContain(needle);
    const audit = JSON.stringify(await sut.auditEntries({}));
    for (const needle of canaryNeedles()) expect(audit).not.toContain(needle);

    const redis = new Redis(infrastructure.redisUrl);
    try {
      const keys = await redis.keys('*');
      for (const needle of canaryNeedles()) expect(keys.join('\n')).not.toContain(needle);
    } finally {
      redis.disconnect();
    }
  });

  async function mine(who: typeof soestInspector): Promise<{ id: string; status: string; feedback: unknown[] }[]> {
    const response = await sut.get('/api/signals/mine', who);
    expect(response.status).toBe(200);
    return ((await response.json()) as { signals: { id: string; status: string; feedback: unknown[] }[] }).signals;
  }
});
