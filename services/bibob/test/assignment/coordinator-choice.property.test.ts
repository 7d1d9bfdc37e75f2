import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chooseCoordinator, type AssignmentRequest } from '../../src/assignment/coordinator-choice.js';
import type { Coordinator } from '../../src/assignment/coordinator-config.js';
import { coordinator } from './coordinators.js';

const MUNICIPALITIES = ['baarn', 'bunschoten', 'eemnes', 'soest', 'de-bilt'] as const;
const IDS = ['anna', 'bram', 'cas', 'dirk', 'eva', 'fem'] as const;
/** Few KvK numbers and days, so conflicts, absences and their boundaries are hit often. */
const KVKS = ['11111111', '22222222', '33333333'] as const;
const day = fc.integer({ min: 1, max: 9 }).map((n) => `2027-03-0${String(n)}`);

const request: fc.Arbitrary<AssignmentRequest> = fc.record({
  municipality: fc.constantFrom(...MUNICIPALITIES),
  kvkNumber: fc.constantFrom(...KVKS),
  date: day,
});

interface Member {
  readonly coordinator: Coordinator;
  readonly open: number;
}

const member = (id: string): fc.Arbitrary<Member> =>
  fc
    .record({
      capacity: fc.integer({ min: 1, max: 4 }),
      open: fc.integer({ min: 0, max: 5 }),
      absences: fc.array(fc.tuple(day, day).map(([a, b]) => (a <= b ? { from: a, to: b } : { from: b, to: a })), { maxLength: 2 }),
      municipalities: fc.subarray([...MUNICIPALITIES], { maxLength: 2 }),
      kvkNumbers: fc.subarray([...KVKS], { maxLength: 2 }),
    })
    .map(({ capacity, open, absences, municipalities, kvkNumbers }) => ({
      coordinator: coordinator(id, { capacity, absences, conflictsOfInterest: { municipalities, kvkNumbers } }),
      open,
    }));

const members: fc.Arbitrary<Member[]> = fc.subarray([...IDS]).chain((ids) => fc.tuple(...ids.map(member)));

/** The rules written out again, independently of the code under test, as the oracle. */
function canTake({ coordinator: c, open }: Member, { municipality, kvkNumber, date }: AssignmentRequest): boolean {
  const absent = c.absences.some(({ from, to }) => from <= date && date <= to);
  const conflicted = c.conflictsOfInterest.municipalities.includes(municipality) || c.conflictsOfInterest.kvkNumbers.includes(kvkNumber);
  return !absent && !conflicted && open < c.capacity;
}

describe(chooseCoordinator.name, () => {
  it('never chooses a coordinator who is absent, has a conflict or is full, and lets a screening wait only when all are', () => {
    fc.assert(
      fc.property(members, request, fc.option(fc.constantFrom(...IDS, 'gone'), { nil: undefined }), (pool, screening, handler) => {
        const sut = chooseCoordinator(screening, {
          coordinators: pool.map((entry) => entry.coordinator),
          openScreenings: new Map(pool.map((entry) => [entry.coordinator.id, entry.open])),
          currentHandlerOfBusiness: handler,
        });

        const able = pool.filter((entry) => canTake(entry, screening));
        if (sut.kind === 'waiting') {
          expect(able).toEqual([]);
          expect(sut.unavailable.map((entry) => entry.coordinatorId)).toEqual(pool.map((entry) => entry.coordinator.id));
          return;
        }
        const chosen = pool.find((entry) => entry.coordinator.id === sut.coordinatorId);
        expect(chosen).toBeDefined();
        expect(able).toContain(chosen);
        if (handler !== undefined && able.some((entry) => entry.coordinator.id === handler)) {
          expect(sut).toEqual({ kind: 'assigned', coordinatorId: handler, reason: 'current-handler' });
        } else if (chosen !== undefined) {
          const share = (entry: Member): number => entry.open / entry.coordinator.capacity;
          expect(able.every((entry) => share(entry) >= share(chosen))).toBe(true);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('keeps the counts of four unconstrained equal coordinators within one of each other over 200 random screenings', () => {
    const pool = ['anna', 'bram', 'cas', 'dirk'].map((id) => coordinator(id, { capacity: 1000 }));
    const screenings = fc.array(
      fc.record({
        municipality: fc.constantFrom(...MUNICIPALITIES),
        kvkNumber: fc.stringMatching(/^[0-9]{8}$/),
        date: fc.date({ min: new Date('2027-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true }).map((date) => date.toISOString().slice(0, 10)),
      }),
      { minLength: 200, maxLength: 200 },
    );
    fc.assert(
      fc.property(screenings, (batch) => {
        const open = new Map(pool.map(({ id }) => [id, 0]));
        for (const screening of batch) {
          const sut = chooseCoordinator(screening, { coordinators: pool, openScreenings: open });
          if (sut.kind !== 'assigned') throw new Error('an unconstrained pool must assign every screening');
          open.set(sut.coordinatorId, (open.get(sut.coordinatorId) ?? 0) + 1);
          expect(Math.max(...open.values()) - Math.min(...open.values())).toBeLessThanOrEqual(1);
        }
        expect([...open.values()]).toEqual([50, 50, 50, 50]);
      }),
      { numRuns: 50 },
    );
  });
});
