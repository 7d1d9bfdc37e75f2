import { describe, expect, it } from 'vitest';
import { capacityOf } from '../../src/assignment/coordinator-capacity.js';
import { coordinator, openCounts } from './coordinators.js';

const TODAY = '2027-03-10';

describe(capacityOf.name, () => {
  const sut = capacityOf(
    [
      coordinator('lisa', { lead: true, capacity: 4, conflictsOfInterest: { municipalities: ['baarn'], kvkNumbers: ['12345678'] } }),
      coordinator('bram', {
        capacity: 3,
        absences: [
          { from: '2027-04-01', to: '2027-04-05' },
          { from: '2027-01-01', to: '2027-01-10' },
          { from: '2027-03-09', to: '2027-03-12' },
        ],
      }),
      coordinator('cas', { capacity: 2, absences: [{ from: '2027-03-11', to: '2027-03-20' }] }),
    ],
    openCounts({ lisa: 1, bram: 0, cas: 2 }),
    TODAY,
  );

  it('gives open vs capacity and the lead flag per coordinator, in configuration order', () => {
    expect(sut.map(({ id, lead, open, capacity }) => [id, lead, open, capacity])).toEqual([
      ['lisa', true, 1, 4],
      ['bram', false, 0, 3],
      ['cas', false, 2, 2],
    ]);
  });

  it('lists only the absences not over by today, the current one first', () => {
    expect(sut.find((line) => line.id === 'bram')?.absences).toEqual([
      { from: '2027-03-09', to: '2027-03-12' },
      { from: '2027-04-01', to: '2027-04-05' },
    ]);
  });

  it('is available today only when not absent and below capacity', () => {
    expect(sut.map(({ id, absentToday, availableToday }) => [id, absentToday, availableToday])).toEqual([
      ['lisa', false, true],
      ['bram', true, false],
      ['cas', false, false],
    ]);
  });

  it('never shows a conflict-of-interest declaration (it is about people)', () => {
    expect(JSON.stringify(sut)).not.toMatch(/baarn|12345678|conflict/i);
  });

  it('rejects a malformed day (a programming error, not a silent empty answer)', () => {
    expect(() => capacityOf([], openCounts(), '10-03-2027')).toThrow(RangeError);
  });
});
