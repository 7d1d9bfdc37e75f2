import { randomUUID } from 'node:crypto';
import type { ApplicationDetail, ApplicationSummary, EstablishmentSummary } from '@signaalhub/contracts';
import { eventually, type RunningService } from '@signaalhub/test-infra';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POOL, PoolSide } from './support/pool-side.js';
import { caller, registration, soestOfficer, startRegistry } from './support/running-registry.js';

/*
 * Issue 11, build 3: applications with completeness (asked, received: the decision term stops and runs
 * again), the Bibob screening requested with one action (sealed screening.requested to the pool and the
 * municipality, no people in the header), the pool's LBB milestones moving the legal decision date with its
 * explanation, and the conclusion kept sealed for Soest's permit officers only. The pool is played by the
 * test on the real broker.
 */

const day = (offset: number): string => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

describe('permit registry applications', () => {
  let sut: RunningService;
  let pool: PoolSide;
  const officer = soestOfficer();

  beforeAll(async () => {
    [sut, pool] = await Promise.all([startRegistry(), PoolSide.connect()]);
  });

  afterAll(async () => {
    await pool.close();
    await sut.stop();
  });

  async function establishment(overrides: Record<string, unknown> = {}): Promise<{ id: string; body: Record<string, unknown> }> {
    const body = registration(overrides);
    const response = await sut.call('POST', '/api/establishments', officer, body);
    expect(response.status).toBe(201);
    return { id: ((await response.json()) as EstablishmentSummary).id, body };
  }

  async function application(establishmentId: string, receivedOn: string): Promise<ApplicationSummary> {
    const response = await sut.call('POST', '/api/applications', officer, { establishmentId, kind: 'nieuw', receivedOn, decisionTermWeeks: 8 });
    expect(response.status).toBe(201);
    return (await response.json()) as ApplicationSummary;
  }

  async function detail(id: string): Promise<ApplicationDetail> {
    const response = await sut.get(`/api/applications/${id}`, officer);
    expect(response.status).toBe(200);
    return (await response.json()) as ApplicationDetail;
  }

  it('suspends the decision term while the application is incomplete', async () => {
    const { id: establishmentId } = await establishment();
    const created = await application(establishmentId, day(-30));
    expect(created).toMatchObject({ bibob: 'niet-gevraagd', decisionDate: expect.any(String) as unknown });
    const first = created.decisionDate ?? '';

    const asked = await sut.call('POST', `/api/applications/${created.id}/completeness-requests`, officer, { missing: ['Plattegrond van het terrein'], date: day(-20) });
    expect(asked.status).toBe(200);
    expect(((await asked.json()) as ApplicationSummary).decisionDate).toBeNull();
    expect(await detail(created.id)).toMatchObject({ missing: ['Plattegrond van het terrein'], deadlines: { uitersteBeslisdatum: null, voorlopig: ['uitersteBeslisdatum'] } });
    // The item text is kept sealed.
    const stored = await sut.pool.query(`SELECT details_sealed FROM "${sut.schema}".application_timeline WHERE application_id = $1`, [created.id]);
    expect(JSON.stringify(stored.rows)).not.toContain('Plattegrond');

    const again = await sut.call('POST', `/api/applications/${created.id}/completeness-requests`, officer, { missing: ['Nog iets'], date: day(-19) });
    expect(again.status).toBe(409);

    const received = await sut.call('POST', `/api/applications/${created.id}/completeness-receipts`, officer, { date: day(-13) });
    expect(received.status).toBe(200);
    const after = await detail(created.id);
    expect(after.missing).toEqual([]);
    // Seven days suspended, then moved to a working day at most a few days later (Algemene termijnenwet).
    const moved = (Date.parse(after.decisionDate ?? '') - Date.parse(first)) / 86_400_000;
    expect(moved).toBeGreaterThanOrEqual(7);
    expect(moved).toBeLessThanOrEqual(10);
    expect(after.deadlines.toelichting.join(' ')).toMatch(/opgeschort .*aanvulling, 7 dagen/);
  });

  it('refuses completeness dates in the future, before the last date, or a receipt without a request, changing nothing', async () => {
    const { id: establishmentId } = await establishment();
    const created = await application(establishmentId, day(-10));
    const cases = [
      { path: 'completeness-requests', body: { missing: ['x'], date: day(2) }, status: 422, field: 'date' },
      { path: 'completeness-requests', body: { missing: ['x'], date: day(-11) }, status: 422, field: 'date' },
      { path: 'completeness-requests', body: { missing: [], date: day(-5) }, status: 400, field: 'missing' },
      { path: 'completeness-requests', body: { missing: ['x'], date: '2026-02-30' }, status: 400, field: 'date' },
      { path: 'completeness-requests', body: { missing: ['x'], date: day(-5), extra: 1 }, status: 400, field: 'extra' },
      { path: 'completeness-receipts', body: { date: day(-5) }, status: 409, field: '' },
    ];
    for (const bad of cases) {
      const response = await sut.call('POST', `/api/applications/${created.id}/${bad.path}`, officer, bad.body);
      expect(response.status, JSON.stringify(bad)).toBe(bad.status);
      const answer = (await response.json()) as { problems?: { field: string }[] };
      if (bad.field !== '') expect(answer.problems?.map((problem) => problem.field)).toContain(bad.field);
    }
    expect((await detail(created.id)).timeline).toEqual([]);
  });

  it('refuses an application for an unknown establishment or received in the future, storing nothing', async () => {
    const { id: establishmentId } = await establishment();
    for (const [body, status, field] of [
      [{ establishmentId: randomUUID(), kind: 'nieuw', receivedOn: day(-1) }, 422, 'establishmentId'],
      [{ establishmentId, kind: 'nieuw', receivedOn: day(3) }, 422, 'receivedOn'],
      [{ establishmentId, kind: 'overname', receivedOn: day(-1) }, 400, 'kind'],
      [{ establishmentId, kind: 'nieuw', receivedOn: day(-1), decisionTermWeeks: 0 }, 400, 'decisionTermWeeks'],
    ] as const) {
      const response = await sut.call('POST', '/api/applications', officer, body);
      expect(response.status).toBe(status);
      expect(((await response.json()) as { problems: { field: string }[] }).problems.map((problem) => problem.field)).toContain(field);
    }
    const stored = await sut.pool.query(`SELECT 1 FROM "${sut.schema}".applications WHERE establishment_id = $1`, [establishmentId]);
    expect(stored.rowCount).toBe(0);
  });

  it('requests the Bibob screening with one action, takes the LBB milestones into the decision date and keeps the conclusion for Soest', async () => {
    const { id: establishmentId, body } = await establishment({ people: [{ name: 'Kanarie Putter', birthDate: '1966-06-06', role: 'leidinggevende' }] });
    const created = await application(establishmentId, day(-30));
    const requested = await sut.call('POST', `/api/applications/${created.id}/screening-request`, officer);
    expect(requested.status).toBe(200);
    expect(((await requested.json()) as ApplicationSummary).bibob).toBe('gevraagd');
    expect((await sut.call('POST', `/api/applications/${created.id}/screening-request`, officer)).status).toBe(409);

    const row = await sut.pool.query<{ screening_request_id: string }>(`SELECT screening_request_id FROM "${sut.schema}".applications WHERE id = $1`, [created.id]);
    const envelope = await pool.requestEnvelope(sut, row.rows[0]?.screening_request_id ?? '');
    expect(envelope.header).toMatchObject({ type: 'screening.requested', sender: 'gemeente-soest', recipients: [POOL, 'gemeente-soest'], municipality: 'soest', permitKind: 'autobranche' });
    const header = JSON.stringify(envelope.header);
    for (const secret of ['Putter', '1966-06-06', String(body.kvkNumber), String(body.vestigingsnummer)]) expect(header).not.toContain(secret);
    expect(await pool.openRequest(envelope)).toMatchObject({
      reference: created.id,
      applicant: { kvkNumber: body.kvkNumber, vestigingsnummer: body.vestigingsnummer },
      people: [{ name: 'Kanarie Putter', birthDate: '1966-06-06', role: 'leidinggevende' }],
      requestedBy: { party: 'gemeente-soest', userId: officer.userId },
    });

    const screeningId = randomUUID();
    const before = (await detail(created.id)).decisionDate;
    await pool.opened('soest', screeningId, created.id);
    await pool.progressed('soest', screeningId, 'lbb-requested', day(-20));
    const waiting = await eventually(
      async () => {
        const seen = await detail(created.id);
        return seen.bibob === 'lbb-advies-gevraagd' ? seen : undefined;
      },
      { timeoutMs: 60_000, what: 'the LBB milestone on the application' },
    );
    expect(waiting.screeningId).toBe(screeningId);
    expect(waiting.decisionDate).not.toBe(before);
    expect(waiting.deadlines.voorlopig).toContain('uitersteBeslisdatum');
    expect(waiting.deadlines.toelichting.join(' ')).toMatch(/LBB/);

    await pool.progressed('soest', screeningId, 'advice-received', day(-6));
    await pool.concluded('soest', screeningId, created.id, { level: 'mindere-mate', grounds: [], proposedConditions: ['Kanarievoorwaarde: kasboek dagelijks bijhouden'], explanation: 'Kanarietoelichting' });
    const concluded = await eventually(
      async () => {
        const seen = await detail(created.id);
        return seen.bibob === 'conclusie-ontvangen' ? seen : undefined;
      },
      { timeoutMs: 60_000, what: 'the conclusion on the application' },
    );
    expect(concluded.conclusions).toMatchObject([{ version: 1, conclusion: { level: 'mindere-mate', proposedConditions: ['Kanarievoorwaarde: kasboek dagelijks bijhouden'] } }]);
    expect(concluded.deadlines.voorlopig).toEqual([]);
    expect(concluded.deadlines.toelichting.join(' ')).toMatch(/LBB-advies, 14 dagen/);
    const stored = await sut.pool.query(`SELECT * FROM "${sut.schema}".application_conclusions WHERE application_id = $1`, [created.id]);
    expect(JSON.stringify(stored.rows)).not.toMatch(/Kanarie|mindere/);

    // Baarn's permit officer and Soest's inspector do not see it; both refusals are audited.
    for (const other of [caller('gemeente-baarn', ['permit-officer']), caller('gemeente-soest', ['inspector'])]) {
      expect((await sut.get(`/api/applications/${created.id}`, other)).status).toBe(403);
      expect(await sut.auditEntries({ userId: other.userId, result: 'denied', action: 'application.open' })).toHaveLength(1);
    }
  });
});
