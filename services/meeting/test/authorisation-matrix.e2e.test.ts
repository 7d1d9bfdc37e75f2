import { randomUUID } from 'node:crypto';
import { AuditLog } from '@signaalhub/audit';
import { createEventBus } from '@signaalhub/bus';
import { ROLES, Topics, type AgendaEntry, type InformationRequestSummary, type Meeting, type Role } from '@signaalhub/contracts';
import { createLogger } from '@signaalhub/logging';
import { eventually, type RunningService, testInfrastructure } from '@signaalhub/test-infra';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decideWithActions, soestItems } from './support/agenda-items.js';
import { startMeeting, caller } from './support/running-meeting.js';
import { sealInformationRequest } from './support/sealed-information-requests.js';
import { randomKvkNumber, sealSignal } from './support/sealed-signals.js';

/*
 * Every role × every endpoint × own/other municipality, against the expected table. The object is one
 * Soest item sent to gemeente-soest and politie-bes (not to riec-mn). "Own" callers are of gemeente-soest,
 * "other" of gemeente-baarn; the partner parties (police, RIEC) and a party outside the meeting (OM)
 * are rows of their own. Allowed calls must get past authorisation (decisions, plans and actions are sent
 * with an invalid body, so an allowed call answers 400 and changes nothing; ALLOWED_STATUS); every denial
 * must be a 403 with an audit entry. The meeting endpoints work on one Soest meeting still to come. The
 * actions are those of a second Soest item, decided with gemeente-soest as lead party: every member may
 * list (and sees only what is theirs), only the lead party marks done, the lead party and the meeting's
 * partners move a due date. The information request (from the Bibob pool to gemeente-soest) is Soest's
 * own business: partners at the meeting are refused it.
 */

const ENDPOINTS = [
  'agenda.list',
  'meeting.list',
  'meeting.schedule',
  'signal.open',
  'decision.record',
  'history.open',
  'agenda.discussed',
  'meeting.open',
  'meeting.plan',
  'meeting.reorder',
  'meeting.unplan',
  'meeting.print-agenda',
  'meeting.print-decisions',
  'action.list',
  'action.done',
  'action.due-date',
  'information.list',
  'information.open',
  'information.respond',
] as const;
type Endpoint = (typeof ENDPOINTS)[number];
const INFORMATION: readonly Endpoint[] = ['information.list', 'information.open', 'information.respond'];

interface Row {
  readonly party: string;
  readonly scope: 'own' | 'other' | 'partner' | 'outsider';
  readonly role: Role;
  readonly allowed: readonly Endpoint[];
  /** Sees the Soest action in its list. */
  readonly seesAction?: boolean;
}

const EVERYTHING: readonly Endpoint[] = ENDPOINTS;
const PARTNER: readonly Endpoint[] = ENDPOINTS.filter((endpoint) => endpoint !== 'action.done' && !INFORMATION.includes(endpoint));
/** Everything but what opens the item's content (the signal, the decision form, the item's history), marks its actions done, or is Soest's own (information requests). */
const LIST_ONLY: readonly Endpoint[] = PARTNER.filter((endpoint) => !['signal.open', 'decision.record', 'history.open'].includes(endpoint));
const member = (role: Role, allowed: readonly Endpoint[]): readonly Endpoint[] => (role === 'meeting-member' ? allowed : []);

/** What an allowed call answers: the writes get a body or an object that changes nothing. */
const ALLOWED_STATUS: Readonly<Record<Endpoint, number>> = {
  'agenda.list': 200,
  'meeting.list': 200,
  'meeting.schedule': 201,
  'signal.open': 200,
  'decision.record': 400,
  'history.open': 200,
  'agenda.discussed': 200,
  'meeting.open': 200,
  'meeting.plan': 400,
  'meeting.reorder': 400,
  // The item is not on the meeting's agenda.
  'meeting.unplan': 404,
  'meeting.print-agenda': 200,
  // The meeting is still to come.
  'meeting.print-decisions': 409,
  'action.list': 200,
  'action.done': 400,
  'action.due-date': 400,
  'information.list': 200,
  'information.open': 200,
  'information.respond': 400,
};

const TABLE: Row[] = [
  ...ROLES.map((role): Row => ({ party: 'gemeente-soest', scope: 'own', role, allowed: member(role, EVERYTHING), seesAction: true })),
  // Another municipality's members list actions too, but see none of Soest's.
  ...ROLES.map((role): Row => ({ party: 'gemeente-baarn', scope: 'other', role, allowed: member(role, ['action.list']), seesAction: false })),
  ...ROLES.map((role): Row => ({ party: 'politie-bes', scope: 'partner', role, allowed: member(role, PARTNER), seesAction: true })),
  // Sits at every meeting, but the item was not sent to it: it may list, never open or decide.
  ...ROLES.map((role): Row => ({ party: 'riec-mn', scope: 'partner', role, allowed: member(role, LIST_ONLY), seesAction: true })),
  ...ROLES.map((role): Row => ({ party: 'om-mn', scope: 'outsider', role, allowed: member(role, ['action.list']), seesAction: false })),
];

