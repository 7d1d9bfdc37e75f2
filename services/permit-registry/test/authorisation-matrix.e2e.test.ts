import { AuditLog } from '@signaalhub/audit';
import { DEFAULT_POOL_PARTY, ROLES, type ApplicationSummary, type EstablishmentSummary, type Role } from '@signaalhub/contracts';
import type { RunningService } from '@signaalhub/test-infra';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caller, registration, soestOfficer, startRegistry } from './support/running-registry.js';

/*
 * Issue 11 acceptance 6: every role × every endpoint × party, against the expected table. The objects are
 * Soest's (its signal flags travel with the opened establishment; a re-screening starts from it): "own" is gemeente-soest, "other" gemeente-baarn (a municipality without a registry here), and the
 * RIEC and the Bibob pool are outsiders. Only Soest's permit officers may do anything. Allowed changes are
 * sent with an invalid body where the access check comes first (400, nothing changed); registrations with a
 * valid one (their municipality is in the body). Every denial is a 403 with exactly one audit entry.
 */

type Endpoint =
  | 'establishment.register'
  | 'establishment.search'
  | 'establishment.open'
  | 'establishment.rescreen'
  | 'application.register'
  | 'application.list'
  | 'application.open'
  | 'application.completeness-request'
  | 'application.completeness-receipt'
  | 'application.screening-request'
  | 'permit.open'
  | 'permit.act';

const ENDPOINTS: readonly Endpoint[] = [
  'establishment.register',
  'establishment.search',
  'establishment.open',
  'establishment.rescreen',
  'application.register',
  'application.list',
  'application.open',
  'application.completeness-request',
  'application.completeness-receipt',
  'application.screening-request',
  'permit.open',
  'permit.act',
];

/** The audit action of each endpoint's denial. */
const AUDIT_ACTION: Readonly<Record<Endpoint, string>> = {
  'establishment.register': 'establishment.register',
  'establishment.search': 'establishment.search',
  'establishment.open': 'establishment.open',
  'establishment.rescreen': 'establishment.rescreen',
  'application.register': 'application.register',
  'application.list': 'application.list',
  'application.open': 'application.open',
  'application.completeness-request': 'application.completeness',
  'application.completeness-receipt': 'application.completeness',
  'application.screening-request': 'application.screening-request',
  'permit.open': 'permit.open',
  'permit.act': 'permit.act',
};

/** What an allowed call answers. */
const ALLOWED_STATUS: Readonly<Record<Endpoint, readonly number[]>> = {
  'establishment.register': [201],
  'establishment.search': [200],
  'establishment.open': [200],
  'establishment.rescreen': [400],
  'application.register': [201],
  'application.list': [200],
  'application.open': [200],
  'application.completeness-request': [400],
  'application.completeness-receipt': [400],
  // The first allowed caller asks for the screening, the others hear it was asked already.
  'application.screening-request': [200, 409],
  'permit.open': [200],
  'permit.act': [400],
};

interface Row {
  readonly party: string;
  readonly scope: 'own' | 'other' | 'outsider';
  readonly role: Role;
  readonly allowed: boolean;
}

const TABLE: Row[] = [
  ...ROLES.map((role): Row => ({ party: 'gemeente-soest', scope: 'own', role, allowed: role === 'permit-officer' })),
  ...ROLES.map((role): Row => ({ party: 'gemeente-baarn', scope: 'other', role, allowed: false })),
  ...ROLES.map((role): Row => ({ party: 'riec-mn', scope: 'outsider', role, allowed: false })),
  ...ROLES.map((role): Row => ({ party: DEFAULT_POOL_PARTY, scope: 'outsider', role, allowed: false })),
];

