import { randomUUID } from 'node:crypto';
import { AuditLog } from '@signaalhub/audit';
import { DEFAULT_POOL_PARTY, ROLES, type ReleaseSummary, type Role } from '@signaalhub/contracts';
import { testCaller, type RunningService } from '@signaalhub/test-infra';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lastMonth, liaison, RIEC, startFeed } from './support/running-feed.js';

/*
 * Issue 12 acceptance 6 for the feed's endpoints: every role × endpoint × party. "Own" is the RIEC's party,
 * "municipality" a municipality's (its own figures come with the releases, not through these endpoints),
 * "outsider" the Bibob pool. Only the RIEC's liaison is allowed, except for reading releases: a municipality's
 * meeting members read their own municipality's (and never the RIEC's or another municipality's). An allowed
 * change is sent with an invalid body (400/422, nothing stored) or an unknown hit or entry (404), since access is
 * checked first; an allowed read of a release reads the caller's own one of last month's releases, made
 * before the table. Every denial is a 403 with exactly one audit entry.
 */

type Endpoint =
  | 'hits.list'
  | 'hit.signals'
  | 'signal.open'
  | 'information.request'
  | 'information.list'
  | 'exclusion.list'
  | 'exclusion.add'
  | 'exclusion.remove'
  | 'hits.export'
  | 'releases.publish'
  | 'releases.list'
  | 'release.read'
  | 'release.export.csv'
  | 'release.export.json'
  | 'handover.list'
  | 'handover.open'
  | 'handover.accept'
  | 'handover.return';

const ENDPOINTS: readonly Endpoint[] = [
  'hits.list',
  'hit.signals',
  'signal.open',
  'information.request',
  'information.list',
  'exclusion.list',
  'exclusion.add',
  'exclusion.remove',
  'hits.export',
  'releases.publish',
  'releases.list',
  'release.read',
  'release.export.csv',
  'release.export.json',
  'handover.list',
  'handover.open',
  'handover.accept',
  'handover.return',
];

/** The endpoints a municipality's meeting member may call, for its own municipality's releases. */
const MEMBER_ENDPOINTS: ReadonlySet<Endpoint> = new Set(['releases.list', 'release.read', 'release.export.csv', 'release.export.json']);

const ALLOWED_STATUS: Readonly<Record<Endpoint, number>> = {
  'hits.list': 200,
  'hit.signals': 404,
  'signal.open': 404,
  'information.request': 400,
  'information.list': 404,
  'exclusion.list': 200,
  'exclusion.add': 400,
  'exclusion.remove': 404,
  'hits.export': 200,
  'releases.publish': 422,
  'releases.list': 200,
  'release.read': 200,
  'release.export.csv': 200,
  'release.export.json': 200,
  'handover.list': 200,
  'handover.open': 404,
  // The answer's form is checked before the hand-over is looked up: 400/422 naming the field, nothing stored or sent.
  'handover.accept': 400,
  'handover.return': 422,
};

type Scope = 'own' | 'municipality' | 'outsider';

/** Every role of `party` × every endpoint; `allowed` says which role may call which endpoint. */
const rowsOf = (party: string, scope: Scope, allowed: (role: Role, endpoint: Endpoint) => boolean): { party: string; scope: Scope; role: Role; endpoint: Endpoint; allowed: boolean }[] =>
  ROLES.flatMap((role) => ENDPOINTS.map((endpoint) => ({ party, scope, role, endpoint, allowed: allowed(role, endpoint) })));

const TABLE = [
  ...rowsOf(RIEC, 'own', (role) => role === 'riec-liaison'),
  ...rowsOf('gemeente-soest', 'municipality', (role, endpoint) => role === 'meeting-member' && MEMBER_ENDPOINTS.has(endpoint)),
  ...rowsOf(DEFAULT_POOL_PARTY, 'outsider', () => false),
];

/** Last month's release of each recipient, made before the table (the pool, no recipient, is pointed at the RIEC's). */
const releaseIds = new Map<string, string>();
const releaseOf = (party: string): string => releaseIds.get(party) ?? releaseIds.get(RIEC) ?? randomUUID();

