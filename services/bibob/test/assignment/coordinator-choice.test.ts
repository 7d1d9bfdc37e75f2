import { describe, expect, it } from 'vitest';
import { chooseCoordinator, type AssignmentRequest } from '../../src/assignment/coordinator-choice.js';
import { coordinator, openCounts } from './coordinators.js';

const request: AssignmentRequest = { municipality: 'baarn', kvkNumber: '12345678', date: '2027-03-10' };
const absentInMarch = [{ from: '2027-03-08', to: '2027-03-12' }];

describe(chooseCoordinator.name, () => {
  describe('capacity', () => {
    it('assigns to the only coordinator with room when the other is full', () => {
      const pool = { coordinators: [coordinator('anna', { capacity: 2 }), coordinator('bram', { capacity: 5 })], openScreenings: openCounts({ anna: 2, bram: 4 }) };

      expect(chooseCoordinator(request, pool)).toEqual({ kind: 'assigned', coordinatorId: 'bram', reason: 'lowest-load' });
    });

    it('treats a coordinator over capacity (after a lowered configuration) as full', () => {
      const pool = { coordinators: [coordinator('anna', { capacity: 2 }), coordinator('bram', { capacity: 5 })], openScreenings: openCounts({ anna: 3, bram: 4 }) };

      expect(chooseCoordinator(request, pool)).toMatchObject({ kind: 'assigned', coordinatorId: 'bram' });
    });

    it('chooses the smallest share of capacity, not the fewest open screenings', () => {
      // anna 5/10 = 0.5, bram 3/4 = 0.75, cas 2/2 full, dirk 4/12 = 0.33
      const pool = {
        coordinators: [coordinator('anna', { capacity: 10 }), coordinator('bram', { capacity: 4 }), coordinator('cas', { capacity: 2 }), coordinator('dirk', { capacity: 12 })],
        openScreenings: openCounts({ anna: 5, bram: 3, cas: 2, dirk: 4 }),
      };

      expect(chooseCoordinator(request, pool)).toEqual({ kind: 'assigned', coordinatorId: 'dirk', reason: 'lowest-load' });
    });

    it('counts a coordinator missing from the open counts as having none', () => {
      const pool = { coordinators: [coordinator('anna'), coordinator('bram')], openScreenings: openCounts({ anna: 1 }) };

      expect(chooseCoordinator(request, pool)).toMatchObject({ coordinatorId: 'bram' });
    });

    it('breaks an equal share by fewer open screenings', () => {
      // both 1/2 of capacity; bram has fewer open
      const pool = { coordinators: [coordinator('anna', { capacity: 8 }), coordinator('bram', { capacity: 4 })], openScreenings: openCounts({ anna: 4, bram: 2 }) };

      expect(chooseCoordinator(request, pool)).toMatchObject({ coordinatorId: 'bram' });
    });

    it('breaks a full tie by id, whatever the order of the pool', () => {
      const forwards = { coordinators: [coordinator('anna'), coordinator('bram')], openScreenings: openCounts({ anna: 3, bram: 3 }) };
      const backwards = { ...forwards, coordinators: [...forwards.coordinators].reverse() };

      expect(chooseCoordinator(request, forwards)).toMatchObject({ coordinatorId: 'anna' });
      expect(chooseCoordinator(request, backwards)).toMatchObject({ coordinatorId: 'anna' });
    });
  });

  describe('absence', () => {
    const pool = (date: string) => ({
      request: { ...request, date },
      pool: { coordinators: [coordinator('anna', { absences: absentInMarch }), coordinator('bram')], openScreenings: openCounts({ bram: 9 }) },
    });

    it.each(['2027-03-08', '2027-03-10', '2027-03-12'])('passes over a coordinator absent on %s (both ends included)', (date) => {
      const sut = pool(date);

      expect(chooseCoordinator(sut.request, sut.pool)).toMatchObject({ kind: 'assigned', coordinatorId: 'bram' });
    });

    it.each(['2027-03-07', '2027-03-13'])('assigns to the coordinator on %s, the day next to an absence', (date) => {
      const sut = pool(date);

      expect(chooseCoordinator(sut.request, sut.pool)).toMatchObject({ kind: 'assigned', coordinatorId: 'anna' });
    });

    it('passes over a coordinator in any one of several absences', () => {
      const absences = [{ from: '2027-01-01', to: '2027-01-02' }, { from: '2027-03-10', to: '2027-03-10' }];
      const pool = { coordinators: [coordinator('anna', { absences }), coordinator('bram')], openScreenings: openCounts({ bram: 9 }) };

      expect(chooseCoordinator(request, pool)).toMatchObject({ coordinatorId: 'bram' });
    });
  });

  describe('conflicts of interest', () => {
    it('passes over a coordinator with a conflict with the requesting municipality', () => {
      const anna = coordinator('anna', { conflictsOfInterest: { municipalities: ['baarn'], kvkNumbers: [] } });
      const pool = { coordinators: [anna, coordinator('bram')], openScreenings: openCounts({ bram: 9 }) };

      expect(chooseCoordinator(request, pool)).toMatchObject({ coordinatorId: 'bram' });
      expect(chooseCoordinator({ ...request, municipality: 'soest' }, pool)).toMatchObject({ coordinatorId: 'anna' });
    });

    it('passes over a coordinator with a conflict with the business', () => {
      const anna = coordinator('anna', { conflictsOfInterest: { municipalities: [], kvkNumbers: ['12345678'] } });
      const pool = { coordinators: [anna, coordinator('bram')], openScreenings: openCounts({ bram: 9 }) };

      expect(chooseCoordinator(request, pool)).toMatchObject({ coordinatorId: 'bram' });
      expect(chooseCoordinator({ ...request, kvkNumber: '12345679' }, pool)).toMatchObject({ coordinatorId: 'anna' });
    });
  });

  describe('the same business', () => {
    const handled = { coordinators: [coordinator('anna'), coordinator('bram')], openScreenings: openCounts({ anna: 6, bram: 1 }), currentHandlerOfBusiness: 'anna' };

    it('goes to its current handler while they have capacity, even when another has a smaller load', () => {
      expect(chooseCoordinator(request, handled)).toEqual({ kind: 'assigned', coordinatorId: 'anna', reason: 'current-handler' });
    });

    it('goes to its current handler with one place left', () => {
      expect(chooseCoordinator(request, { ...handled, openScreenings: openCounts({ anna: 9, bram: 0 }) })).toMatchObject({ coordinatorId: 'anna', reason: 'current-handler' });
    });

    it('goes elsewhere when its current handler is full', () => {
      const sut = chooseCoordinator(request, { ...handled, openScreenings: openCounts({ anna: 10, bram: 1 }) });

      expect(sut).toEqual({ kind: 'assigned', coordinatorId: 'bram', reason: 'lowest-load', passedOverHandler: { coordinatorId: 'anna', reason: 'at-capacity' } });
    });

    it('goes elsewhere when its current handler is absent', () => {
      const pool = { ...handled, coordinators: [coordinator('anna', { absences: absentInMarch }), coordinator('bram')] };

      expect(chooseCoordinator(request, pool)).toEqual({
        kind: 'assigned',
        coordinatorId: 'bram',
        reason: 'lowest-load',
        passedOverHandler: { coordinatorId: 'anna', reason: 'absent' },
      });
    });

    it('goes elsewhere when its current handler declared a conflict with the municipality', () => {
      const pool = { ...handled, coordinators: [coordinator('anna', { conflictsOfInterest: { municipalities: ['baarn'], kvkNumbers: [] } }), coordinator('bram')] };

      expect(chooseCoordinator(request, pool)).toMatchObject({ coordinatorId: 'bram', passedOverHandler: { coordinatorId: 'anna', reason: 'conflict-municipality' } });
    });

    it('goes elsewhere when its current handler declared a conflict with the business', () => {
      const pool = { ...handled, coordinators: [coordinator('anna', { conflictsOfInterest: { municipalities: [], kvkNumbers: ['12345678'] } }), coordinator('bram')] };

      expect(chooseCoordinator(request, pool)).toMatchObject({ coordinatorId: 'bram', passedOverHandler: { coordinatorId: 'anna', reason: 'conflict-kvk' } });
    });

    it('goes elsewhere when its current handler is no longer in the pool', () => {
      const pool = { ...handled, currentHandlerOfBusiness: 'gone' };

      expect(chooseCoordinator(request, pool)).toMatchObject({ coordinatorId: 'bram', reason: 'lowest-load', passedOverHandler: { coordinatorId: 'gone', reason: 'not-in-pool' } });
    });

    it('waits when its current handler is unavailable and nobody else is available', () => {
      const pool = { ...handled, coordinators: [coordinator('anna', { absences: absentInMarch }), coordinator('bram', { absences: absentInMarch })] };

      expect(chooseCoordinator(request, pool)).toMatchObject({ kind: 'waiting' });
    });
  });

  describe('waiting list', () => {
    it('waits, saying why for every coordinator, when nobody is available', () => {
      const pool = {
        coordinators: [
          coordinator('anna', { absences: absentInMarch }),
          coordinator('bram', { conflictsOfInterest: { municipalities: ['baarn'], kvkNumbers: [] } }),
          coordinator('cas', { conflictsOfInterest: { municipalities: [], kvkNumbers: ['12345678'] } }),
          coordinator('dirk', { capacity: 3 }),
        ],
        openScreenings: openCounts({ dirk: 3 }),
      };

      expect(chooseCoordinator(request, pool)).toEqual({
        kind: 'waiting',
        reason: 'none-available',
        unavailable: [
          { coordinatorId: 'anna', reason: 'absent' },
          { coordinatorId: 'bram', reason: 'conflict-municipality' },
          { coordinatorId: 'cas', reason: 'conflict-kvk' },
          { coordinatorId: 'dirk', reason: 'at-capacity' },
        ],
      });
    });

    it('waits when the pool is empty', () => {
      expect(chooseCoordinator(request, { coordinators: [], openScreenings: openCounts() })).toEqual({ kind: 'waiting', reason: 'none-available', unavailable: [] });
    });
  });

  it.each(['2027-02-29', '10-03-2027', ''])('rejects the assignment date %j that is no real YYYY-MM-DD date', (date) => {
    expect(() => chooseCoordinator({ ...request, date }, { coordinators: [coordinator('anna')], openScreenings: openCounts() })).toThrow(
      new RangeError('date must be a real date written YYYY-MM-DD'),
    );
  });
});
