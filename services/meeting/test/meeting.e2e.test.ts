import { randomBytes } from 'node:crypto';
import { createEventBus, type BusProducer, type EventBus } from '@signaalhub/bus';
import { DecisionRecorded, Envelope, regionDayOf, Topics, type AgendaEntry, type DecisionReceipt, type DiscussedItem, type OpenedAgendaItem } from '@signaalhub/contracts';
import { EnvelopeOpener, InMemoryReplayStore } from '@signaalhub/envelope';
import { IDENTITY_HEADER, issueIdentityToken } from '@signaalhub/identity';
import { createLogger } from '@signaalhub/logging';
import { eventually, type RunningService, ServiceProcess, testInfrastructure, uniqueName } from '@signaalhub/test-infra';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMeeting, caller, meetingEnv } from './support/running-meeting.js';
import { randomKvkNumber, sealSignal, testKeys, type SignalEnvelope } from './support/sealed-signals.js';

const CANARY_TEXT = `CANARY-${randomBytes(6).toString('hex')}`;
const CANARY_NAME = 'Kanarie Vogelzang';

function daysFromNow(days: number): string {
  return new Date(Date.now() + days * 24 * 60 * 60 * 1000).toISOString().slice(0, 10);
}

describe('meeting service', () => {
  let sut: RunningService;
  let bus: EventBus;
  let producer: BusProducer;

  beforeAll(async () => {
    sut = await startMeeting();
    bus = createEventBus({ brokers: testInfrastructure().kafkaBrokers, clientId: 'meeting-e2e', logger: createLogger('meeting-e2e', 'warn') });
    producer = bus.createProducer();
    await producer.connect();
  });

  afterAll(async () => {
    await bus.close();
    await sut.stop();
  });

  async function publish(envelope: SignalEnvelope): Promise<void> {
    await producer.send(Topics.signalSubmitted, [{ key: envelope.header.municipality, value: Buffer.from(JSON.stringify(envelope)) }]);
  }

  async function agendaEntry(municipality: string, id: string): Promise<AgendaEntry> {
    return eventually(
      async () => {
        const response = await sut.call('GET', `/api/agenda?municipality=${municipality}`, caller(`gemeente-${municipality}`));
        const entries = (await response.json()) as AgendaEntry[];
        return entries.find((entry) => entry.id === id);
      },
      { timeoutMs: 90_000, what: `item ${id} on the ${municipality} agenda` },
    );
  }

  it('lists a published signal on its agenda with its hits, opens it for a Soest member only, and audits both', async () => {
    const kvkNumber = randomKvkNumber();
    const earlier = await sealSignal({ municipality: 'baarn', kvkNumber });
    const { envelope, signal } = await sealSignal({ municipality: 'soest', kvkNumber, freeText: CANARY_TEXT, personName: CANARY_NAME });
    await publish(earlier.envelope);
    await publish(envelope);
    await agendaEntry('baarn', earlier.envelope.header.messageId);

    const entry = await agendaEntry('soest', envelope.header.messageId);
    const earlierDay = regionDayOf(earlier.envelope.header.createdAt);
    const hits = [{ municipality: 'baarn', count: 1, firstReportedOn: earlierDay, lastReportedOn: earlierDay, imported: 0 }];
    expect(entry).toEqual({ id: envelope.header.messageId, theme: 'autobranche', receivedAt: envelope.header.createdAt, priority: 'hoog', hits });

    const soestMember = caller('gemeente-soest');
    const opened = await sut.call('GET', `/api/agenda/items/${envelope.header.messageId}`, soestMember);
    expect(opened.status).toBe(200);
    const body = (await opened.json()) as OpenedAgendaItem;
    expect(body.signal).toMatchObject({ id: signal.id, freeText: CANARY_TEXT });
    expect(body.item).toMatchObject({ id: envelope.header.messageId, municipality: 'soest', status: 'pending', priority: 'hoog' });
    expect(body.hits).toEqual(hits);
    expect(await sut.auditEntries({ userId: soestMember.userId })).toMatchObject([
      { action: 'signal.open', object_id: envelope.header.messageId, result: 'allowed', actor_party: 'gemeente-soest' },
    ]);

    const baarnMember = caller('gemeente-baarn');
    const refused = await sut.call('GET', `/api/agenda/items/${envelope.header.messageId}`, baarnMember);
    expect(refused.status).toBe(403);
    expect(await refused.json()).toEqual({ error: 'forbidden' });
    expect(await sut.auditEntries({ userId: baarnMember.userId })).toMatchObject([
      { action: 'signal.open', object_id: envelope.header.messageId, result: 'denied', reason: 'other-municipality' },
    ]);
  });

  it('keeps an imported signal off every agenda, findable under "Besproken" with its report day, and counts it as a hit of a new signal', async () => {
    const kvkNumber = randomKvkNumber();
    const reportedOn = '2021-03-15';
    const imported = await sealSignal({ municipality: 'baarn', kvkNumber, reportedOn });
    const fresh = await sealSignal({ municipality: 'soest', kvkNumber });
    await publish(imported.envelope);
    await publish(fresh.envelope);
    const importedId = imported.envelope.header.messageId;
    const baarnMember = caller('gemeente-baarn');

    // Admitted (findable under "Besproken", the municipality's history) ...
    const discussed = await eventually(
      async () => {
        const list = (await (await sut.call('GET', '/api/agenda/discussed?municipality=baarn', baarnMember)).json()) as DiscussedItem[];
        return list.find((item) => item.id === importedId);
      },
      { timeoutMs: 90_000, what: 'the imported signal under Besproken' },
    );
    expect(discussed).toEqual({ id: importedId, theme: 'autobranche', receivedAt: imported.envelope.header.createdAt, reportedOn, status: 'imported', latestDecision: null });
    // ... but not on the agenda: the new Soest signal is listed, after the imported one was admitted before it or not.
    const entry = await eventually(
      async () => {
        const found = await agendaEntry('soest', fresh.envelope.header.messageId);
        return found.hits.length === 1 ? found : undefined;
      },
      { timeoutMs: 90_000, what: 'the imported hit on the new signal' },
    );
    expect(entry.hits).toEqual([{ municipality: 'baarn', count: 1, firstReportedOn: reportedOn, lastReportedOn: reportedOn, imported: 1 }]);
    const baarnAgenda = (await (await sut.call('GET', '/api/agenda?municipality=baarn', baarnMember)).json()) as AgendaEntry[];
    expect(baarnAgenda.map((item) => item.id)).not.toContain(importedId);
    // A filter on the decision leaves it out: there is none.
    const filtered = (await (await sut.call('GET', '/api/agenda/discussed?municipality=baarn&approach=bestuurlijk', baarnMember)).json()) as DiscussedItem[];
    expect(filtered.map((item) => item.id)).not.toContain(importedId);

    const opened = await sut.call('GET', `/api/agenda/items/${importedId}`, baarnMember);
    expect(opened.status).toBe(200);
    expect(((await opened.json()) as OpenedAgendaItem).item).toMatchObject({ id: importedId, status: 'imported', reportedOn });
    const decision = { approach: 'bestuurlijk', leadParty: 'gemeente-baarn', actions: [], riecHandover: false, feedback: '' };
    expect((await sut.call('POST', `/api/agenda/items/${importedId}/decision`, baarnMember, decision)).status).toBe(409);
  });

  it('answers 404 for an unknown item to a member, and 403 before the lookup to a caller without the meeting role', async () => {
    const unknown = '00000000-0000-4000-8000-000000000000';
    const missing = await sut.call('GET', `/api/agenda/items/${unknown}`, caller('gemeente-soest'));
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ error: 'not-found' });
    const inspector = caller('gemeente-soest', ['inspector']);
    const refused = await sut.call('GET', `/api/agenda/items/${unknown}`, inspector);
    expect(refused.status).toBe(403);
    expect(await refused.json()).toEqual({ error: 'forbidden' });
    expect(await sut.auditEntries({ userId: inspector.userId })).toMatchObject([{ action: 'signal.open', object_id: unknown, result: 'denied', reason: 'wrong-role' }]);
  });

  it("records a decision, publishes it sealed as decision.recorded so the reporter's party can open it, and closes the item", async () => {
    // Reported by a Baarn inspector about Soest, not sent to Baarn: the decision must still reach the reporter.
    const { envelope, signal } = await sealSignal({
      municipality: 'soest',
      kvkNumber: randomKvkNumber(),
      reporterParty: 'gemeente-baarn',
      recipients: ['gemeente-soest', 'politie-bes'],
    });
    await publish(envelope);
    const itemId = envelope.header.messageId;
    await agendaEntry('soest', itemId);

    const member = caller('gemeente-soest');
    const request = {
      approach: 'bestuurlijk',
      leadParty: 'gemeente-soest',
      actions: [{ description: 'Controle op het terrein', dueDate: daysFromNow(14) }, { description: 'Vandaag bellen', dueDate: daysFromNow(0) }],
      riecHandover: true,
      feedback: 'Dank voor uw melding; de gemeente pakt dit bestuurlijk op.',
    };
    const response = await sut.call('POST', `/api/agenda/items/${itemId}/decision`, member, request);
    expect(response.status).toBe(201);
    const receipt = (await response.json()) as DecisionReceipt;
    expect(receipt).toMatchObject({ itemId, status: 'closed' });
    expect(receipt.recipients).toEqual(['gemeente-soest', 'politie-bes', 'gemeente-baarn', 'riec-mn']);

    const published = await decisionEnvelope(receipt.decisionId);
    expect(published.header).toMatchObject({ type: 'decision.recorded', sender: 'gemeente-soest', municipality: 'soest' });
    // Readiness shows the outbox backlog; once the broker acknowledged the decision, nothing waits.
    const backlogs = await eventually(
      async () => {
        const readiness = (await (await fetch(`${sut.base}/health/ready`)).json()) as { backlogs: { pending: number | null }[] };
        return readiness.backlogs.every((backlog) => backlog.pending === 0) ? readiness.backlogs : undefined;
      },
      { timeoutMs: 30_000, what: 'an empty outbox backlog on /health/ready' },
    );
    expect(backlogs).toEqual([{ name: 'outbox', pending: 0, oldestAgeSeconds: null }]);
    const { keyring } = await testKeys();
    const reporterView = await new EnvelopeOpener(keyring, { replayStore: new InMemoryReplayStore() }).open(published, { as: 'gemeente-baarn', payload: DecisionRecorded });
    expect(reporterView.payload).toMatchObject({
      signalId: signal.id,
      approach: 'bestuurlijk',
      leadParty: 'gemeente-soest',
      riecHandover: true,
      feedback: request.feedback,
      recordedBy: { party: 'gemeente-soest', userId: member.userId },
    });

    const agenda = (await (await sut.call('GET', '/api/agenda?municipality=soest', member)).json()) as AgendaEntry[];
    expect(agenda.map((entry) => entry.id)).not.toContain(itemId);
    expect((await sut.call('POST', `/api/agenda/items/${itemId}/decision`, member, request)).status).toBe(409);
    expect(await sut.auditEntries({ userId: member.userId, action: 'decision.record' })).toMatchObject([{ object_id: itemId, result: 'allowed' }]);

    // The action due today is reminded at once (due and overdue); the one in 14 days waits as a delayed job.
    await eventually(
      async () => {
        const rows = await sut.pool.query<{ action_index: number; kind: string }>(
          `SELECT action_index, kind FROM ${sut.schema}.action_notices WHERE decision_id = $1 ORDER BY action_index, kind`,
          [receipt.decisionId],
        );
        return rows.rows.length === 2 ? rows.rows : undefined;
      },
      { timeoutMs: 30_000, what: 'the reminders of the action due today' },
    ).then((rows) => {
      expect(rows).toEqual([{ action_index: 1, kind: 'due' }, { action_index: 1, kind: 'overdue' }]);
    });
    expect(sut.process.log).toContain('action reminders reconciled');
  });

  it('puts an item back on the agenda when the meeting needs more information', async () => {
    const { envelope } = await sealSignal({ municipality: 'soest', kvkNumber: randomKvkNumber() });
    await publish(envelope);
    const itemId = envelope.header.messageId;
    await agendaEntry('soest', itemId);
    const response = await sut.call('POST', `/api/agenda/items/${itemId}/decision`, caller('politie-bes'), {
      approach: 'meer-informatie',
      leadParty: 'politie-bes',
      actions: [],
      riecHandover: false,
      feedback: '',
    });
    expect(response.status).toBe(201);
    expect(await response.json()).toMatchObject({ status: 'pending' });
    await agendaEntry('soest', itemId);
  });

  it('rejects a decision naming the field and the rule when the input is wrong', async () => {
    const { envelope } = await sealSignal({ municipality: 'soest', kvkNumber: randomKvkNumber() });
    await publish(envelope);
    await agendaEntry('soest', envelope.header.messageId);
    const response = await sut.call('POST', `/api/agenda/items/${envelope.header.messageId}/decision`, caller('gemeente-soest'), {
      approach: 'ophangen',
      leadParty: 'gemeente-soest',
      actions: [{ description: 'x', dueDate: '2020-13-45' }],
      riecHandover: 'ja',
      feedback: '',
      extra: true,
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: string; problems: { field: string; rule: string; message: string }[] };
    expect(body.error).toBe('validation');
    expect(body.problems.map((problem) => problem.field)).toEqual(expect.arrayContaining(['approach', 'actions.0.dueDate', 'riecHandover', 'extra']));
    expect(body.problems.every((problem) => problem.rule.length > 0 && problem.message.length > 0)).toBe(true);
  });

  it('answers malformed and oversize JSON with a 400 naming the body, without echoing it', async () => {
    const headers = {
      'content-type': 'application/json',
      [IDENTITY_HEADER]: await issueIdentityToken(caller('gemeente-soest'), { secret: testInfrastructure().identitySecret }),
    };
    const malformed = await fetch(`${sut.base}/api/meetings`, { method: 'POST', headers, body: `{"municipality": "${CANARY_TEXT}` });
    expect(malformed.status).toBe(400);
    const body = await malformed.text();
    expect(JSON.parse(body)).toMatchObject({ error: 'validation', problems: [{ field: 'body' }] });
    expect(body).not.toContain(CANARY_TEXT);
    const oversize = await fetch(`${sut.base}/api/meetings`, { method: 'POST', headers, body: JSON.stringify({ municipality: 'x'.repeat(100_000) }) });
    expect(oversize.status).toBe(400);
  });

  it('schedules meetings and lists them by date', async () => {
    const member = caller('gemeente-eemnes');
    const later = await sut.call('POST', '/api/meetings', member, { municipality: 'eemnes', date: '2031-03-02' });
    expect(later.status).toBe(201);
    expect((await sut.call('POST', '/api/meetings', member, { municipality: 'eemnes', date: '2031-01-05' })).status).toBe(201);
    expect((await sut.call('POST', '/api/meetings', member, { municipality: 'eemnes', date: '2031-03-02' })).status).toBe(409);
    const listed = (await (await sut.call('GET', '/api/meetings?municipality=eemnes', member)).json()) as { date: string }[];
    expect(listed.map((meeting) => meeting.date)).toEqual(['2031-01-05', '2031-03-02']);
  });

  it('answers 401 without an identity and serves its OpenAPI document', async () => {
    const response = await sut.call('GET', '/api/agenda?municipality=soest', undefined);
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ error: 'unauthenticated' });
    const openApi = (await (await fetch(`${sut.base}/api/openapi.json`)).json()) as { paths: Record<string, unknown> };
    expect(Object.keys(openApi.paths)).toEqual(
      expect.arrayContaining([
        '/api/agenda',
        '/api/agenda/items/{id}',
        '/api/agenda/items/{id}/decision',
        '/api/meetings',
        '/api/actions',
        '/api/actions/{decisionId}/{actionIndex}/done',
        '/api/actions/{decisionId}/{actionIndex}/due-date',
        '/health/ready',
      ]),
    );
  });

  it('keeps planted personal data out of its own output and out of Redis', async () => {
    expect(sut.process.log).not.toContain(CANARY_TEXT);
    expect(sut.process.log).not.toContain(CANARY_NAME);
    const redis = new Redis(testInfrastructure().redisUrl);
    try {
      const keys = await redis.keys(`${sut.env.MEETING_QUEUE_PREFIX}:*`);
      expect(keys.length).toBeGreaterThan(0);
      for (const key of keys) {
        const type = await redis.type(key);
        const text =
          type === 'hash' ? JSON.stringify(await redis.hgetall(key)) : type === 'string' ? ((await redis.get(key)) ?? '') : '';
        expect(text).not.toContain(CANARY_TEXT);
        expect(text).not.toContain(CANARY_NAME);
      }
    } finally {
      redis.disconnect();
    }
  });

  it('stops on SIGTERM: consumer, workers and relay first, then the connections', async () => {
    expect(await sut.stop()).toBe(0);
    expect(sut.process.log).toContain('meeting stopped');
    expect(sut.process.log).not.toContain('Cannot apply global exception filters');
  });

  async function decisionEnvelope(decisionId: string): Promise<Envelope> {
    let found: Envelope | undefined;
    const consumer = bus.createConsumer({
      groupId: uniqueName('decision-reader'),
      topics: [Topics.decisionRecorded],
      handlers: {
        [Topics.decisionRecorded]: (message) => {
          const parsed = Envelope.safeParse(JSON.parse(message.value.toString('utf8')));
          if (parsed.success && parsed.data.header.messageId === decisionId) found = parsed.data;
          return Promise.resolve();
        },
      },
    });
    await consumer.start();
    try {
      return await eventually(() => found, { timeoutMs: 90_000, what: 'the decision on Kafka' });
    } finally {
      await consumer.stop();
    }
  }
});

describe('meeting service configuration', () => {
  it.each([
    ['MUNICIPALITIES', 'Soest,,', 'MUNICIPALITIES: must be a comma-separated list of municipality ids'],
    ['IDENTITY_TOKEN_SECRET', 'too-short', 'IDENTITY_TOKEN_SECRET: must be at least 32 characters'],
    ['MEETING_PORT', '0', 'MEETING_PORT: must be a whole number from 1 to 65535'],
  ])('exits 78 naming %s when it is %j', async (variable, value, message) => {
    const service = ServiceProcess.start('meeting', { ...meetingEnv(), [variable]: value });
    expect(await service.exited).toBe(78);
    expect(service.log).toContain(message);
  });

  it('exits 78 naming KEYS_DIR when it is missing', async () => {
    const { KEYS_DIR: _missing, ...env } = meetingEnv();
    const service = ServiceProcess.start('meeting', env);
    expect(await service.exited).toBe(78);
    expect(service.log).toContain('KEYS_DIR: is required');
  });
});