describe('permit registry authorisation matrix', () => {
  let sut: RunningService;
  let establishmentId: string;
  let application: ApplicationSummary;

  beforeAll(async () => {
    sut = await startRegistry();
    const officer = soestOfficer();
    establishmentId = ((await (await sut.call('POST', '/api/establishments', officer, registration())).json()) as EstablishmentSummary).id;
    const created = await sut.call('POST', '/api/applications', officer, { establishmentId, kind: 'nieuw', receivedOn: '2026-01-05' });
    expect(created.status).toBe(201);
    application = (await created.json()) as ApplicationSummary;
  });

  afterAll(() => sut.stop());

  function request(endpoint: Endpoint): { method: 'GET' | 'POST'; path: string; body?: unknown } {
    const at = `/api/applications/${application.id}`;
    switch (endpoint) {
      case 'establishment.register':
        return { method: 'POST', path: '/api/establishments', body: registration() };
      case 'establishment.search':
        return { method: 'GET', path: '/api/establishments?municipality=soest' };
      case 'establishment.open':
        return { method: 'GET', path: `/api/establishments/${establishmentId}` };
      case 'establishment.rescreen':
        return { method: 'POST', path: `/api/establishments/${establishmentId}/rescreenings`, body: { reason: '' } };
      case 'application.register':
        return { method: 'POST', path: '/api/applications', body: { establishmentId, kind: 'wijziging', receivedOn: '2026-02-02' } };
      case 'application.list':
        return { method: 'GET', path: '/api/applications?municipality=soest' };
      case 'application.open':
        return { method: 'GET', path: at };
      case 'application.completeness-request':
        return { method: 'POST', path: `${at}/completeness-requests`, body: { missing: 'plattegrond' } };
      case 'application.completeness-receipt':
        return { method: 'POST', path: `${at}/completeness-receipts`, body: { date: 'gisteren' } };
      case 'application.screening-request':
        return { method: 'POST', path: `${at}/screening-request` };
      case 'permit.open':
        return { method: 'GET', path: `/api/permits/${application.permitId}` };
      case 'permit.act':
        return { method: 'POST', path: `/api/permits/${application.permitId}/actions`, body: { action: 'goedkeuren' } };
    }
  }

  const cases = TABLE.flatMap((row) => ENDPOINTS.map((endpoint) => ({ ...row, endpoint })));

  it.each(cases)('$endpoint by $role of $party ($scope): allowed=$allowed', async ({ party, role, endpoint, allowed }) => {
    const who = caller(party, [role]);
    const { method, path, body } = request(endpoint);
    const permitBefore = await sut.pool.query(`SELECT * FROM "${sut.schema}".permits WHERE id = $1`, [application.permitId]);
    const response = await sut.call(method, path, who, body);
    if (allowed) {
      expect(ALLOWED_STATUS[endpoint], `${endpoint} answered ${String(response.status)}`).toContain(response.status);
      // The signal flags travel only with the opened establishment, to the officers allowed to open it.
      if (endpoint === 'establishment.open') expect(await response.json()).toMatchObject({ flags: [], flagCount: 0 });
      expect(await sut.auditEntries({ userId: who.userId, result: 'denied' })).toEqual([]);
      return;
    }
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({ error: 'forbidden' });
    const audit = await sut.auditEntries({ userId: who.userId, result: 'denied' });
    expect(audit).toMatchObject([{ action: AUDIT_ACTION[endpoint], result: 'denied', actor_party: party }]);
    expect(audit[0]?.reason).toMatch(/^(wrong-role|other-municipality|no-registry)$/);
    // Nothing a refused caller sent changed the permit, the establishment's history or the outbox.
    expect((await sut.pool.query(`SELECT * FROM "${sut.schema}".permits WHERE id = $1`, [application.permitId])).rows).toEqual(permitBefore.rows);
    expect(await sut.pool.query(`SELECT count(*)::int AS n FROM "${sut.schema}".establishment_history`)).toMatchObject({ rows: [{ n: 0 }] });
  });

  it('keeps exactly one denied entry per refused call, and the audit chain verifies', async () => {
    const denials = cases.filter(({ allowed }) => !allowed).length;
    const counted = await sut.pool.query<{ denied: number }>(`SELECT count(*)::int AS denied FROM "${sut.schema}".audit_log WHERE result = 'denied' AND actor_user IS NOT NULL`);
    expect(counted.rows).toEqual([{ denied: denials }]);
    expect(await (await AuditLog.open(sut.pool, sut.schema)).verifyChain()).toMatchObject({ ok: true });
  });
});