function request(endpoint: Endpoint, party: string): { method: 'GET' | 'POST' | 'DELETE'; path: string; body?: unknown } {
  switch (endpoint) {
    case 'hits.list':
      return { method: 'GET', path: '/api/hits?kind=kvk' };
    case 'hit.signals':
      return { method: 'GET', path: `/api/hits/${randomUUID()}/signals` };
    case 'signal.open':
      return { method: 'GET', path: `/api/hits/${randomUUID()}/signals/${randomUUID()}` };
    case 'information.request':
      return { method: 'POST', path: `/api/hits/${randomUUID()}/information-requests`, body: { signalId: 'geen-id', purpose: 'Casus' } };
    case 'information.list':
      return { method: 'GET', path: `/api/hits/${randomUUID()}/information-requests` };
    case 'exclusion.list':
      return { method: 'GET', path: '/api/exclusions' };
    case 'exclusion.add':
      return { method: 'POST', path: '/api/exclusions', body: { kind: 'kvk', kvkNumber: '123', label: 'Takelbedrijf' } };
    case 'exclusion.remove':
      return { method: 'DELETE', path: `/api/exclusions/${randomUUID()}` };
    case 'hits.export':
      return { method: 'GET', path: '/api/hits/export.misp.json' };
    case 'releases.publish':
      return { method: 'POST', path: '/api/releases', body: { period: '2026-13' } };
    case 'releases.list':
      return { method: 'GET', path: '/api/releases' };
    case 'release.read':
      return { method: 'GET', path: `/api/releases/${releaseOf(party)}` };
    case 'release.export.csv':
      return { method: 'GET', path: `/api/releases/${releaseOf(party)}/export.csv` };
    case 'release.export.json':
      return { method: 'GET', path: `/api/releases/${releaseOf(party)}/export.json` };
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
    const made = await sut.call('POST', '/api/releases', liaison(), { period: lastMonth().period });
    expect(made.status, await made.clone().text()).toBe(201);
    for (const { recipient, id } of (await made.json()) as ReleaseSummary[]) releaseIds.set(recipient, id);
  });

  afterAll(() => sut.stop());

  const cases = TABLE;

  it.each(cases)('$endpoint by $role of $party ($scope): allowed=$allowed', async ({ party, role, endpoint, allowed }) => {
    const who = testCaller(party, [role]);
    const { method, path, body } = request(endpoint, party);
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
    expect(denials[0]?.reason).toMatch(/^(wrong-role|not-the-riec|not-a-release-recipient)$/);
  });

  const CROSS = [
    { who: 'a meeting member of Soest', party: 'gemeente-soest', role: 'meeting-member' as Role, release: 'gemeente-baarn' },
    { who: 'a meeting member of Soest', party: 'gemeente-soest', role: 'meeting-member' as Role, release: RIEC },
    { who: "the RIEC's liaison", party: RIEC, role: 'riec-liaison' as Role, release: 'gemeente-soest' },
  ];

  it.each(CROSS)("refuses $who the release of $release (another recipient's), audited", async ({ party, role, release }) => {
    const who = testCaller(party, [role]);
    for (const suffix of ['', '/export.csv', '/export.json']) {
      const response = await sut.call('GET', `/api/releases/${releaseOf(release)}${suffix}`, who);
      expect({ status: response.status, answer: (await response.json()) as unknown }).toEqual({ status: 403, answer: { error: 'forbidden' } });
    }
    const denials = (await sut.auditEntries({ userId: who.userId, result: 'denied' })).map(({ action, reason }) => ({ action, reason }));
    expect(denials).toEqual(
      expect.arrayContaining([
        { action: 'release.read', reason: 'not-a-recipient' },
        { action: 'release.export.csv', reason: 'not-a-recipient' },
        { action: 'release.export.json', reason: 'not-a-recipient' },
      ]),
    );
    expect(denials).toHaveLength(3);
  });

  it("lists a meeting member's own municipality's releases only", async () => {
    const response = await sut.call('GET', '/api/releases', testCaller('gemeente-soest', ['meeting-member']));
    expect(response.status).toBe(200);
    expect(((await response.json()) as ReleaseSummary[]).map(({ recipient, id }) => ({ recipient, id }))).toEqual([{ recipient: 'gemeente-soest', id: releaseOf('gemeente-soest') }]);
  });

  it('stored nothing for any call, kept exactly one denied entry per refused call, and the audit chain verifies', async () => {
    // Only the release run before the table: one release and one feed.published per recipient. The hand-over
    // inbox is fed by the consumer (decisions other tests publish); no call answered one.
    expect([await sut.countRows('exclusions'), await sut.countRows('information_requests'), await sut.countRows('releases'), await sut.countRows('outbox')]).toEqual([0, 0, releaseIds.size, releaseIds.size]);
    expect((await sut.pool.query(`SELECT 1 FROM "${sut.schema}".handovers WHERE status <> 'open'`)).rowCount).toBe(0);
    const denials = cases.filter(({ allowed }) => !allowed).length + CROSS.length * 3;
    const counted = await sut.pool.query<{ denied: number }>(`SELECT count(*)::int AS denied FROM "${sut.schema}".audit_log WHERE result = 'denied' AND actor_user IS NOT NULL`);
    expect(counted.rows).toEqual([{ denied: denials }]);
    expect(await (await AuditLog.open(sut.pool, sut.schema)).verifyChain()).toMatchObject({ ok: true });
  });
});
