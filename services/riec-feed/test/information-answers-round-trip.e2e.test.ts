import { randomUUID } from 'node:crypto';
import { createEventBus, type EventBus } from '@signaalhub/bus';
import { Topics, type AgendaEntry, type HitInformationRequest, type InformationRequestSummary, type Signal } from '@signaalhub/contracts';
import { createLogger } from '@signaalhub/logging';
import { eventually, testInfrastructure, uniqueName, type RunningService } from '@signaalhub/test-infra';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caller, startMeeting } from '../../meeting/test/support/running-meeting.js';
import { randomKvkNumber, sealSignal } from '../../meeting/test/support/sealed-signals.js';
import { liaison, startFeed } from './support/running-feed.js';

const DEADLINE_MS = 120_000;

/*
 * Issue 12, the RIEC's "verzoek om informatie" across the real services: a business is reported in Soest (sent
 * to the RIEC) and twice in Baarn (not sent): a hit. The liaison asks Baarn for both Baarn signals; a Baarn
 * member gives one and refuses the other with a reason. Over Kafka the feed takes both answers in: the hit's
 * requests show beantwoord and geweigerd with the reason, the given signal opens like one sent to the RIEC
 * (audited), the refused one stays closed (403, audited). The reason and the signal's content are in no
 * header, key or log line.
 */
