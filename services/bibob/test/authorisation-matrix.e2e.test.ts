import { AuditLog } from '@signaalhub/audit';
import { ROLES, type Role } from '@signaalhub/contracts';
import type { RunningService } from '@signaalhub/test-infra';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caller, coordinator, LEAD, POOL, startBibob } from './support/running-bibob.js';
import { screeningForm } from './support/screening-requests.js';

/*
 * Every role × every endpoint × party, against the expected table. The object is one Baarn screening:
 * "own" is the pool (coordinators) and gemeente-baarn (its permit officers and auditor), "other" is
 * gemeente-soest; the RIEC and the OM are outsiders. Allowed calls that change something are sent with an
 * invalid body, so they answer 400 and change nothing; every denial must be a 403 with one audit entry.
 */

type Endpoint =
  | 'screening.create'
  | 'screening.list'
  | 'screening.open'
  | 'screening.step'
  | 'screening.questionnaire'
  | 'conclusion.propose'
  | 'conclusion.approve'
  | 'screening.disclose'
  | 'screening.reassign'
  | 'disclosure.list'
  | 'coordinator.list'
  | 'information.request'
  | 'information.list'
  | 'information.open-answer';
const ENDPOINTS: readonly Endpoint[] = [
  'screening.create',
  'screening.list',
  'screening.open',
  'screening.step',
  'screening.questionnaire',
  'conclusion.propose',
  'conclusion.approve',
  'screening.disclose',
  'information.request',
  'information.list',
  'information.open-answer',
  // Last: the lead coordinator's one denial must come after every call it is allowed (those find no denial of theirs).
  'screening.reassign',
  'disclosure.list',
  'coordinator.list',
];
const COORDINATOR_WORK: readonly Endpoint[] = ENDPOINTS.filter((endpoint) => endpoint !== 'screening.reassign' && endpoint !== 'disclosure.list');
const READ_ONLY: readonly Endpoint[] = ['screening.list', 'screening.open'];

interface Row {
  readonly party: string;
  readonly scope: 'pool' | 'lead' | 'own' | 'other' | 'outsider';
  readonly role: Role;
  readonly allowed: readonly Endpoint[];
  readonly userId?: string;
}

const allowedFor = (allowed: Partial<Record<Role, readonly Endpoint[]>>) => (role: Role) => allowed[role] ?? [];
const pool = allowedFor({ 'bibob-coordinator': COORDINATOR_WORK, auditor: ['disclosure.list'] });
const baarn = allowedFor({ 'permit-officer': READ_ONLY, auditor: ['disclosure.list'] });

const NO_REQUEST = '00000000-0000-4000-8000-000000000000';

const TABLE: Row[] = [
  ...ROLES.map((role): Row => ({ party: POOL, scope: 'pool', role, allowed: pool(role) })),
  { party: POOL, scope: 'lead', role: 'bibob-coordinator', allowed: [...COORDINATOR_WORK, 'screening.reassign'], userId: LEAD },
  ...ROLES.map((role): Row => ({ party: 'gemeente-baarn', scope: 'own', role, allowed: baarn(role) })),
  ...ROLES.map((role): Row => ({ party: 'gemeente-soest', scope: 'other', role, allowed: [] })),
  ...ROLES.map((role): Row => ({ party: 'riec-mn', scope: 'outsider', role, allowed: [] })),
  ...ROLES.map((role): Row => ({ party: 'om-mn', scope: 'outsider', role, allowed: [] })),
];

