import 'reflect-metadata';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { AgendaEntry, DecisionList, DiscussedItem, ItemHistory, MeetingAgenda, Meeting, PrintableAgenda } from '@signaalhub/contracts';
import { IDENTITY_HEADER, issueIdentityToken, type UserIdentity } from '@signaalhub/identity';
import { createLogger } from '@signaalhub/logging';
import { createServiceApplication } from '@signaalhub/service-kit';
import { eventually, testInfrastructure } from '@signaalhub/test-infra';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composeMeeting, type MeetingService } from '../src/composition.js';
import { MeetingAgendas } from '../src/meetings/meeting-agendas.js';
import { testConfig } from './support/meeting-parts.js';
import { caller } from './support/running-meeting.js';
import { randomKvkNumber, sealSignal } from './support/sealed-signals.js';

/** The application clock of this test: "today" is 15 June 2030 in Amsterdam, whatever the machine's date; `tick` moves it on within the day. */
const TODAY = '2030-06-15';
let now = Date.parse(`${TODAY}T10:00:00Z`);
const CLOCK = (): Date => new Date(now);
const tick = (): void => {
  now += 60_000;
};

describe(MeetingAgendas.name, () => {
  let parts: MeetingService;
  let app: NestExpressApplication;
  let base: string;
  const soest = caller('gemeente-soest');
  const riec = caller('riec-mn');
  let schema: string;

  beforeAll(async () => {
    const config = testConfig();
    schema = config.MEETING_DATABASE_SCHEMA;
    const logger = createLogger('meeting-agenda-int', 'warn');
    parts = await composeMeeting({ config, logger, clock: CLOCK });
    app = await createServiceApplication({ name: 'meeting', identitySecret: config.IDENTITY_TOKEN_SECRET }, logger, parts);
    await parts.start();
    await app.listen(0, '127.0.0.1');
    base = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  });

  afterAll(async () => {
    await app.close();
  });

  async function call(method: 'GET' | 'POST' | 'PUT' | 'DELETE', path: string, who: UserIdentity, body?: unknown): Promise<Response> {
    const token = await issueIdentityToken(who, { secret: testInfrastructure().identitySecret });
    return fetch(`${base}${path}`, {
      method,
      headers: { 'content-type': 'application/json', [IDENTITY_HEADER]: token },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  }

  /** A signal on its municipality's agenda queue; resolves once the worker moved it into the agenda. */
  async function agendaItem(recipients: string[] = ['gemeente-soest', 'politie-bes'], municipality = 'soest'): Promise<string> {
    const { envelope, signal } = await sealSignal({ municipality, kvkNumber: randomKvkNumber(), recipients });
    const itemId = envelope.header.messageId;
    await parts.queues.enqueue({
      envelope,
      messageId: itemId,
      signalId: signal.id,
      municipality,
      theme: signal.theme,
      receivedAt: envelope.header.createdAt,
      reporterParty: `gemeente-${municipality}`,
    });
    await eventually(
      async () => {
        const entries = (await (await call('GET', `/api/agenda?municipality=${municipality}`, caller(`gemeente-${municipality}`))).json()) as AgendaEntry[];
        return entries.some((entry) => entry.id === itemId) ? true : undefined;
      },
      { timeoutMs: 30_000, what: 'the item on the agenda' },
    );
    return itemId;
  }

  async function schedule(date: string, who: UserIdentity = soest): Promise<Meeting> {
    const response = await call('POST', '/api/meetings', who, { municipality: 'soest', date });
    expect(response.status).toBe(201);
    return (await response.json()) as Meeting;
  }

  /** A meeting in the past cannot be made over the API (that is the rule); the test puts one in the table. */
  async function pastMeeting(date: string): Promise<string> {
    const result = await parts.postgres.query<{ id: string }>(
      `INSERT INTO "${schema}".meetings (id, municipality, date, scheduled_by_party) VALUES (gen_random_uuid(), 'soest', $1, 'gemeente-soest') RETURNING id`,
      [date],
    );
    return result.rows[0]?.id ?? '';
  }

  async function counts(): Promise<{ agenda: number; history: number; meetings: number }> {
    const result = await parts.postgres.query<{ agenda: string; history: string; meetings: string }>(
      `SELECT (SELECT count(*) FROM "${schema}".meeting_agenda) AS agenda, (SELECT count(*) FROM "${schema}".item_history) AS history,
              (SELECT count(*) FROM "${schema}".meetings) AS meetings`,
    );
    const row = result.rows[0];
    return { agenda: Number(row?.agenda), history: Number(row?.history), meetings: Number(row?.meetings) };
  }

  async function decide(itemId: string, request: Record<string, unknown>): Promise<string> {
    const response = await call('POST', `/api/agenda/items/${itemId}/decision`, soest, {
      leadParty: 'gemeente-soest',
      actions: [],
      riecHandover: false,
      feedback: '',
      ...request,
    });
    expect(response.status).toBe(201);
    const { decisionId } = (await response.json()) as { decisionId: string };
    // The header names the signal, so the RIEC feed measures lead times without opening the body.
    const header = await parts.postgres.query(`SELECT envelope->'header'->>'signalId' AS "signalId" FROM "${schema}".decisions WHERE id = $1`, [decisionId]);
    expect(header.rows).toEqual([{ signalId: itemId }]);
    return decisionId;
  }

  it('rejects a meeting in the past with 422 and a Dutch message naming the date, and stores nothing', async () => {
    const before = await counts();
    const response = await call('POST', '/api/meetings', soest, { municipality: 'soest', date: '2030-06-14' });
    expect(response.status).toBe(422);
    expect(await response.json()).toEqual({
      error: 'validation',
      message: 'Een overleg kan niet in het verleden liggen. Kies vandaag of een latere datum.',
      problems: [{ field: 'date', rule: 'must not be in the past', message: 'Een overleg kan niet in het verleden liggen. Kies vandaag of een latere datum.' }],
    });
    expect(await counts()).toEqual(before);
    // Today (by the application clock) is not in the past.
    expect((await schedule(TODAY)).date).toBe(TODAY);
  });

  it('plans items in order, reorders and unplans them, and records each step in the items’ history', async () => {
    const meeting = await schedule('2030-06-20');
    const [first, second, third] = [await agendaItem(), await agendaItem(), await agendaItem()];
    for (const itemId of [first, second, third]) expect((await call('POST', `/api/meetings/${meeting.id}/items`, soest, { itemId })).status).toBe(201);
    const planned = (await (await call('GET', `/api/meetings/${meeting.id}`, soest)).json()) as MeetingAgenda;
    expect(planned).toMatchObject({ meeting, past: false });
    expect(planned.items.map((item) => item.id)).toEqual([first, second, third]);

    const reordered = await call('PUT', `/api/meetings/${meeting.id}/items`, soest, { itemIds: [third, first, second] });
    expect(reordered.status).toBe(200);
    expect(((await reordered.json()) as MeetingAgenda).items.map((item) => item.id)).toEqual([third, first, second]);

    const unplanned = await call('DELETE', `/api/meetings/${meeting.id}/items/${first}`, caller('politie-bes'));
    expect(unplanned.status).toBe(200);
    expect(((await unplanned.json()) as MeetingAgenda).items.map((item) => item.id)).toEqual([third, second]);

    const history = (await (await call('GET', `/api/agenda/items/${first}/history`, soest)).json()) as ItemHistory;
    expect(history.entries).toMatchObject([
      { kind: 'received' },
      { kind: 'planned', party: 'gemeente-soest', meeting },
      { kind: 'unplanned', party: 'politie-bes', meeting },
    ]);
  });

  it('rejects bad planning input with the field named and stores nothing', async () => {
    const meeting = await schedule('2030-06-21');
    const itemId = await agendaItem();
    expect((await call('POST', `/api/meetings/${meeting.id}/items`, soest, { itemId })).status).toBe(201);
    const closed = await agendaItem();
    await decide(closed, { approach: 'geen-actie' });
    const baarnItem = await agendaItem(['gemeente-baarn', 'politie-bes'], 'baarn');
    const past = await pastMeeting('2030-06-01');
    const before = await counts();

    const cases: { method: 'POST' | 'PUT' | 'DELETE' | 'GET'; path: string; body?: unknown; status: number; field: string }[] = [
      { method: 'POST', path: `/api/meetings/${meeting.id}/items`, body: { itemId: 'niet-een-uuid' }, status: 400, field: 'itemId' },
      { method: 'POST', path: `/api/meetings/${meeting.id}/items`, body: { itemId, extra: 1 }, status: 400, field: 'extra' },
      { method: 'POST', path: `/api/meetings/${meeting.id}/items`, body: { itemId: [itemId] }, status: 400, field: 'itemId' },
      { method: 'POST', path: `/api/meetings/${meeting.id}/items`, body: { itemId: '00000000-0000-4000-8000-000000000000' }, status: 422, field: 'itemId' },
      { method: 'POST', path: `/api/meetings/${meeting.id}/items`, body: { itemId: closed }, status: 422, field: 'itemId' },
      { method: 'POST', path: `/api/meetings/${meeting.id}/items`, body: { itemId: baarnItem }, status: 422, field: 'itemId' },
      { method: 'POST', path: `/api/meetings/${past}/items`, body: { itemId }, status: 422, field: 'date' },
      { method: 'POST', path: '/api/meetings/niet-een-uuid/items', body: { itemId }, status: 400, field: 'id' },
      { method: 'PUT', path: `/api/meetings/${meeting.id}/items`, body: { itemIds: [itemId, itemId] }, status: 422, field: 'itemIds' },
      { method: 'PUT', path: `/api/meetings/${meeting.id}/items`, body: { itemIds: [] }, status: 422, field: 'itemIds' },
      { method: 'PUT', path: `/api/meetings/${meeting.id}/items`, body: { itemIds: 'alles' }, status: 400, field: 'itemIds' },
      { method: 'PUT', path: `/api/meetings/${past}/items`, body: { itemIds: [] }, status: 422, field: 'date' },
      { method: 'DELETE', path: `/api/meetings/${meeting.id}/items/niet-een-uuid`, status: 400, field: 'itemId' },
      { method: 'DELETE', path: `/api/meetings/${past}/items/${itemId}`, status: 422, field: 'date' },
      { method: 'GET', path: '/api/agenda/discussed?municipality=soest&approach=alles', status: 400, field: 'approach' },
      { method: 'GET', path: '/api/agenda/discussed?municipality=soest&leadParty=Gemeente%20Soest', status: 400, field: 'leadParty' },
      { method: 'GET', path: '/api/agenda/discussed?municipality=soest&approach=fiscaal&approach=zorg', status: 400, field: 'approach' },
      { method: 'GET', path: '/api/agenda/items/niet-een-uuid/history', status: 400, field: 'id' },
    ];
    for (const entry of cases) {
      const response = await call(entry.method, entry.path, soest, entry.body);
      expect(response.status, `${entry.method} ${entry.path} ${JSON.stringify(entry.body)}`).toBe(entry.status);
      const body = (await response.json()) as { problems?: { field: string; message: string }[] };
      expect(body.problems?.map((problem) => problem.field), `${entry.method} ${entry.path}`).toContain(entry.field);
      expect(body.problems?.every((problem) => problem.message.length > 0)).toBe(true);
    }
    expect((await call('POST', `/api/meetings/${meeting.id}/items`, soest, { itemId })).status).toBe(409);
    expect((await call('DELETE', `/api/meetings/${meeting.id}/items/${closed}`, soest)).status).toBe(404);
    expect((await call('GET', '/api/meetings/00000000-0000-4000-8000-000000000000', soest)).status).toBe(404);
    expect(await counts()).toEqual(before);
  });

  it('tells an item’s whole history: received, planned, meer informatie, back on the agenda, decided with actions, feedback sent; audited', async () => {
    const meeting = await schedule('2030-06-22');
    const today = (await (await call('GET', '/api/meetings?municipality=soest', soest)).json()) as Meeting[];
    const todays = today.find((entry) => entry.date === TODAY);
    expect(todays).toBeDefined();
    const itemId = await agendaItem();
    expect((await call('POST', `/api/meetings/${todays?.id ?? ''}/items`, soest, { itemId })).status).toBe(201);
    const firstDecidedAt = CLOCK().toISOString();
    const first = await decide(itemId, { approach: 'meer-informatie', feedback: 'Graag meer gegevens.' });
    // A real clock moves between two decisions: the later one is the item's latest.
    tick();
    expect((await call('POST', `/api/meetings/${meeting.id}/items`, soest, { itemId })).status).toBe(201);
    const second = await decide(itemId, {
      approach: 'bestuurlijk',
      actions: [{ description: 'Vergunning controleren', dueDate: '2030-06-16' }, { description: 'Gesprek', dueDate: '2030-07-01' }],
      feedback: 'Dank, wij pakken dit bestuurlijk op.',
    });

    const member = caller('gemeente-soest');
    const history = await eventually(
      async () => {
        const body = (await (await call('GET', `/api/agenda/items/${itemId}/history`, member)).json()) as ItemHistory;
        return body.entries.filter((entry) => entry.kind === 'feedback-sent').length === 2 ? body : undefined;
      },
      { timeoutMs: 30_000, what: 'both decisions published' },
    );
    expect(history.entries.map((entry) => entry.kind)).toEqual(['received', 'planned', 'decided', 'returned-to-agenda', 'feedback-sent', 'planned', 'decided', 'feedback-sent']);
    expect(history.entries[2]).toMatchObject({
      kind: 'decided',
      decision: { decisionId: first, approach: 'meer-informatie', decidedByParty: 'gemeente-soest', decidedAt: firstDecidedAt },
      meeting: todays,
      content: { recordedBy: { party: 'gemeente-soest', userId: soest.userId }, feedback: 'Graag meer gegevens.' },
    });
    // Decided today, planned for a later meeting as well: the decision belongs to today's meeting.
    expect(history.entries[6]).toMatchObject({
      kind: 'decided',
      decision: { decisionId: second, approach: 'bestuurlijk' },
      meeting: todays,
      content: { actions: [{ description: 'Vergunning controleren', dueDate: '2030-06-16' }, { description: 'Gesprek', dueDate: '2030-07-01' }] },
    });
    expect(history.entries[7]).toMatchObject({ kind: 'feedback-sent', decisionId: second, to: 'gemeente-soest' });
    const audit = await parts.postgres.query<{ action: string; object_id: string; result: string }>(
      `SELECT action, object_id, result FROM "${schema}".audit_log WHERE actor_user = $1 ORDER BY seq`,
      [member.userId],
    );
    // One decision.open per decision until the last read (which found both published), then history.open.
    expect(audit.rows.slice(-3)).toEqual([
      { action: 'decision.open', object_id: first, result: 'allowed' },
      { action: 'decision.open', object_id: second, result: 'allowed' },
      { action: 'history.open', object_id: itemId, result: 'allowed' },
    ]);

    // The item is closed: "Besproken" lists it, filtered by approach and lead party.
    const discussed = async (query: string): Promise<string[]> =>
      ((await (await call('GET', `/api/agenda/discussed?municipality=soest${query}`, soest)).json()) as DiscussedItem[]).map((item) => item.id);
    expect(await discussed('')).toContain(itemId);
    expect(await discussed('&approach=bestuurlijk')).toContain(itemId);
    expect(await discussed('&approach=fiscaal')).not.toContain(itemId);
    expect(await discussed('&leadParty=gemeente-soest&approach=bestuurlijk')).toContain(itemId);
    expect(await discussed('&leadParty=politie-bes')).not.toContain(itemId);
  });

  it('prints the agenda and the decision list with content only where the caller’s party is a recipient, each opening audited', async () => {
    const meeting = await pastMeetingFree();
    const forEveryone = await agendaItem(['gemeente-soest', 'politie-bes', 'riec-mn']);
    const notForRiec = await agendaItem(['gemeente-soest', 'politie-bes']);
    for (const itemId of [forEveryone, notForRiec]) expect((await call('POST', `/api/meetings/${meeting.id}/items`, soest, { itemId })).status).toBe(201);
    await decide(forEveryone, { approach: 'bestuurlijk', feedback: 'Voor iedereen.' });
    await decide(notForRiec, { approach: 'strafrechtelijk', leadParty: 'politie-bes', feedback: 'Niet voor het RIEC.' });

    const agendaFor = async (who: UserIdentity): Promise<PrintableAgenda> => (await (await call('GET', `/api/meetings/${meeting.id}/print/agenda`, who)).json()) as PrintableAgenda;
    const mine = <T extends { readonly id: string }>(items: readonly T[]): T[] => items.filter((item) => [forEveryone, notForRiec].includes(item.id));
    const soestAgenda = await agendaFor(soest);
    expect(mine(soestAgenda.items).map((item) => [item.id, item.signal === null])).toEqual([
      [forEveryone, false],
      [notForRiec, false],
    ]);
    const riecAgenda = await agendaFor(riec);
    expect(mine(riecAgenda.items).map((item) => [item.id, item.signal === null])).toEqual([
      [forEveryone, false],
      [notForRiec, true],
    ]);

    const listFor = async (who: UserIdentity): Promise<DecisionList> => (await (await call('GET', `/api/meetings/${meeting.id}/print/decisions`, who)).json()) as DecisionList;
    const riecList = await listFor(riec);
    expect(mine(riecList.decisions.map((entry) => ({ ...entry, id: entry.item.id }))).map((entry) => [entry.item.id, entry.decision.approach, entry.content?.feedback ?? null])).toEqual([
      [forEveryone, 'bestuurlijk', 'Voor iedereen.'],
      [notForRiec, 'strafrechtelijk', null],
    ]);
    const audit = await parts.postgres.query<{ action: string; object_id: string }>(`SELECT action, object_id FROM "${schema}".audit_log WHERE actor_user = $1 ORDER BY seq`, [riec.userId]);
    expect(audit.rows.map((row) => row.action)).toEqual(['signal.open', 'decision.open']);

    // A meeting still to come has no decision list yet.
    const later = await schedule('2030-07-30');
    expect((await call('GET', `/api/meetings/${later.id}/print/decisions`, soest)).status).toBe(409);
  });

  /** Today's meeting (made by the first test) when it exists, else one made now. */
  async function pastMeetingFree(): Promise<Meeting> {
    const meetings = (await (await call('GET', '/api/meetings?municipality=soest', soest)).json()) as Meeting[];
    return meetings.find((entry) => entry.date === TODAY) ?? schedule(TODAY);
  }
});
