import { describe, expect, it } from 'vitest';
import {
  planReassignment,
  REASSIGNMENT_MAX_SCREENINGS,
  REASSIGNMENT_REASON_MAX_LENGTH,
  type ReassignmentRequest,
  type ReassignmentScreening,
} from '../../src/assignment/reassignment.js';
import { coordinator, openCounts } from './coordinators.js';

const screening = (screeningId: string, fields: Partial<ReassignmentScreening> = {}): ReassignmentScreening => ({
  screeningId,
  municipality: 'soest',
  kvkNumber: '12345678',
  assignedTo: 'bram',
  ...fields,
});

const lead = coordinator('lisa', { lead: true, capacity: 2 });
const pool = {
  coordinators: [lead, coordinator('bram', { capacity: 5 }), coordinator('cas', { capacity: 4 })],
  openScreenings: openCounts({ lisa: 2, bram: 5, cas: 1 }),
};

const request: ReassignmentRequest = {
  actorId: 'lisa',
  targetCoordinatorId: 'cas',
  reason: 'Bram is langdurig ziek',
  date: '2027-03-10',
  screenings: [screening('t-1')],
};

describe(planReassignment.name, () => {
  it('moves a single screening to an available target, keeping the reason to audit and the previous assignee', () => {
    expect(planReassignment(request, pool)).toEqual({
      kind: 'planned',
      targetCoordinatorId: 'cas',
      reason: 'Bram is langdurig ziek',
      moves: [{ screeningId: 't-1', outcome: 'ok', from: 'bram' }],
    });
  });

  it('assigns a waiting screening, which has no previous assignee', () => {
    const sut = planReassignment({ ...request, screenings: [screening('t-1', { assignedTo: undefined })] }, pool);

    expect(sut).toMatchObject({ kind: 'planned', moves: [{ screeningId: 't-1', outcome: 'ok' }] });
    expect(sut.kind === 'planned' ? sut.moves[0] : undefined).not.toHaveProperty('from');
  });

  it('trims the reason it keeps for the audit', () => {
    expect(planReassignment({ ...request, reason: '  Herverdeling na vakantie \n' }, pool)).toMatchObject({ reason: 'Herverdeling na vakantie' });
  });

  it.each(['', '   ', '\n\t'])('refuses everything when the reason is %j', (reason) => {
    expect(planReassignment({ ...request, reason }, pool)).toEqual({ kind: 'refused', refusal: 'reason-required' });
  });

  it('refuses everything when the reason is longer than the limit', () => {
    expect(planReassignment({ ...request, reason: 'x'.repeat(REASSIGNMENT_REASON_MAX_LENGTH) }, pool)).toMatchObject({ kind: 'planned' });
    expect(planReassignment({ ...request, reason: 'x'.repeat(REASSIGNMENT_REASON_MAX_LENGTH + 1) }, pool)).toEqual({ kind: 'refused', refusal: 'reason-too-long' });
  });

  it('refuses everything when the actor is a coordinator but not a lead', () => {
    expect(planReassignment({ ...request, actorId: 'bram' }, pool)).toEqual({ kind: 'refused', refusal: 'not-a-lead' });
  });

  it('refuses everything when the actor is not in the pool', () => {
    expect(planReassignment({ ...request, actorId: 'someone' }, pool)).toEqual({ kind: 'refused', refusal: 'not-a-lead' });
  });

  it('refuses everything when the target is not in the pool', () => {
    expect(planReassignment({ ...request, targetCoordinatorId: 'gone' }, pool)).toEqual({ kind: 'refused', refusal: 'unknown-target' });
  });

  it('refuses everything when no screening is chosen', () => {
    expect(planReassignment({ ...request, screenings: [] }, pool)).toEqual({ kind: 'refused', refusal: 'no-screenings' });
  });

  it('refuses everything when more screenings are chosen than one bulk may hold', () => {
    const screenings = Array.from({ length: REASSIGNMENT_MAX_SCREENINGS + 1 }, (_, index) => screening(`t-${String(index)}`));

    expect(planReassignment({ ...request, screenings }, pool)).toEqual({ kind: 'refused', refusal: 'too-many-screenings' });
  });

  it('refuses everything when a screening is chosen twice', () => {
    expect(planReassignment({ ...request, screenings: [screening('t-1'), screening('t-2'), screening('t-1')] }, pool)).toEqual({
      kind: 'refused',
      refusal: 'repeated-screening',
    });
  });

  it('fills the target up to capacity in request order and refuses the rest of a bulk as at capacity', () => {
    // cas: 1 open of 4, so three more fit
    const screenings = ['t-1', 't-2', 't-3', 't-4', 't-5'].map((id) => screening(id));

    expect(planReassignment({ ...request, screenings }, pool)).toMatchObject({
      kind: 'planned',
      moves: [
        { screeningId: 't-1', outcome: 'ok' },
        { screeningId: 't-2', outcome: 'ok' },
        { screeningId: 't-3', outcome: 'ok' },
        { screeningId: 't-4', outcome: 'refused', refusal: 'at-capacity' },
        { screeningId: 't-5', outcome: 'refused', refusal: 'at-capacity' },
      ],
    });
  });

  it('refuses a screening already assigned to the target without using a place', () => {
    const screenings = [screening('t-1', { assignedTo: 'cas' }), screening('t-2'), screening('t-3'), screening('t-4')];

    expect(planReassignment({ ...request, screenings }, pool)).toMatchObject({
      moves: [
        { screeningId: 't-1', outcome: 'refused', refusal: 'already-assigned' },
        { screeningId: 't-2', outcome: 'ok' },
        { screeningId: 't-3', outcome: 'ok' },
        { screeningId: 't-4', outcome: 'ok' },
      ],
    });
  });

  it('refuses the screenings the target has a conflict with and moves the others', () => {
    const cas = coordinator('cas', { capacity: 10, conflictsOfInterest: { municipalities: ['baarn'], kvkNumbers: ['87654321'] } });
    const screenings = [screening('t-1', { municipality: 'baarn' }), screening('t-2', { kvkNumber: '87654321' }), screening('t-3')];

    expect(planReassignment({ ...request, screenings }, { ...pool, coordinators: [lead, cas] })).toMatchObject({
      moves: [
        { screeningId: 't-1', outcome: 'refused', refusal: 'conflict-municipality' },
        { screeningId: 't-2', outcome: 'refused', refusal: 'conflict-kvk' },
        { screeningId: 't-3', outcome: 'ok' },
      ],
    });
  });

  it.each(['2027-03-08', '2027-03-12'])('refuses every screening when the target is absent on %s (both ends included)', (date) => {
    const cas = coordinator('cas', { absences: [{ from: '2027-03-08', to: '2027-03-12' }] });

    expect(planReassignment({ ...request, date, screenings: [screening('t-1'), screening('t-2')] }, { ...pool, coordinators: [lead, cas] })).toMatchObject({
      moves: [
        { screeningId: 't-1', outcome: 'refused', refusal: 'absent' },
        { screeningId: 't-2', outcome: 'refused', refusal: 'absent' },
      ],
    });
  });

  it('moves to a target the day after their absence', () => {
    const cas = coordinator('cas', { absences: [{ from: '2027-03-08', to: '2027-03-12' }] });

    expect(planReassignment({ ...request, date: '2027-03-13' }, { ...pool, coordinators: [lead, cas] })).toMatchObject({
      moves: [{ screeningId: 't-1', outcome: 'ok' }],
    });
  });

  it('lets a lead reassign to themself within their capacity', () => {
    const screenings = [screening('t-1')];

    expect(planReassignment({ ...request, targetCoordinatorId: 'lisa', screenings }, pool)).toMatchObject({
      moves: [{ screeningId: 't-1', outcome: 'refused', refusal: 'at-capacity' }],
    });
    expect(planReassignment({ ...request, targetCoordinatorId: 'lisa', screenings }, { ...pool, openScreenings: openCounts({ lisa: 1 }) })).toMatchObject({
      moves: [{ screeningId: 't-1', outcome: 'ok' }],
    });
  });

  it('rejects a reassignment date that is no real YYYY-MM-DD date', () => {
    expect(() => planReassignment({ ...request, date: '2027-02-30' }, pool)).toThrow(RangeError);
  });
});