describe('bibob authorisation matrix', () => {
  let sut: RunningService;
  let screeningId: string;

  beforeAll(async () => {
    sut = await startBibob();
    const created = await sut.call('POST', '/api/screenings', coordinator(), screeningForm({ municipality: 'baarn' }));
    expect(created.status).toBe(201);
    ({ id: screeningId } = (await created.json()) as { id: string });
  });

  afterAll(() => sut.stop());

  function request(endpoint: Endpoint): { method: 'GET' | 'POST' | 'PUT'; path: string; body?: unknown } {
    const at = `/api/screenings/${screeningId}`;
    switch (endpoint) {
      case 'screening.create':
        return { method: 'POST', path: '/api/screenings', body: { municipality: 'baarn' } };
      case 'screening.list':
        return { method: 'GET', path: '/api/screenings?municipality=baarn' };
      case 'screening.open':
        return { method: 'GET', path: at };
      case 'screening.step':
        return { method: 'POST', path: `${at}/transitions`, body: { step: 'not-a-step' } };
      case 'screening.questionnaire':
        return { method: 'PUT', path: `${at}/questionnaire/aanvrager`, body: { complete: 'ja' } };
      case 'conclusion.propose':
        return { method: 'POST', path: `${at}/conclusions`, body: { conclusion: { level: 'onbekend' } } };
      case 'conclusion.approve':
        return { method: 'POST', path: `${at}/conclusions/1/approval`, body: {} };
      case 'screening.disclose':
        return { method: 'POST', path: `${at}/disclosures`, body: { ground: {} } };
      case 'screening.reassign':
        return { method: 'POST', path: '/api/screenings/assignments', body: { screeningIds: [screeningId] } };
      case 'disclosure.list':
        return { method: 'GET', path: '/api/disclosures?municipality=baarn' };
      case 'coordinator.list':
        return { method: 'GET', path: '/api/coordinators' };
      case 'information.request':
        return { method: 'POST', path: `${at}/information-requests`, body: { purpose: 1 } };
      case 'information.list':
        return { method: 'GET', path: `${at}/information-requests` };
      case 'information.open-answer':
        // No answer exists: an allowed caller gets 404, a refused one 403 before anything is looked up.
        return { method: 'GET', path: `${at}/information-requests/${NO_REQUEST}/answer` };
    }
  }

  const READS: readonly Endpoint[] = ['screening.list', 'screening.open', 'disclosure.list', 'coordinator.list', 'information.list'];
  const allowedStatus = (endpoint: Endpoint): number => (endpoint === 'information.open-answer' ? 404 : READS.includes(endpoint) ? 200 : 400);
  const cases = TABLE.flatMap((row) => ENDPOINTS.map((endpoint) => ({ ...row, endpoint, expectAllowed: row.allowed.includes(endpoint) })));

  it.each(cases)('$endpoint by $role of $party ($scope): allowed=$expectAllowed', async ({ party, role, endpoint, expectAllowed, userId }) => {
    const who = caller(party, [role], ...(userId === undefined ? [] : [userId]));
    const { method, path, body } = request(endpoint);
    // This caller's steps: the pool's consumer (other tests' requests on the shared topic) and its automatic
    // assignment add history of their own meanwhile.
    const steps = async (): Promise<number> =>
      Number((await sut.pool.query<{ count: string }>(`SELECT count(*) AS count FROM "${sut.schema}".screening_history WHERE actor_user = $1`, [who.userId])).rows[0]?.count);
    const before = await steps();
    const response = await sut.call(method, path, who, body);
    expect(await steps()).toBe(before);
    if (expectAllowed) {
      expect(response.status, `${endpoint} answered ${response.status}`).toBe(allowedStatus(endpoint));
      // This endpoint's: the lead's fixed user id carries the denials of its earlier rows.
      expect(await sut.auditEntries({ userId: who.userId, result: 'denied', action: endpoint })).toEqual([]);
      // The capacity screen is about people: every allowed read is audited too.
      if (endpoint === 'coordinator.list') expect(await sut.auditEntries({ userId: who.userId, result: 'allowed', action: endpoint })).toHaveLength(1);
    } else {
      expect(response.status).toBe(403);
      expect(await response.json()).toEqual({ error: 'forbidden' });
      const audit = await sut.auditEntries({ userId: who.userId, result: 'denied', action: endpoint });
      expect(audit).toMatchObject([{ action: endpoint, result: 'denied', actor_party: party }]);
      expect(audit[0]?.reason).toMatch(/^(wrong-role|not-the-pool|other-municipality|not-a-lead-coordinator)$/);
    }
  });

  it('keeps exactly one denied entry per refused call, and the audit chain verifies', async () => {
    const denials = cases.filter(({ expectAllowed }) => !expectAllowed).length;
    const counted = await sut.pool.query<{ denied: number }>(`SELECT count(*)::int AS denied FROM ${sut.schema}.audit_log WHERE result = 'denied' AND actor_user IS NOT NULL`);
    expect(counted.rows).toEqual([{ denied: denials }]);
    const chain = await (await AuditLog.open(sut.pool, sut.schema)).verifyChain();
    expect(chain).toMatchObject({ ok: true });
  });
});
