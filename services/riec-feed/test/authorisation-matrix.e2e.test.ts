import { randomUUID } from 'node:crypto';
import { AuditLog } from '@signaalhub/audit';
import { DEFAULT_POOL_PARTY, ROLES, type Role } from '@signaalhub/contracts';
import { testCaller, type RunningService } from '@signaalhub/test-infra';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RIEC, startFeed } from './support/running-feed.js';

/*
 * Issue 12 acceptance 6 for the feed's endpoints: every role × endpoint × party. "Own" is the RIEC's party,
 * "municipality" a municipality's (its own figures come with the releases, not through these endpoints),
 * "outsider" the Bibob pool. Only the RIEC's liaison is allowed; an allowed change is sent with an invalid
 * body (400, nothing stored) or an unknown hit or entry (404), since access is checked first. Every denial is a 403
 * with exactly one audit entry.
 */

type Endpoint =
  | 'hits.list'
  | 'hit.signals'
  | 'signal.open'
  | 'information.request'
  | 'exclusion.list'
  | 'exclusion.add'
  | 'exclusion.remove'
  | 'handover.list'
  | 'handover.open'
  | 'handover.accept'
  | 'handover.return';

const ENDPOINTS: readonly Endpoint[] = [
  'hits.list',
  'hit.signals',
  'signal.open',
  'information.request',
  'exclusion.list',
  'exclusion.add',
  'exclusion.remove',
  'handover.list',
  'handover.open',
  'handover.accept',
  'handover.return',
];

const ALLOWED_STATUS: Readonly<Record<Endpoint, number>> = {
  'hits.list': 200,
  'hit.signals': 404,
  'signal.open': 404,
  'information.request': 400,
  'exclusion.list': 200,
  'exclusion.add': 400,
  'exclusion.remove': 404,
  'handover.list': 200,
  'handover.open': 404,
  // The answer's form is checked before the hand-over is looked up: 400/422 naming the field, nothing stored or sent.
  'handover.accept': 400,
  'handover.return': 422,
};

type Scope = 'own' | 'municipality' | 'outsider';

/** Every role of `party`; only `allowedRole`, when given, may call the endpoints. */
const rowsOf = (party: string, scope: Scope, allowedRole?: Role): { party: string; scope: Scope; role: Role; allowed: boolean }[] =>
  ROLES.map((role) => ({ party, scope, role, allowed: role === allowedRole }));

const TABLE = [...rowsOf(RIEC, 'own', 'riec-liaison'), ...rowsOf('gemeente-soest', 'municipality'), ...rowsOf(DEFAULT_POOL_PARTY, 'outsider')];

function request(endpoint: Endpoint): { method: 'GET' | 'POST' | 'DELETE'; path: string; body?: unknown } {
  switch (endpoint) {
    case 'hits.list':
      return { method: 'GET', path: '/api/hits?kind=kvk' };
    case 'hit.signals':
      return { method: 'GET', path: `/api/hits/${randomUUID()}/signals` };
    case 'signal.open':
      return { method: 'GET', path: `/api/hits/${randomUUID()}/signals/${randomUUID()}` };
    case 'information.request':
      return { method: 'POST', path: `/api/hits/${randomUUID()}/information-requests`, body: { signalId: 'geen-id', purpose: 'Casus' } };
    case 'exclusion.list':
      return { method: 'GET', path: '/api/exclusions' };
    case 'exclusion.add':
      return { method: 'POST', path: '/api/exclusions', body: { kind: 'kvk', kvkNumber: '123', label: 'Takelbedrijf' } };
    case 'exclusion.remove':
      return { method: 'DELETE', path: `/api/exclusions/${randomUUID()}` };
    case 'handover.list':
      return { method: 'GET', path: '/api/handovers' };
    case 'handover.open':
      return { method: 'GET', path: `/api/handovers/${randomUUID()}` };
    case 'handover.accept':
      return { method: 'POST', path: `/api/handovers/${randomUUID()}/acceptance`, body: { caseReference: 12 } };
    case 'handover.return':
      return { method: 'POST', path: `/api/handovers/${randomUUID()}/return`, body: { reason: '' } };
  }
}

describe('riec feed authorisation matrix', () => {
  let sut: RunningService;

  beforeAll(async () => {
    sut = await startFeed();
  });

  afterAll(() => sut.stop());

  const cases = TABLE.flatMap((row) => ENDPOINTS.map((endpoint) => ({ ...row, endpoint })));

  it.each(cases)('$endpoint by $role of $party ($scope): allowed=$allowed', async ({ party, role, endpoint, allowed }) => {
    const who = testCaller(party, [role]);
    const { method, path, body } = request(endpoint);
    const response = await sut.call(method, path, who, body);
    if (allowed) {
      expect(response.status, `${endpoint} answered ${String(response.status)}`).toBe(ALLOWED_STATUS[endpoint]);
      expect(await sut.auditEntries({ userId: who.userId, result: 'denied' })).toEqual([]);
      return;
    }
    const answer: unknown = await response.json();
    expect({ status: response.status, answer }).toEqual({ status: 403, answer: { error: 'forbidden' } });
    const denials = (await sut.auditEntries({ userId: who.userId, result: 'denied' })).map(({ action, actor_party: by, reason }) => ({ action, by, reason }));
    expect(denials).toMatchObject([{ action: endpoint, by: party }]);
    expect(denials[0]?.reason).toMatch(/^(wrong-role|not-the-riec)$/);
  });

  it('stored nothing for any call, kept exactly one denied entry per refused call, and the audit chain verifies', async () => {
    // The hand-over inbox is fed by the consumer (decisions other tests publish); no call answered one: the outbox is empty.
    expect([await sut.countRows('exclusions'), await sut.countRows('information_requests'), await sut.countRows('outbox')]).toEqual([0, 0, 0]);
    expect((await sut.pool.query(`SELECT 1 FROM "${sut.schema}".handovers WHERE status <> 'open'`)).rowCount).toBe(0);
    const denials = cases.filter(({ allowed }) => !allowed).length;
    const counted = await sut.pool.query<{ denied: number }>(`SELECT count(*)::int AS denied FROM "${sut.schema}".audit_log WHERE result = 'denied' AND actor_user IS NOT NULL`);
    expect(counted.rows).toEqual([{ denied: denials }]);
    expect(await (await AuditLog.open(sut.pool, sut.schema)).verifyChain()).toMatchObject({ ok: true });
  });
});