describe('a verzoek om informatie of the RIEC answered and refused', () => {
  let meeting: RunningService;
  let feed: RunningService;
  let bus: EventBus;
  const member = caller('gemeente-baarn');
  const riec = liaison();
  const reason = uniqueName('Geweigerd want lopend strafrechtelijk onderzoek');
  // Letters only, as a person's name must be.
  const personName = `Kanarie Verzoekpersoon ${randomUUID().replace(/[^a-f]/g, '')}`;

  beforeAll(async () => {
    [meeting, feed] = await Promise.all([startMeeting(), startFeed()]);
    bus = createEventBus({ brokers: testInfrastructure().kafkaBrokers, clientId: 'information-answers-e2e', logger: createLogger('information-answers-e2e', 'warn') });
  });

  afterAll(async () => {
    await bus.close();
    await Promise.all([meeting.stop(), feed.stop()]);
  });

  it('shows both answers on the hit and opens the given signal', { timeout: 300_000 }, async () => {
    const kvkNumber = randomKvkNumber();
    const soest = await sealSignal({ municipality: 'soest', kvkNumber });
    const given = await sealSignal({ municipality: 'baarn', kvkNumber, recipients: ['gemeente-baarn'], personName });
    const refused = await sealSignal({ municipality: 'baarn', kvkNumber, recipients: ['gemeente-baarn'] });
    const producer = bus.createProducer();
    await producer.connect();
    for (const { envelope } of [soest, given, refused]) {
      await producer.send(Topics.signalSubmitted, [{ key: envelope.header.municipality, value: Buffer.from(JSON.stringify(envelope)) }]);
    }
    await producer.disconnect();
    const [givenId, refusedId] = [given.signal.id, refused.signal.id];

    // The hit's opaque id, found by the signal (the feed names a hit by it, never by its token).
    const hitId = await eventually(
      async () => {
        // Listing the hits gives each its opaque id.
        expect((await feed.call('GET', '/api/hits?kind=kvk', riec)).status).toBe(200);
        const result = await feed.pool.query<{ id: string }>(
          `SELECT h.id FROM "${feed.schema}".hit_ids h JOIN "${feed.schema}".match_tokens m ON m.kind = h.kind AND m.version = h.version AND m.token = h.token WHERE m.message_id = $1`,
          [givenId],
        );
        return result.rows[0]?.id;
      },
      { timeoutMs: DEADLINE_MS, what: 'the hit of the business reported in Soest and Baarn' },
    );
    await eventually(
      async () => {
        const agenda = (await (await meeting.call('GET', '/api/agenda?municipality=baarn', member)).json()) as AgendaEntry[];
        return [givenId, refusedId].every((id) => agenda.some((entry) => entry.id === id)) ? true : undefined;
      },
      { timeoutMs: DEADLINE_MS, what: 'both Baarn signals on the Baarn agenda' },
    );

    for (const signalId of [givenId, refusedId]) {
      const asked = await feed.call('POST', `/api/hits/${hitId}/information-requests`, riec, { signalId, purpose: 'Zicht op een keten van autobedrijven (RIEC-casus).' });
      expect(asked.status, await asked.clone().text()).toBe(201);
    }
    const requestsOfHit = async (): Promise<HitInformationRequest[]> => (await (await feed.call('GET', `/api/hits/${hitId}/information-requests`, riec)).json()) as HitInformationRequest[];
    expect((await requestsOfHit()).map(({ signalId, status, answeredAt, refusalReason }) => ({ signalId, status, answeredAt, refusalReason }))).toEqual([
      { signalId: givenId, status: 'open', answeredAt: null, refusalReason: null },
      { signalId: refusedId, status: 'open', answeredAt: null, refusalReason: null },
    ]);
    // Not given yet: closed, audited.
    expect((await feed.call('GET', `/api/hits/${hitId}/signals/${givenId}`, riec)).status).toBe(403);

    const inMeeting = await eventually(
      async () => {
        const listed = (await (await meeting.call('GET', '/api/information-requests?municipality=baarn', member)).json()) as InformationRequestSummary[];
        const ours = listed.filter((request) => request.requesterParty === 'riec-mn' && [givenId, refusedId].includes(request.signalId));
        return ours.length === 2 ? ours : undefined;
      },
      { timeoutMs: DEADLINE_MS, what: "the RIEC's two requests in Baarn's meeting" },
    );
    const meetingRequestOf = (signalId: string): string => inMeeting.find((request) => request.signalId === signalId)?.id ?? '';
    const answered = await meeting.call('POST', `/api/information-requests/${meetingRequestOf(givenId)}/response`, member, { outcome: 'answered' });
    expect(answered.status, await answered.clone().text()).toBe(201);
    const refusal = await meeting.call('POST', `/api/information-requests/${meetingRequestOf(refusedId)}/response`, member, { outcome: 'refused', reason });
    expect(refusal.status, await refusal.clone().text()).toBe(201);

    const requests = await eventually(async () => {
      const listed = await requestsOfHit();
      return listed.every((request) => request.status !== 'open') ? listed : undefined;
    }, { timeoutMs: DEADLINE_MS, what: 'both answers taken in by the feed' });
    expect(requests).toMatchObject([
      { signalId: givenId, municipality: 'baarn', status: 'beantwoord', answeredBy: { party: 'gemeente-baarn', userId: member.userId }, refusalReason: null },
      { signalId: refusedId, municipality: 'baarn', status: 'geweigerd', answeredBy: { party: 'gemeente-baarn', userId: member.userId }, refusalReason: reason },
    ]);
    for (const request of requests) expect(Date.parse(request.answeredAt ?? '')).toBeGreaterThanOrEqual(Date.parse(request.requestedAt));

    // The given signal opens exactly like one sent to the RIEC; the refused one stays closed.
    const opened = await feed.call('GET', `/api/hits/${hitId}/signals/${givenId}`, riec);
    expect(opened.status, await opened.clone().text()).toBe(200);
    const signal = (await opened.json()) as Signal;
    expect(signal).toMatchObject({ id: givenId, municipality: 'baarn', subjects: [{ kvkNumber: kvkNumber }, { name: personName }] });
    expect((await feed.call('GET', `/api/hits/${hitId}/signals/${refusedId}`, riec)).status).toBe(403);

    // Audited: both answers taken in, the opening allowed, the closed ones denied.
    for (const request of requests) {
      expect(await feed.auditEntries({ action: 'information.answer-received', objectId: request.id })).toMatchObject([{ actor_service: 'riec-feed', object_type: 'information-request', result: 'allowed' }]);
    }
    expect((await feed.auditEntries({ userId: riec.userId, action: 'signal.open', objectId: givenId })).map(({ result }) => result)).toEqual(['denied', 'allowed']);
    expect(await feed.auditEntries({ userId: riec.userId, action: 'signal.open', objectId: refusedId })).toMatchObject([{ result: 'denied', reason: 'not-a-recipient' }]);
    // Every listing of the requests (once before the answers, then while polling for them).
    expect((await feed.auditEntries({ userId: riec.userId, action: 'information.list', objectId: hitId, result: 'allowed' })).length).toBeGreaterThanOrEqual(2);

    // The answers are kept as they arrived, sealed; the reason and the signal's content are in no column, header or log line.
    const kept = await feed.pool.query<{ row: string }>(
      `SELECT to_jsonb(r)::text AS row FROM "${feed.schema}".information_requests r WHERE r.signal_id = ANY($1::uuid[])`,
      [[givenId, refusedId]],
    );
    expect(kept.rowCount).toBe(2);
    for (const { row } of kept.rows) {
      expect(row).not.toContain(reason);
      expect(row).not.toContain(personName);
    }
    const envelopes = await feed.pool.query<{ envelope: { header: unknown } }>(
      `SELECT e.envelope FROM "${feed.schema}".riec_envelopes e JOIN "${feed.schema}".information_requests r ON r.answer_message_id = e.message_id WHERE r.hit_id = $1`,
      [hitId],
    );
    expect(envelopes.rowCount).toBe(2);
    for (const { envelope } of envelopes.rows) for (const planted of [reason, personName]) expect(JSON.stringify(envelope)).not.toContain(planted);
    for (const service of [feed, meeting]) {
      expect(service.log).not.toContain(reason);
      expect(service.log).not.toContain(personName);
    }
  });
});
