import { uniqueName, type RunningService } from '@signaalhub/test-infra';
import { ROLES, type Role } from '@signaalhub/contracts';
import type { UserIdentity } from '@signaalhub/identity';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startIntake, postSignal, identity } from './support/intake-service.js';
import { goodSubmission } from './support/submissions.js';

/** Own = the caller acts for Soest, the municipality of the signal; other = the caller acts for Baarn. */
type Scope = 'own' | 'other';
type Expected = 'allow' | 'deny';

interface Endpoint {
  readonly name: string;
  /** The audit action a denial is recorded under. */
  readonly action: string;
  readonly expected: (role: Role, scope: Scope) => Expected;
  readonly call: (sut: RunningService, caller: UserIdentity | undefined) => Promise<Response>;
  readonly allowedStatus: number;
}

const SCOPE_PARTY: Record<Scope, string> = { own: 'gemeente-soest', other: 'gemeente-baarn' };
const inspectorOfOwn = (role: Role, scope: Scope): Expected => (role === 'inspector' && scope === 'own' ? 'allow' : 'deny');

/** The expected allow/deny table: every endpoint × every role × own/other municipality. */
const ENDPOINTS = (soestSignalId: () => string): Endpoint[] => [
  {
    name: 'POST /api/signals (a Soest signal)',
    action: 'signal.submit',
    expected: inspectorOfOwn,
    allowedStatus: 201,
    call: (sut, caller) =>
      caller === undefined
        ? fetch(`${sut.base}/api/signals`, { method: 'POST', headers: { 'content-type': 'application/json', 'idempotency-key': 'matrix-anonymous' }, body: JSON.stringify(goodSubmission()) })
        : postSignal(sut, goodSubmission(), { identity: caller }),
  },
  {
    name: 'GET /api/signals/mine',
    action: 'signal.list-own',
    // Any inspector may list their own signals; an inspector elsewhere simply has none of Soest's.
    expected: (role) => (role === 'inspector' ? 'allow' : 'deny'),
    allowedStatus: 200,
    call: (sut, caller) => sut.get('/api/signals/mine', caller),
  },
  {
    name: 'GET /api/signals/:id (a Soest signal)',
    action: 'signal.view',
    expected: inspectorOfOwn,
    allowedStatus: 200,
    call: (sut, caller) => sut.get(`/api/signals/${soestSignalId()}`, caller),
  },
  {
    name: 'POST /api/admin/signal-imports (one earlier Soest signal)',
    action: 'signal.import',
    // The historical import is the hub admin's, whichever party the admin acts for.
    expected: (role) => (role === 'admin' ? 'allow' : 'deny'),
    allowedStatus: 201,
    call: (sut, caller) =>
      sut.call('POST', '/api/admin/signal-imports', caller, { signals: [{ importId: uniqueName('matrix-import'), reportedOn: '2019-05-03', signal: goodSubmission() }] }),
  },
  {
    name: 'GET /api/policy/distribution',
    action: 'policy.read',
    // Configuration, no personal data: every signed-in user.
    expected: () => 'allow',
    allowedStatus: 200,
    call: (sut, caller) => sut.get('/api/policy/distribution', caller),
  },
];

describe('authorisation matrix of signal-intake', () => {
  let sut: RunningService;
  let soestSignalId = '';
  const endpoints = ENDPOINTS(() => soestSignalId);

  beforeAll(async () => {
    sut = await startIntake();
    const reporter = identity('gemeente-soest', ['inspector']);
    const response = await postSignal(sut, goodSubmission(), { identity: reporter });
    expect(response.status).toBe(201);
    soestSignalId = ((await response.json()) as { id: string }).id;
  });

  afterAll(async () => {
    await sut.stop();
  });

  const rows = endpoints.flatMap((endpoint, index) =>
    ROLES.flatMap((role) =>
      (['own', 'other'] as const).map((scope) => ({ index, name: endpoint.name, role, scope, expected: endpoint.expected(role, scope) })),
    ),
  );

  it.each(rows)('$name as $role of the $scope municipality: $expected', async ({ index, role, scope, expected }) => {
    const endpoint = endpoints[index];
    if (endpoint === undefined) throw new Error('no such endpoint');
    const caller = identity(SCOPE_PARTY[scope], [role]);
    const response = await endpoint.call(sut, caller);
    const denials = await sut.auditEntries({ userId: caller.userId, result: 'denied' });
    if (expected === 'allow') {
      expect(response.status).toBe(endpoint.allowedStatus);
      expect(denials).toEqual([]);
      return;
    }
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({ error: 'forbidden' });
    expect(denials).toEqual([
      expect.objectContaining({ action: endpoint.action, actor_party: caller.party, result: 'denied', reason: expect.any(String) as unknown }),
    ]);
  });

  it.each(endpoints.map((endpoint) => [endpoint.name, endpoint] as const))('%s without an identity is 401', async (_name, endpoint) => {
    const response = await endpoint.call(sut, undefined);
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ error: 'unauthenticated' });
  });

  it('does not list a Soest signal for an inspector of another municipality', async () => {
    const baarnInspector = identity('gemeente-baarn', ['inspector']);
    const response = await sut.get('/api/signals/mine', baarnInspector);
    const { signals } = (await response.json()) as { signals: { id: string }[] };
    expect(signals.map((signal) => signal.id)).not.toContain(soestSignalId);
  });

  it('keeps the audit chain intact after all these decisions', async () => {
    const { AuditLog } = await import('@signaalhub/audit');
    const log = await AuditLog.open(sut.pool, sut.schema);
    const verification = await log.verifyChain();
    expect(verification.ok).toBe(true);
    expect(verification.entries).toBeGreaterThan(30);
  });
});
