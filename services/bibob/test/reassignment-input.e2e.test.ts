import type { ApiError, ScreeningDetail } from '@signaalhub/contracts';
import type { RunningService } from '@signaalhub/test-infra';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ABSENT, ANNA, coordinator, LEAD, startBibob } from './support/running-bibob.js';
import { screeningForm } from './support/screening-requests.js';

/*
 * Bad input to a lead coordinator's reassignment (`POST /api/screenings/assignments`): each answer names
 * the field and the rule, and nothing is stored (assignee, history and audit of the moves as they were).
 */
describe('bibob reassignment input', () => {
  let sut: RunningService;
  let screeningId: string;
  const lead = coordinator(LEAD);

  beforeAll(async () => {
    sut = await startBibob();
    const created = await sut.call('POST', '/api/screenings', coordinator(), screeningForm({ municipality: 'soest' }));
    expect(created.status).toBe(201);
    ({ id: screeningId } = (await created.json()) as { id: string });
  });

  afterAll(() => sut.stop());

  /** What a reassignment would change: the assignee, the screening's history, the allowed moves in the audit log. */
  async function stored(): Promise<unknown> {
    const detail = (await (await sut.get(`/api/screenings/${screeningId}`, lead)).json()) as ScreeningDetail;
    const history = await sut.pool.query(`SELECT count(*)::int AS count FROM "${sut.schema}".screening_history WHERE screening_id = $1`, [screeningId]);
    const moves = await sut.auditEntries({ userId: LEAD, action: 'screening.reassign', result: 'allowed' });
    return { assignee: detail.assignee, history: history.rows, moves: moves.length };
  }

  const target = async (): Promise<string> => {
    const detail = (await (await sut.get(`/api/screenings/${screeningId}`, lead)).json()) as ScreeningDetail;
    return detail.assignee === ANNA ? LEAD : ANNA;
  };

  const cases: { name: string; body: (assignee: string) => unknown; status: number; field: string; rule: RegExp }[] = [
    { name: 'no reason', body: (assignee) => ({ screeningIds: [screeningId], assignee }), status: 400, field: 'reason', rule: /required/ },
    { name: 'a blank reason', body: (assignee) => ({ screeningIds: [screeningId], assignee, reason: '   ' }), status: 400, field: 'reason', rule: /reden/i },
    { name: 'a reason over 1000 characters', body: (assignee) => ({ screeningIds: [screeningId], assignee, reason: 'x'.repeat(1001) }), status: 400, field: 'reason', rule: /at most 1000/ },
    { name: 'a reason with U+0000', body: (assignee) => ({ screeningIds: [screeningId], assignee, reason: 'Ziek\u0000' }), status: 400, field: 'reason', rule: /control characters/ },
    { name: 'a reason with an escape character', body: (assignee) => ({ screeningIds: [screeningId], assignee, reason: 'Ziek\u001b[31m' }), status: 400, field: 'reason', rule: /control characters/ },
    { name: 'an assignee not in the pool', body: () => ({ screeningIds: [screeningId], assignee: 'coordinator-onbekend', reason: 'Ziek' }), status: 422, field: 'assignee', rule: /unknown-target/ },
    { name: 'an assignee that is no user id', body: () => ({ screeningIds: [screeningId], assignee: 'niet geldig!', reason: 'Ziek' }), status: 400, field: 'assignee', rule: /user id/ },
    { name: 'the absent coordinator', body: () => ({ screeningIds: [screeningId], assignee: ABSENT, reason: 'Ziek' }), status: 422, field: 'screeningIds.0', rule: /absent/ },
    { name: 'a malformed screening id', body: (assignee) => ({ screeningIds: ['niet-een-uuid'], assignee, reason: 'Ziek' }), status: 400, field: 'screeningIds.0', rule: /.+/ },
    { name: 'an unknown screening id', body: (assignee) => ({ screeningIds: [screeningId, '00000000-0000-4000-8000-000000000000'], assignee, reason: 'Ziek' }), status: 422, field: 'screeningIds.1', rule: /existing screening/ },
    { name: 'no screenings', body: (assignee) => ({ screeningIds: [], assignee, reason: 'Ziek' }), status: 400, field: 'screeningIds', rule: /toets/i },
    { name: 'a screening twice', body: (assignee) => ({ screeningIds: [screeningId, screeningId], assignee, reason: 'Ziek' }), status: 400, field: 'screeningIds', rule: /.+/ },
    { name: 'ids that are no list', body: (assignee) => ({ screeningIds: screeningId, assignee, reason: 'Ziek' }), status: 400, field: 'screeningIds', rule: /array/ },
    { name: 'an unknown field', body: (assignee) => ({ screeningIds: [screeningId], assignee, reason: 'Ziek', priority: 'hoog' }), status: 400, field: 'priority', rule: /unknown/ },
  ];

  it.each(cases)('refuses $name naming $field, storing nothing', async ({ body, status, field, rule }) => {
    const before = await stored();
    const response = await sut.call('POST', '/api/screenings/assignments', lead, body(await target()));
    expect(response.status, await response.clone().text()).toBe(status);
    const answer = (await response.json()) as ApiError;
    const named = answer.problems?.find((problem) => problem.field === field);
    expect(named, JSON.stringify(answer)).toBeDefined();
    expect(named?.rule).toMatch(rule);
    expect(named?.message).toMatch(/\S/);
    expect(await stored()).toEqual(before);
  });

  it('takes the same request with a good reason (so the cases above fail on their one spoilt part)', async () => {
    const assignee = await target();
    const response = await sut.call('POST', '/api/screenings/assignments', lead, { screeningIds: [screeningId], assignee, reason: 'Ziek\tmeld\r\nlang' });
    expect(response.status, await response.clone().text()).toBe(201);
    expect(((await (await sut.get(`/api/screenings/${screeningId}`, lead)).json()) as ScreeningDetail).assignee).toBe(assignee);
  });
});