describe('meeting authorisation matrix', () => {
  let sut: RunningService;
  let itemId: string;
  let decisionId: string;
  let requestId: string;
  let meetingDay = 0;
  let meetingId: string;

  beforeAll(async () => {
    sut = await startMeeting();
    const bus = createEventBus({ brokers: testInfrastructure().kafkaBrokers, clientId: 'matrix', logger: createLogger('matrix', 'warn') });
    const producer = bus.createProducer();
    await producer.connect();
    const { envelope } = await sealSignal({ municipality: 'soest', kvkNumber: randomKvkNumber(), recipients: ['gemeente-soest', 'politie-bes'] });
    await producer.send(Topics.signalSubmitted, [{ key: 'soest', value: Buffer.from(JSON.stringify(envelope)) }]);
    itemId = envelope.header.messageId;
    const sealed = await sealInformationRequest({ municipality: 'soest', signalId: itemId });
    await producer.send(Topics.information, [{ key: 'soest', value: Buffer.from(JSON.stringify(sealed.envelope)) }]);
    await bus.close();
    requestId = sealed.request.requestId;
    await eventually(
      async () => {
        const entries = (await (await sut.call('GET', '/api/agenda?municipality=soest', caller('gemeente-soest'))).json()) as AgendaEntry[];
        return entries.some((entry) => entry.id === itemId) ? true : undefined;
      },
      { timeoutMs: 90_000, what: 'the item on the Soest agenda' },
    );
    await eventually(
      async () => {
        const requests = (await (await sut.call('GET', '/api/information-requests?municipality=soest', caller('gemeente-soest'))).json()) as InformationRequestSummary[];
        return requests.some((entry) => entry.id === requestId) ? true : undefined;
      },
      { timeoutMs: 90_000, what: 'the information request for Soest' },
    );
    const scheduled = await sut.call('POST', '/api/meetings', caller('gemeente-soest'), { municipality: 'soest', date: '2031-06-02' });
    meetingId = ((await scheduled.json()) as Meeting).id;
    const [decidedItem] = await soestItems(sut, 1);
    decisionId = await decideWithActions(sut, decidedItem ?? '', [new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10)]);
  });

  afterAll(async () => {
    await sut.stop();
  });

  function request(endpoint: Endpoint): { method: 'GET' | 'POST' | 'PUT' | 'DELETE'; path: string; body?: unknown } {
    switch (endpoint) {
      case 'agenda.list':
        return { method: 'GET', path: '/api/agenda?municipality=soest' };
      case 'meeting.list':
        return { method: 'GET', path: '/api/meetings?municipality=soest' };
      case 'meeting.schedule':
        meetingDay += 1;
        // A new date per call, so an allowed call is a 201 and not a 409.
        return { method: 'POST', path: '/api/meetings', body: { municipality: 'soest', date: new Date(Date.UTC(2032, 0, meetingDay)).toISOString().slice(0, 10) } };
      case 'signal.open':
        return { method: 'GET', path: `/api/agenda/items/${itemId}` };
      case 'decision.record':
        return { method: 'POST', path: `/api/agenda/items/${itemId}/decision`, body: { approach: 'not-an-approach' } };
      case 'history.open':
        return { method: 'GET', path: `/api/agenda/items/${itemId}/history` };
      case 'agenda.discussed':
        return { method: 'GET', path: '/api/agenda/discussed?municipality=soest&approach=bestuurlijk' };
      case 'meeting.open':
        return { method: 'GET', path: `/api/meetings/${meetingId}` };
      case 'meeting.plan':
        return { method: 'POST', path: `/api/meetings/${meetingId}/items`, body: { itemId: 'not-a-uuid' } };
      case 'meeting.reorder':
        return { method: 'PUT', path: `/api/meetings/${meetingId}/items`, body: { itemIds: 'not-a-list' } };
      case 'meeting.unplan':
        return { method: 'DELETE', path: `/api/meetings/${meetingId}/items/${itemId}` };
      case 'meeting.print-agenda':
        return { method: 'GET', path: `/api/meetings/${meetingId}/print/agenda` };
      case 'meeting.print-decisions':
        return { method: 'GET', path: `/api/meetings/${meetingId}/print/decisions` };
      case 'action.list':
        return { method: 'GET', path: '/api/actions' };
      case 'action.done':
        return { method: 'POST', path: `/api/actions/${decisionId}/0/done`, body: { doneOn: 'gisteren' } };
      case 'action.due-date':
        return { method: 'POST', path: `/api/actions/${decisionId}/0/due-date`, body: { dueDate: 'morgen' } };
      case 'information.list':
        return { method: 'GET', path: '/api/information-requests?municipality=soest' };
      case 'information.open':
        return { method: 'GET', path: `/api/information-requests/${requestId}` };
      case 'information.respond':
        return { method: 'POST', path: `/api/information-requests/${requestId}/response`, body: { outcome: 'refused', reason: '' } };
    }
  }

  const cases = TABLE.flatMap((row) => ENDPOINTS.map((endpoint) => ({ ...row, endpoint, expectAllowed: row.allowed.includes(endpoint) })));

  it.each(cases)('$endpoint by $role of $party ($scope): allowed=$expectAllowed', async ({ party, role, endpoint, expectAllowed, seesAction }) => {
    const who = caller(party, [role]);
    const { method, path, body } = request(endpoint);
    const headers = { 'content-type': 'application/json', ...(await sut.identityHeaders(who)) };
    const response = await fetch(`${sut.base}${path}`, { method, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
    if (expectAllowed) {
      expect(response.status, `${endpoint} answered ${response.status}`).toBe(ALLOWED_STATUS[endpoint]);
      expect(await sut.auditEntries({ userId: who.userId })).not.toContainEqual(expect.objectContaining({ result: 'denied' }));
      if (endpoint === 'action.list') {
        const listed = (await response.json()) as { decisionId: string }[];
        expect(listed.some((action) => action.decisionId === decisionId)).toBe(seesAction);
      }
    } else {
      expect(response.status).toBe(403);
      expect(await response.json()).toEqual({ error: 'forbidden' });
      const audit = await sut.auditEntries({ userId: who.userId });
      expect(audit).toMatchObject([{ action: endpoint, result: 'denied', actor_party: party }]);
      expect(audit[0]?.reason).toMatch(/^(wrong-role|other-municipality|not-a-recipient|not-a-meeting-party|not-the-lead-party|not-the-owning-municipality)$/);
    }
  });

  it.each([
    ['a malformed request id', 'GET', '/api/information-requests/not-a-uuid', undefined, 400, 'id'],
    ['a malformed request id on a response', 'POST', '/api/information-requests/not-a-uuid/response', { outcome: 'answered' }, 400, 'id'],
    ['an empty refusal reason', 'POST', '/api/information-requests/{request}/response', { outcome: 'refused', reason: ' ' }, 400, 'reason'],
    ['an unknown outcome', 'POST', '/api/information-requests/{request}/response', { outcome: 'misschien' }, 400, 'outcome'],
    ['a municipality without an agenda', 'GET', '/api/information-requests?municipality=huizen', undefined, 400, 'municipality'],
  ] as const)('rejects %s from a Soest member, naming the field, and changes nothing', async (_what, method, path, body, status, field) => {
    const response = await sut.call(method, path.replace('{request}', requestId), caller('gemeente-soest'), body);
    expect(response.status).toBe(status);
    const answer = (await response.json()) as { error: string; problems: { field: string; message: string }[] };
    expect(answer.error).toBe('validation');
    expect(answer.problems.map((problem) => problem.field)).toContain(field);
    const stored = await sut.pool.query<{ status: string }>(`SELECT status FROM ${sut.schema}.information_requests WHERE request_id = $1`, [requestId]);
    expect(stored.rows).toEqual([{ status: 'open' }]);
    const sent = await sut.pool.query(`SELECT 1 FROM ${sut.schema}.outbox WHERE topic = $1`, [Topics.information]);
    expect(sent.rowCount).toBe(0);
  });

  it('answers 404 for an unknown request id, and sends nothing', async () => {
    const response = await sut.call('POST', `/api/information-requests/${randomUUID()}/response`, caller('gemeente-soest'), { outcome: 'answered' });
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ error: 'not-found', problems: [{ field: 'id' }] });
    const sent = await sut.pool.query(`SELECT 1 FROM ${sut.schema}.outbox WHERE topic = $1`, [Topics.information]);
    expect(sent.rowCount).toBe(0);
  });

  // Callers' denials only: envelopes refused at admission (other tests share the broker) are the service's own.
  it('has one audit entry per denial, in an intact hash chain', async () => {
    expect(await (await AuditLog.open(sut.pool, sut.schema)).verifyChain()).toMatchObject({ ok: true });
    const rows = await sut.pool.query<{ count: string }>(`SELECT count(*) AS count FROM ${sut.schema}.audit_log WHERE result = 'denied' AND actor_user IS NOT NULL`);
    expect(Number(rows.rows[0]?.count)).toBe(cases.filter((entry) => !entry.expectAllowed).length);
  });
});
