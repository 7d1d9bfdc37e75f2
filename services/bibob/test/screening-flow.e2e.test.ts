import { createEventBus, type BusConsumer, type EventBus } from '@signaalhub/bus';
import { BIBOB_QUESTIONNAIRE, Envelope, EventTypes, Topics, type ApiError, type DisclosureRecord, type ScreeningDetail, type ScreeningSummary } from '@signaalhub/contracts';
import { createLogger } from '@signaalhub/logging';
import { eventually, testInfrastructure, uniqueName, type RunningService } from '@signaalhub/test-infra';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ABSENT, ANNA, caller, coordinator, LEAD, POOL, startBibob } from './support/running-bibob.js';
import { screeningForm } from './support/screening-requests.js';

/*
 * The coordinators' API end to end against the compiled service: the form (bad input stores nothing),
 * the procedure through every phase, four eyes, and art. 28: `screening.concluded` reaches the requesting
 * municipality only, `screening.disclosed` only the RIEC and only after the ground is recorded.
 */

describe('bibob screening flow', () => {
  let sut: RunningService;
  /** Screenings entered through the form: the pool's consumer also files other tests' requests from the shared topic. */
  const formScreenings = async (): Promise<number> =>
    Number((await sut.pool.query<{ count: string }>(`SELECT count(*) AS count FROM "${sut.schema}".screenings WHERE request_message_id IS NULL`)).rows[0]?.count);
  let bus: EventBus;
  let consumer: BusConsumer;
  const onKafka: Envelope[] = [];
  const author = coordinator();
  const approver = coordinator();

  beforeAll(async () => {
    sut = await startBibob();
    bus = createEventBus({ brokers: testInfrastructure().kafkaBrokers, clientId: uniqueName('bibob-flow'), logger: createLogger('bibob-flow', 'warn') });
    consumer = bus.createConsumer({
      groupId: uniqueName('bibob-flow'),
      topics: [Topics.screening],
      handlers: {
        [Topics.screening]: (message) => {
          onKafka.push(Envelope.parse(JSON.parse(message.value.toString('utf8'))));
          return Promise.resolve();
        },
      },
      fromBeginning: false,
    });
    await consumer.start();
  });

  afterAll(async () => {
    await consumer.stop();
    await bus.close();
    await sut.stop();
  });

  const sentFor = (screeningId: string): Envelope[] => onKafka.filter((envelope) => 'screeningId' in envelope.header && envelope.header.screeningId === screeningId);

  async function json<T>(response: Response, status: number): Promise<T> {
    expect(response.status, await response.clone().text()).toBe(status);
    return (await response.json()) as T;
  }

  async function step(id: string, body: Record<string, unknown>, who = author): Promise<Response> {
    return sut.call('POST', `/api/screenings/${id}/transitions`, who, { reason: 'Volgens het draaiboek', ...body });
  }

  it.each([
    ['applicant.kvkNumber', { applicant: { kvkNumber: '1234', vestigingsnummer: '000012345678' } }],
    ['applicant.vestigingsnummer', { applicant: { kvkNumber: '12345678', vestigingsnummer: '123' } }],
    ['kind', { kind: 'kermisvergunning' }],
    ['people.0.birthDate', { people: [{ name: 'Jan de Vries', birthDate: '1975-02-30', role: 'bestuurder' }] }],
    ['decisionTermWeeks', { decisionTermWeeks: 0 }],
    ['receivedOn', { receivedOn: '4 januari 2027' }],
  ])('rejects the form with 400 naming %s, and stores nothing', async (field, change) => {
    const before = await formScreenings();
    const problem = await json<ApiError>(await sut.call('POST', '/api/screenings', author, { ...screeningForm(), ...change }), 400);
    expect(problem.problems?.map((entry) => entry.field)).toContain(field);
    // Its screening.opened would be written in the screening's own transaction: no screening, no message.
    expect(await formScreenings()).toBe(before);
  });

  it.each([
    ['municipality', { municipality: 'utrecht' }],
    ['receivedOn', { receivedOn: '2999-01-01' }],
  ])('rejects the form with 422 naming %s, and stores nothing', async (field, change) => {
    const before = await formScreenings();
    const problem = await json<ApiError>(await sut.call('POST', '/api/screenings', author, { ...screeningForm(), ...change }), 422);
    expect(problem.problems).toEqual([expect.objectContaining({ field })]);
    expect(await formScreenings()).toBe(before);
  });

  it('takes a screening through the procedure; the conclusion reaches the requesting municipality only, the RIEC only after the ground', { timeout: 180_000 }, async () => {
    const { id } = await json<{ id: string }>(await sut.call('POST', '/api/screenings', author, screeningForm({ municipality: 'baarn' })), 201);
    const unassigned = await json<ScreeningSummary[]>(await sut.get('/api/screenings?unassigned=true', author), 200);
    expect(unassigned.map((screening) => screening.id)).toContain(id);

    await json(await step(id, { step: 'onderzoek-starten' }), 200);
    // An illegal step in this phase: 409 with a Dutch message, nothing changed.
    const refused = await json<ApiError>(await step(id, { step: 'lbb-advies-ontvangen' }), 409);
    expect(refused.message).toMatch(/kan niet in de fase "eigen onderzoek"/);
    await json(await step(id, { step: 'aanvulling-vragen', date: '2026-06-03' }), 200);
    await json(await step(id, { step: 'aanvulling-ontvangen', date: '2026-06-10' }), 200);
    await json(await step(id, { step: 'lbb-advies-vragen', date: '2026-06-15' }), 200);
    await json(await step(id, { step: 'lbb-termijn-verlengen', date: '2026-07-27' }), 200);
    await json(await step(id, { step: 'lbb-advies-ontvangen', date: '2026-08-17' }), 200);

    // Not before the checklist is complete.
    const conclusion = { level: 'ernstige-mate', grounds: ['a'], explanation: 'Vermogen uit strafbare feiten aannemelijk' };
    await json(await sut.call('POST', `/api/screenings/${id}/conclusions`, author, { conclusion, reason: 'Eerste voorstel' }), 422);
    for (const { item } of BIBOB_QUESTIONNAIRE) {
      await json(await sut.call('PUT', `/api/screenings/${id}/questionnaire/${item}`, author, { complete: true, answer: `Beantwoord: ${item}` }), 200);
    }
    await json(await sut.call('POST', `/api/screenings/${id}/conclusions`, author, { conclusion, reason: 'Eerste voorstel' }), 201);
    // Four eyes: the author cannot approve.
    const own = await json<ApiError>(await sut.call('POST', `/api/screenings/${id}/conclusions/1/approval`, author, { reason: 'Akkoord' }), 422);
    expect(own.problems).toEqual([expect.objectContaining({ field: 'approver' })]);
    // No ground before approval.
    await json(await sut.call('POST', `/api/screenings/${id}/disclosures`, author, { ground: { code: 'art-28-lid-2-sub-d-riec', explanation: 'RIEC-convenant' } }), 409);
    await json(await sut.call('POST', `/api/screenings/${id}/conclusions/1/approval`, approver, { reason: 'Akkoord' }), 201);

    const concluded = await eventually(() => sentFor(id).find((envelope) => envelope.header.type === EventTypes.screeningConcluded), {
      timeoutMs: 60_000,
      what: 'screening.concluded on Kafka',
    });
    expect(concluded.header.recipients).toEqual(['gemeente-baarn']);
    expect(concluded.header.sender).toBe(POOL);
    expect(Object.keys(concluded.header).sort()).not.toContain('level');
    expect(JSON.stringify(concluded.header)).not.toMatch(/ernstige|gevaar|grounds/);
    expect(sentFor(id).some((envelope) => envelope.header.type === EventTypes.screeningDisclosed)).toBe(false);
    const progressed = sentFor(id).filter((envelope) => envelope.header.type === EventTypes.screeningProgressed);
    expect(progressed.map((envelope) => ('milestone' in envelope.header ? envelope.header.milestone : undefined))).toEqual(['lbb-requested', 'extended', 'advice-received']);
    expect(progressed.every((envelope) => envelope.header.recipients.join() === 'gemeente-baarn')).toBe(true);

    const disclosure = await json<DisclosureRecord>(
      await sut.call('POST', `/api/screenings/${id}/disclosures`, author, { ground: { code: 'art-28-lid-2-sub-d-riec', explanation: 'RIEC-convenant' } }),
      201,
    );
    expect(disclosure).toMatchObject({ screeningId: id, recipient: 'riec-mn', groundCode: 'art-28-lid-2-sub-d-riec', conclusionVersion: 1, disclosedBy: { userId: author.userId } });
    const disclosed = await eventually(() => sentFor(id).find((envelope) => envelope.header.type === EventTypes.screeningDisclosed), {
      timeoutMs: 60_000,
      what: 'screening.disclosed on Kafka',
    });
    expect(disclosed.header.recipients).toEqual(['riec-mn']);
    // Every other message about this screening went to the municipality alone.
    expect(sentFor(id).filter((envelope) => envelope !== disclosed).every((envelope) => envelope.header.recipients.join() === 'gemeente-baarn')).toBe(true);

    const register = await json<DisclosureRecord[]>(await sut.get('/api/disclosures', caller(POOL, ['auditor'])), 200);
    expect(register).toContainEqual(disclosure);

    // A correction is a new approved version; the first stays as it was.
    const corrected = { level: 'mindere-mate', proposedConditions: ['Geen contante betalingen boven € 3.000'], explanation: 'Na hoorzitting bijgesteld' };
    await json(await sut.call('POST', `/api/screenings/${id}/conclusions`, approver, { conclusion: corrected, reason: 'Correctie' }), 201);
    await json(await sut.call('POST', `/api/screenings/${id}/conclusions/2/approval`, author, { reason: 'Akkoord met correctie' }), 201);
    await json(await step(id, { step: 'afsluiten' }), 200);

    const detail = await json<ScreeningDetail>(await sut.get(`/api/screenings/${id}`, caller('gemeente-baarn', ['permit-officer'])), 200);
    expect(detail.phase).toBe('afgesloten');
    expect(detail.conclusions.map((version) => [version.version, version.status, version.conclusion.level])).toEqual([
      [1, 'goedgekeurd', 'ernstige-mate'],
      [2, 'goedgekeurd', 'mindere-mate'],
    ]);
    expect(detail.timeline).toEqual({
      ontvangen: '2026-06-01',
      beslistermijnWeken: 8,
      gebeurtenissen: [
        { soort: 'aanvulling-gevraagd', datum: '2026-06-03' },
        { soort: 'aanvulling-ontvangen', datum: '2026-06-10' },
        { soort: 'lbb-gevraagd', datum: '2026-06-15' },
        { soort: 'lbb-verlengd', datum: '2026-07-27' },
        { soort: 'lbb-advies-ontvangen', datum: '2026-08-17' },
      ],
    });
    // 8 weeks from 1 June = 27 July, + 7 days aanvulling + 63 days LBB (under its 12-week cap) = Monday 5 October.
    expect(detail.deadlines.uitersteBeslisdatum).toBe('2026-10-05');
    expect(detail.deadlines.voorlopig).toEqual([]);
    expect(detail.deadlines.toelichting.join(' ')).toMatch(/LBB/);
    expect(detail.history.find((entry) => entry.action === 'conclusie-goedgekeurd')).toMatchObject({ actor: { userId: approver.userId }, reason: 'Akkoord' });
    expect(detail.people).toEqual([{ name: 'Jan de Vries', birthDate: '1975-06-01', role: 'bestuurder' }]);
    // The correction went out as its own screening.concluded, again to the municipality alone.
    const conclusions = await eventually(() => {
      const found = sentFor(id).filter((envelope) => envelope.header.type === EventTypes.screeningConcluded);
      return found.length === 2 ? found : undefined;
    }, { timeoutMs: 60_000, what: 'the corrected conclusion on Kafka' });
    expect(conclusions.map((envelope) => envelope.header.recipients)).toEqual([['gemeente-baarn'], ['gemeente-baarn']]);
  });

  it('assigns a new screening to an available coordinator without a conflict, never the absent one', async () => {
    const soest = await json<{ id: string }>(await sut.call('POST', '/api/screenings', author, screeningForm({ municipality: 'soest' })), 201);
    const detail = await json<ScreeningDetail>(await sut.get(`/api/screenings/${soest.id}`, author), 200);
    expect([ANNA, LEAD]).toContain(detail.assignee);
    expect(detail.history.map((entry) => entry.action)).toEqual(['aangevraagd', 'toegewezen']);
  });

  it('reassigns in bulk for a lead coordinator, with the reason in the history, and refuses what the pool does not allow, changing nothing', async () => {
    const first = await json<{ id: string }>(await sut.call('POST', '/api/screenings', author, screeningForm({ municipality: 'soest' })), 201);
    const second = await json<{ id: string }>(await sut.call('POST', '/api/screenings', author, screeningForm({ municipality: 'soest' })), 201);
    const lead = coordinator(LEAD);
    const assigneeOf = async (id: string): Promise<string | null> => (await json<ScreeningDetail>(await sut.get(`/api/screenings/${id}`, lead), 200)).assignee;
    // Single: the load balancing may have split them; the second joins the first.
    const firstAssignee = await assigneeOf(first.id);
    if ((await assigneeOf(second.id)) !== firstAssignee) {
      await json(await sut.call('POST', '/api/screenings/assignments', lead, { screeningIds: [second.id], assignee: firstAssignee, reason: 'Zelfde dossier' }), 201);
    }
    expect(await assigneeOf(second.id)).toBe(firstAssignee);
    const target = firstAssignee === ANNA ? LEAD : ANNA;
    const moved = await json<ScreeningSummary[]>(
      await sut.call('POST', '/api/screenings/assignments', lead, { screeningIds: [first.id, second.id], assignee: target, reason: 'Afwezigheid' }),
      201,
    );
    expect(moved.map((screening) => screening.assignee)).toEqual([target, target]);
    const mine = await json<ScreeningSummary[]>(await sut.get(`/api/screenings?assignee=${target}`, lead), 200);
    expect(mine.map((screening) => screening.id)).toEqual(expect.arrayContaining([first.id, second.id]));
    const detail = await json<ScreeningDetail>(await sut.get(`/api/screenings/${first.id}`, lead), 200);
    expect(detail.history.at(-1)).toMatchObject({ action: 'toegewezen', reason: 'Afwezigheid', actor: { userId: LEAD } });
    expect(await sut.auditEntries({ userId: LEAD, action: 'screening.reassign', result: 'allowed', objectId: first.id })).toHaveLength(1);

    const absent = await json<ApiError>(await sut.call('POST', '/api/screenings/assignments', lead, { screeningIds: [first.id], assignee: ABSENT, reason: 'Test' }), 422);
    expect(absent.problems).toEqual([expect.objectContaining({ field: 'screeningIds.0', rule: 'absent' })]);
    const unknown = '00000000-0000-4000-8000-000000000000';
    await json(await sut.call('POST', '/api/screenings/assignments', lead, { screeningIds: [first.id, unknown], assignee: author.userId, reason: 'Test' }), 422);
    const after = await json<ScreeningDetail>(await sut.get(`/api/screenings/${first.id}`, lead), 200);
    expect(after.assignee).toBe(target);
    await json(await sut.call('POST', '/api/screenings/assignments', lead, { screeningIds: [first.id], assignee: ANNA }), 400);
    // A coordinator who is not a lead is refused, and the refusal is audited.
    await json(await sut.call('POST', '/api/screenings/assignments', coordinator(ANNA), { screeningIds: [first.id], assignee: ANNA, reason: 'Zelf' }), 403);
    expect(await sut.auditEntries({ userId: ANNA, action: 'screening.reassign', result: 'denied' })).toMatchObject([{ reason: 'not-a-lead-coordinator' }]);
  });
});
