import { randomUUID } from 'node:crypto';
import { ObjectNotFound } from '@signaalhub/access';
import { createEventBus, type EventBus } from '@signaalhub/bus';
import { Envelope, EventTypes, InformationAnswered, Topics } from '@signaalhub/contracts';
import { NotARecipientError, storedEnvelopeOpener } from '@signaalhub/envelope';
import { createLogger } from '@signaalhub/logging';
import { eventually, testInfrastructure, uniqueName } from '@signaalhub/test-infra';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MeetingService } from '../src/composition.js';
import { AlreadyHandled, InvalidInformationResponse, SignalUnavailable } from '../src/information/information-errors.js';
import { InformationResponder } from '../src/information/information-responder.js';
import { testParts } from './support/meeting-parts.js';
import { caller } from './support/running-meeting.js';
import { informationMessageOf, informationTopicReader, POOL_PARTY, sealInformationRequest } from './support/sealed-information-requests.js';
import { busMessageOf, randomKvkNumber, sealSignal, testKeys } from './support/sealed-signals.js';

const ORIGIN = '127.0.0.1';

describe(InformationResponder.name, () => {
  let parts: MeetingService;
  let bus: EventBus;
  /** Every envelope on the information topic, by message id (the topic is shared: others' messages are there too). */
  const published = new Map<string, Envelope>();

  beforeAll(async () => {
    parts = await testParts();
    await parts.start();
    bus = createEventBus({ brokers: testInfrastructure().kafkaBrokers, clientId: 'information-int', logger: createLogger('information-int', 'warn') });
    await informationTopicReader(bus, published);
  });

  afterAll(async () => {
    await bus.close();
    await parts.close();
  });

  /** A Soest signal on the Soest agenda, as the intake would have sent it. */
  async function signalOnAgenda(freeText = uniqueName('signal-text')): Promise<string> {
    const { envelope } = await sealSignal({ municipality: 'soest', kvkNumber: randomKvkNumber(), freeText });
    expect(await parts.admission.admit(busMessageOf(envelope))).toBe('admitted');
    const id = envelope.header.messageId;
    await eventually(async () => ((await parts.postgres.query(`SELECT 1 FROM "${parts.config.MEETING_DATABASE_SCHEMA}".agenda_items WHERE message_id = $1`, [id])).rowCount === 1 ? true : undefined), {
      timeoutMs: 30_000,
      what: 'the agenda row',
    });
    return id;
  }

  async function receivedRequest(signalId: string, purpose = uniqueName('purpose')): Promise<string> {
    const { envelope, request } = await sealInformationRequest({ municipality: 'soest', signalId, purpose });
    expect(await parts.informationIntake.receive(informationMessageOf(envelope))).toBe('applied');
    return request.requestId;
  }

  async function publishedAnswer(messageId: string): Promise<Envelope> {
    return eventually(() => published.get(messageId), { timeoutMs: 60_000, what: 'the answer on the information topic' });
  }

  async function outboxRows(): Promise<number> {
    const rows = await parts.postgres.query(`SELECT 1 FROM "${parts.config.MEETING_DATABASE_SCHEMA}".outbox WHERE topic = $1`, [Topics.information]);
    return rows.rowCount ?? 0;
  }

  it('answers a request of the pool with the signal, sealed to the pool only, and records who and when', async () => {
    const freeText = uniqueName('canary-signal');
    const signalId = await signalOnAgenda(freeText);
    const purpose = uniqueName('canary-purpose');
    const requestId = await receivedRequest(signalId, purpose);
    const member = caller('gemeente-soest');

    expect(await parts.informationReader.list('soest')).toContainEqual(expect.objectContaining({ id: requestId, status: 'open', requesterParty: POOL_PARTY, signalId }));
    const opened = await parts.informationReader.open(member, requestId, ORIGIN);
    expect(opened).toMatchObject({ purpose, requestedBy: { party: POOL_PARTY }, signal: { itemId: signalId } });

    const receipt = await parts.informationResponder.respond(member, requestId, { outcome: 'answered' }, ORIGIN);
    expect(receipt).toMatchObject({ requestId, outcome: 'answered', recipients: [POOL_PARTY] });

    const answer = await publishedAnswer(receipt.answerMessageId);
    expect(answer.header).toMatchObject({ type: EventTypes.informationAnswered, sender: 'gemeente-soest', recipients: [POOL_PARTY], municipality: 'soest', objectKind: 'signal' });
    expect(JSON.stringify(answer.header)).not.toContain(freeText);
    const { keyring } = await testKeys();
    const opener = storedEnvelopeOpener(keyring);
    const { payload } = await opener.open(answer, { as: POOL_PARTY, payload: InformationAnswered });
    expect(payload).toMatchObject({ outcome: 'answered', requestId, answeredBy: { party: 'gemeente-soest', userId: member.userId } });
    expect(payload.outcome === 'answered' ? payload.signal.freeText : undefined).toBe(freeText);
    // Sealed to the pool alone: not even the answering municipality can open what it sent.
    await expect(opener.open(answer, { as: 'gemeente-soest', payload: InformationAnswered })).rejects.toBeInstanceOf(NotARecipientError);

    const after = await parts.informationReader.open(member, requestId, ORIGIN);
    expect(after.request.status).toBe('answered');
    expect(after.handling).toMatchObject({ outcome: 'answered', by: { party: 'gemeente-soest', userId: member.userId }, at: payload.answeredAt });
    const audit = await parts.audit.entries({ objectId: requestId });
    expect(audit.map((entry) => [entry.action, entry.result, 'userId' in entry.actor ? entry.actor.userId : undefined])).toEqual([
      ['information.open', 'allowed', member.userId],
      ['information.respond', 'allowed', member.userId],
      ['information.open', 'allowed', member.userId],
    ]);
  });

  it('refuses a request with its reason, sent to the pool and kept for the meeting to show', async () => {
    const requestId = await receivedRequest(await signalOnAgenda());
    const member = caller('gemeente-soest');
    const reason = uniqueName('canary-reason');

    const receipt = await parts.informationResponder.respond(member, requestId, { outcome: 'refused', reason: `  ${reason}  ` }, ORIGIN);
    expect(receipt).toMatchObject({ outcome: 'refused', recipients: [POOL_PARTY] });
    const answer = await publishedAnswer(receipt.answerMessageId);
    expect(answer.header.recipients).toEqual([POOL_PARTY]);
    expect(JSON.stringify(answer.header)).not.toContain(reason);
    const { keyring } = await testKeys();
    const { payload } = await storedEnvelopeOpener(keyring).open(answer, { as: POOL_PARTY, payload: InformationAnswered });
    expect(payload).toMatchObject({ outcome: 'refused', reason, requestId });

    const opened = await parts.informationReader.open(member, requestId, ORIGIN);
    expect(opened.handling).toMatchObject({ outcome: 'refused', reason, by: { userId: member.userId } });
    const stored = await parts.postgres.query<{ refusal_envelope: unknown }>(
      `SELECT refusal_envelope FROM "${parts.config.MEETING_DATABASE_SCHEMA}".information_requests WHERE request_id = $1`,
      [requestId],
    );
    expect(JSON.stringify(stored.rows)).not.toContain(reason);
    // Handled once: a second answer is refused and nothing more is sent.
    const rows = await outboxRows();
    await expect(parts.informationResponder.respond(member, requestId, { outcome: 'answered' }, ORIGIN)).rejects.toBeInstanceOf(AlreadyHandled);
    expect(await outboxRows()).toBe(rows);
  });

  it.each([
    [{ outcome: 'refused', reason: '   ' }, 'reason'],
    [{ outcome: 'refused' }, 'reason'],
    [{ outcome: 'maybe' }, 'outcome'],
    [{ outcome: 'answered', extra: 1 }, 'extra'],
  ])('rejects the response %j naming %s, and stores and sends nothing', async (body, field) => {
    const requestId = await receivedRequest(await signalOnAgenda());
    const rows = await outboxRows();
    const error = await parts.informationResponder.respond(caller('gemeente-soest'), requestId, body, ORIGIN).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(InvalidInformationResponse);
    expect((error as InvalidInformationResponse).problems.map((problem) => problem.field)).toContain(field);
    expect(await outboxRows()).toBe(rows);
    expect((await parts.informationReader.open(caller('gemeente-soest'), requestId, ORIGIN)).request.status).toBe('open');
  });

  it('rejects an answer to an unknown request as not found', async () => {
    await expect(parts.informationResponder.respond(caller('gemeente-soest'), randomUUID(), { outcome: 'answered' }, ORIGIN)).rejects.toBeInstanceOf(ObjectNotFound);
  });

  it('keeps a request for a signal this meeting never received open, to be refused but not answered', async () => {
    const requestId = await receivedRequest(randomUUID());
    const rows = await outboxRows();
    await expect(parts.informationResponder.respond(caller('gemeente-soest'), requestId, { outcome: 'answered' }, ORIGIN)).rejects.toBeInstanceOf(SignalUnavailable);
    expect(await outboxRows()).toBe(rows);
    await expect(parts.informationResponder.respond(caller('gemeente-soest'), requestId, { outcome: 'refused', reason: 'Onbekende melding.' }, ORIGIN)).resolves.toMatchObject({ outcome: 'refused' });
  });

  it.each([
    ['sealed to the municipality and the police', { to: ['gemeente-soest', 'politie-bes'] }, 'NOT_SEALED_TO_OWNER_ONLY'],
    ['for a municipality without an agenda here', { municipality: 'huizen', to: ['gemeente-soest'] }, 'UNKNOWN_MUNICIPALITY'],
  ])('refuses and audits a request %s, and stores nothing', async (_what, options, code) => {
    const { envelope, request } = await sealInformationRequest({ municipality: 'soest', signalId: randomUUID(), ...options });
    expect(await parts.informationIntake.receive(informationMessageOf(envelope))).toBe('refused');
    expect(await parts.audit.entries({ objectId: envelope.header.messageId })).toMatchObject([{ action: 'information.receive', result: 'denied', reason: code }]);
    await expect(parts.informationReader.open(caller('gemeente-soest'), request.requestId, ORIGIN)).rejects.toBeInstanceOf(ObjectNotFound);
  });

  it('takes a request delivered twice once', async () => {
    const { envelope, request } = await sealInformationRequest({ municipality: 'soest', signalId: randomUUID() });
    expect(await parts.informationIntake.receive(informationMessageOf(envelope))).toBe('applied');
    expect(await parts.informationIntake.receive(informationMessageOf(envelope))).toBe('duplicate');
    expect((await parts.informationReader.list('soest')).filter((entry) => entry.id === request.requestId)).toHaveLength(1);
  });
});
