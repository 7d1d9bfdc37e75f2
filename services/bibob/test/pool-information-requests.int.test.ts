import { randomUUID } from 'node:crypto';
import type { BusMessage } from '@signaalhub/bus';
import { Envelope, EventTypes, InformationAnswered, InformationRequested, informationAnswerRecipients, Topics, type Signal } from '@signaalhub/contracts';
import { EnvelopeSealer, storedEnvelopeOpener } from '@signaalhub/envelope';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BibobService } from '../src/composition.js';
import type { BibobConfig } from '../src/config.js';
import { PoolInformationRequests } from '../src/information/pool-information-requests.js';
import { InvalidScreeningInput } from '../src/screenings/screening-errors.js';
import { ScreeningFormIntake } from '../src/screenings/screening-form.js';
import { caller, coordinator, POOL, provided as providedBy, testParts } from './support/running-bibob.js';
import { sealedSignalAbout } from './support/sealed-signal-headers.js';
import { randomKvkNumber, screeningForm, testKeys } from './support/screening-requests.js';

describe(PoolInformationRequests.name, () => {
  let parts: BibobService;
  let config: BibobConfig;
  const person = { name: 'Piet Kanarie', birthDate: '1970-03-04' };

  beforeAll(async () => {
    ({ parts, config } = await testParts());
  });

  afterAll(async () => {
    await parts.close();
  });

  const provided = <T>(type: abstract new (...args: never[]) => T): T => providedBy(parts, type);

  const message = (topic: string, envelope: object, offset: number): BusMessage => ({
    topic,
    partition: 0,
    offset: String(offset),
    key: 'baarn',
    value: Buffer.from(JSON.stringify(envelope)),
    headers: {},
  });

  /** A Soest screening of a business an earlier Baarn signal is about, the pool having learnt that signal's header. */
  async function screeningWithBaarnHit(): Promise<{ screeningId: string; signal: Signal }> {
    const kvkNumber = randomKvkNumber();
    const { envelope, signal } = await sealedSignalAbout({ municipality: 'baarn', kvkNumber, person });
    expect(await parts.signalHeaders.receive(message(Topics.signalSubmitted, envelope, 1))).toBe('applied');
    const form = { ...screeningForm({ municipality: 'soest', kvkNumber }), people: [{ ...person, role: 'bestuurder' }] };
    const { id } = await provided(ScreeningFormIntake).submit(coordinator(), form, 'test');
    return { screeningId: id, signal };
  }

  /** The envelope the pool queued for Kafka, as the bus will carry it. */
  async function queued(messageId: string): Promise<{ topic: string; key: string; envelope: Envelope }> {
    const result = await parts.postgres.query<{ topic: string; message_key: string; message_value: Buffer }>(
      `SELECT topic, message_key, message_value FROM "${config.BIBOB_DATABASE_SCHEMA}".outbox WHERE message_id = $1`,
      [messageId],
    );
    const row = result.rows[0];
    if (row === undefined) throw new Error('nothing queued');
    return { topic: row.topic, key: row.message_key, envelope: Envelope.parse(JSON.parse(row.message_value.toString('utf8'))) };
  }

  async function requestMessageId(requestId: string): Promise<string> {
    const result = await parts.postgres.query<{ message_id: string }>(`SELECT message_id FROM "${config.BIBOB_DATABASE_SCHEMA}".information_requests WHERE id = $1`, [requestId]);
    return result.rows[0]?.message_id ?? '';
  }

  /** Baarn's meeting member answers (or refuses), sealed by Baarn to the pool only, as the meeting does. */
  async function baarnAnswers(requestId: string, answer: { signal: Signal } | { reason: string }, from = 'gemeente-baarn'): Promise<Envelope> {
    const { keyring } = await testKeys();
    const facts = { requestId, municipality: 'baarn', answeredBy: { party: from, userId: 'notulist-baarn' }, answeredAt: new Date().toISOString() };
    const payload = InformationAnswered.parse('signal' in answer ? { ...facts, outcome: 'answered', signal: answer.signal } : { ...facts, outcome: 'refused', reason: answer.reason });
    return new EnvelopeSealer(keyring).seal(payload, {
      from,
      to: informationAnswerRecipients(POOL),
      type: EventTypes.informationAnswered,
      municipality: 'baarn',
      objectKind: 'signal',
    });
  }

  async function auditOf(objectId: string): Promise<{ action: string; result: string }[]> {
    const result = await parts.postgres.query<{ action: string; result: string }>(
      `SELECT action, result FROM "${config.BIBOB_DATABASE_SCHEMA}".audit_log WHERE object_id = $1 ORDER BY seq`,
      [objectId],
    );
    return result.rows;
  }

  it('seals the request for a hit signal to Baarn alone, with the purpose inside; the answer is stored sealed and shown to coordinators, audited', async () => {
    const { screeningId, signal } = await screeningWithBaarnHit();
    const sut = provided(PoolInformationRequests);
    const purpose = 'Bibob-onderzoek drank- en horecavergunning: is dezelfde onderneming in Baarn gemeld?';

    const request = await sut.request(coordinator(), screeningId, { signalId: signal.id, purpose }, 'test');

    expect(request).toMatchObject({ screeningId, municipality: 'baarn', signalId: signal.id, status: 'open', purpose, refusalReason: null });
    const sent = await queued(await requestMessageId(request.id));
    expect(sent.topic).toBe(Topics.information);
    expect(sent.envelope.header).toMatchObject({ type: EventTypes.informationRequested, sender: POOL, recipients: ['gemeente-baarn'], municipality: 'baarn' });
    expect(JSON.stringify(sent.envelope.header)).not.toContain('Bibob-onderzoek');
    const { keyring } = await testKeys();
    const opened = await storedEnvelopeOpener(keyring).open(sent.envelope, { as: 'gemeente-baarn', payload: InformationRequested });
    expect(opened.payload).toMatchObject({ requestId: request.id, purpose, object: { kind: 'signal', signalId: signal.id } });
    // The tokens of the screening's subjects that the signal's header carried: its business and its person.
    expect(opened.payload.object.matchTokens.map((token) => token.kind).sort()).toEqual(['kvk', 'person']);

    const answer = await baarnAnswers(request.id, { signal });
    expect(await parts.informationAnswers.receive(message(Topics.information, answer, 2))).toBe('applied');
    expect(await parts.informationAnswers.receive(message(Topics.information, answer, 3))).toBe('duplicate');

    const reader = coordinator();
    const [listed] = await sut.list(reader, screeningId, 'test');
    expect(listed).toMatchObject({ id: request.id, status: 'beantwoord', answeredBy: { party: 'gemeente-baarn', userId: 'notulist-baarn' } });
    const shown = await sut.answer(reader, screeningId, request.id, 'test');
    expect(shown.signal.freeText).toBe(signal.freeText);
    expect(await auditOf(request.id)).toEqual([
      { action: 'information.request', result: 'allowed' },
      { action: 'information.answer-received', result: 'allowed' },
      { action: 'information.open-answer', result: 'allowed' },
    ]);
    // Neither the purpose nor the signal is in a clear column.
    const row = await parts.postgres.query(`SELECT row_to_json(r)::text AS json FROM "${config.BIBOB_DATABASE_SCHEMA}".information_requests r WHERE id = $1`, [request.id]);
    expect(JSON.stringify(row.rows)).not.toMatch(/Bibob-onderzoek|Kanarie-signaaltekst/);
  });

  it('shows a refusal with its reason, and has no answer to open', async () => {
    const { screeningId, signal } = await screeningWithBaarnHit();
    const sut = provided(PoolInformationRequests);
    const request = await sut.request(coordinator(), screeningId, { signalId: signal.id, purpose: 'Tweede verzoek.' }, 'test');

    const refusal = await baarnAnswers(request.id, { reason: 'Lopend strafrechtelijk onderzoek; geen verstrekking.' });
    expect(await parts.informationAnswers.receive(message(Topics.information, refusal, 4))).toBe('applied');

    const [listed] = await sut.list(coordinator(), screeningId, 'test');
    expect(listed).toMatchObject({ status: 'geweigerd', refusalReason: 'Lopend strafrechtelijk onderzoek; geen verstrekking.' });
    await expect(sut.answer(coordinator(), screeningId, request.id, 'test')).rejects.toMatchObject({ name: 'ObjectNotFound' });
  });

  it('refuses an answer from another municipality than the owner, and one to a request the pool never sent', async () => {
    const { screeningId, signal } = await screeningWithBaarnHit();
    const sut = provided(PoolInformationRequests);
    const request = await sut.request(coordinator(), screeningId, { signalId: signal.id, purpose: 'Verzoek.' }, 'test');

    const fromSoest = await baarnAnswers(request.id, { signal }, 'gemeente-soest');
    expect(await parts.informationAnswers.receive(message(Topics.information, fromSoest, 5))).toBe('refused');
    const unknown = await baarnAnswers(randomUUID(), { reason: 'Onbekend.' });
    expect(await parts.informationAnswers.receive(message(Topics.information, unknown, 6))).toBe('refused');

    const [listed] = await sut.list(coordinator(), screeningId, 'test');
    expect(listed?.status).toBe('open');
  });

  it('refuses a signal that is no hit of the screening (422) and a bad body (400) naming the field; nothing stored or sent', async () => {
    const { screeningId } = await screeningWithBaarnHit();
    const sut = provided(PoolInformationRequests);
    const problemOf = (body: unknown): Promise<unknown> => sut.request(coordinator(), screeningId, body, 'test').then(() => undefined, (error: unknown) => error);

    const notAHit = await problemOf({ signalId: randomUUID(), purpose: 'Verzoek.' });
    expect(notAHit).toBeInstanceOf(InvalidScreeningInput);
    expect(notAHit).toMatchObject({ kind: 'rule', problems: [{ field: 'signalId' }] });
    const bad = await problemOf({ signalId: 'geen-id', purpose: '  ', extra: 1 });
    expect(bad).toMatchObject({ kind: 'schema' });
    expect((bad as InvalidScreeningInput).problems.map((problem) => problem.field).sort()).toEqual(['extra', 'purpose', 'signalId']);
    expect(await sut.list(coordinator(), screeningId, 'test')).toEqual([]);
  });

  it("refuses a permit officer, even of the screening's municipality, and audits it", async () => {
    const { screeningId, signal } = await screeningWithBaarnHit();
    const officer = caller('gemeente-soest', ['permit-officer']);
    await expect(provided(PoolInformationRequests).request(officer, screeningId, { signalId: signal.id, purpose: 'Verzoek.' }, 'test')).rejects.toMatchObject({
      name: 'AccessDenied',
    });
    await expect(provided(PoolInformationRequests).list(officer, screeningId, 'test')).rejects.toMatchObject({ name: 'AccessDenied' });
    expect(await auditOf(screeningId)).toEqual(
      expect.arrayContaining([
        { action: 'information.request', result: 'denied' },
        { action: 'information.list', result: 'denied' },
      ]),
    );
  });
});
