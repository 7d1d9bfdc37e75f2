import { AuditLog } from '@signaalhub/audit';
import { createEventBus } from '@signaalhub/bus';
import { ROLES, Topics, type AgendaEntry, type Role } from '@signaalhub/contracts';
import { createLogger } from '@signaalhub/logging';
import { eventually, type RunningService, testInfrastructure } from '@signaalhub/test-infra';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decideWithActions, soestItems } from './support/agenda-items.js';
import { startMeeting, caller } from './support/running-meeting.js';
import { randomKvkNumber, sealSignal } from './support/sealed-signals.js';

/*
 * Every role × every endpoint × own/other municipality, against the expected table. The object is one
 * Soest item sent to gemeente-soest and politie-bes (not to riec-mn). "Own" callers are of gemeente-soest,
 * "other" of gemeente-baarn; the partner parties (police, RIEC) and a party outside the meeting (OM)
 * are rows of their own. Allowed calls must get past authorisation (decisions are sent with an invalid
 * body, so an allowed call answers 400 and changes nothing); every denial must be a 403 with an audit entry.
 * The actions are those of a second Soest item, decided with gemeente-soest as lead party: every member
 * may list (and sees only what is theirs), only the lead party marks done, the lead party and the
 * meeting's partners move a due date.
 */

type Endpoint = 'agenda.list' | 'meeting.list' | 'meeting.schedule' | 'signal.open' | 'decision.record' | 'action.list' | 'action.done' | 'action.due-date';
const ENDPOINTS: readonly Endpoint[] = ['agenda.list', 'meeting.list', 'meeting.schedule', 'signal.open', 'decision.record', 'action.list', 'action.done', 'action.due-date'];

interface Row {
  readonly party: string;
  readonly scope: 'own' | 'other' | 'partner' | 'outsider';
  readonly role: Role;
  readonly allowed: readonly Endpoint[];
  /** Sees the Soest action in its list. */
  readonly seesAction?: boolean;
}

const EVERYTHING = ENDPOINTS;
const PARTNER: readonly Endpoint[] = ENDPOINTS.filter((endpoint) => endpoint !== 'action.done');
const LIST_ONLY: readonly Endpoint[] = ['agenda.list', 'meeting.list', 'meeting.schedule', 'action.list', 'action.due-date'];
const member = (role: Role, allowed: readonly Endpoint[]): readonly Endpoint[] => (role === 'meeting-member' ? allowed : []);

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
  let meetingDay = 0;

  beforeAll(async () => {
    sut = await startMeeting();
    const bus = createEventBus({ brokers: testInfrastructure().kafkaBrokers, clientId: 'matrix', logger: createLogger('matrix', 'warn') });
    const producer = bus.createProducer();
    await producer.connect();
    const { envelope } = await sealSignal({ municipality: 'soest', kvkNumber: randomKvkNumber(), recipients: ['gemeente-soest', 'politie-bes'] });
    await producer.send(Topics.signalSubmitted, [{ key: 'soest', value: Buffer.from(JSON.stringify(envelope)) }]);
    await bus.close();
    itemId = envelope.header.messageId;
    await eventually(
      async () => {
        const entries = (await (await sut.call('GET', '/api/agenda?municipality=soest', caller('gemeente-soest'))).json()) as AgendaEntry[];
        return entries.some((entry) => entry.id === itemId) ? true : undefined;
      },
      { timeoutMs: 90_000, what: 'the item on the Soest agenda' },
    );
    const [decidedItem] = await soestItems(sut, 1);
    decisionId = await decideWithActions(sut, decidedItem ?? '', [new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10)]);
  });

  afterAll(async () => {
    await sut.stop();
  });

  function request(endpoint: Endpoint): { method: 'GET' | 'POST'; path: string; body?: unknown } {
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
      case 'action.list':
        return { method: 'GET', path: '/api/actions' };
      case 'action.done':
        return { method: 'POST', path: `/api/actions/${decisionId}/0/done`, body: { doneOn: 'gisteren' } };
      case 'action.due-date':
        return { method: 'POST', path: `/api/actions/${decisionId}/0/due-date`, body: { dueDate: 'morgen' } };
    }
  }

  const cases = TABLE.flatMap((row) => ENDPOINTS.map((endpoint) => ({ ...row, endpoint, expectAllowed: row.allowed.includes(endpoint) })));

  const INVALID_BODY: readonly Endpoint[] = ['decision.record', 'action.done', 'action.due-date'];

  it.each(cases)('$endpoint by $role of $party ($scope): allowed=$expectAllowed', async ({ party, role, endpoint, expectAllowed, seesAction }) => {
    const who = caller(party, [role]);
    const { method, path, body } = request(endpoint);
    const response = await sut.call(method, path, who, body);
    if (expectAllowed) {
      expect(response.status, `${endpoint} answered ${response.status}`).toBe(INVALID_BODY.includes(endpoint) ? 400 : endpoint === 'meeting.schedule' ? 201 : 200);
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
      expect(audit[0]?.reason).toMatch(/^(wrong-role|other-municipality|not-a-recipient|not-a-meeting-party|not-the-lead-party)$/);
    }
  });

  // Callers' denials only: envelopes refused at admission (other tests share the broker) are the service's own.
  it('has one audit entry per denial, in an intact hash chain', async () => {
    expect(await (await AuditLog.open(sut.pool, sut.schema)).verifyChain()).toMatchObject({ ok: true });
    const rows = await sut.pool.query<{ count: string }>(`SELECT count(*) AS count FROM ${sut.schema}.audit_log WHERE result = 'denied' AND actor_user IS NOT NULL`);
    expect(Number(rows.rows[0]?.count)).toBe(cases.filter((entry) => !entry.expectAllowed).length);
  });
});
