import { describe, expect, it } from 'vitest';
import { applyPublicChange, dayAfter, endedOn, type PublicPeriod } from '../src/public-register/public-periods.js';

/* The public status periods a permit's decisions make (the projection behind "the register as it stood on day D"). */

const VALID_UNTIL = '2030-12-31';

function periodsAfter(...changes: Parameters<typeof applyPublicChange>[1][]): PublicPeriod[] {
  return changes.reduce<PublicPeriod[]>((periods, change) => applyPublicChange(periods, change, VALID_UNTIL), []);
}

describe('public register periods', () => {
  it('a grant runs until the day after the last valid day, then vervallen', () => {
    expect(periodsAfter({ status: 'verleend', from: '2026-01-10' })).toEqual([
      { status: 'verleend', startsOn: '2026-01-10', endsOn: '2031-01-01' },
      { status: 'vervallen', startsOn: '2031-01-01', endsOn: null },
    ]);
  });

  it('suspension, reinstatement and revocation each replace what followed their day', () => {
    const periods = periodsAfter(
      { status: 'verleend', from: '2026-01-10' },
      { status: 'geschorst', from: '2026-03-01' },
      { status: 'verleend', from: '2026-04-01' },
      { status: 'ingetrokken', from: '2026-05-15' },
    );
    expect(periods).toEqual([
      { status: 'verleend', startsOn: '2026-01-10', endsOn: '2026-03-01' },
      { status: 'geschorst', startsOn: '2026-03-01', endsOn: '2026-04-01' },
      { status: 'verleend', startsOn: '2026-04-01', endsOn: '2026-05-15' },
      { status: 'ingetrokken', startsOn: '2026-05-15', endsOn: null },
    ]);
    expect(endedOn(periods)).toBe('2026-05-15');
  });

  it('a suspension with an end is verleend again from the day after its last day (geschorst tot en met)', () => {
    const periods = periodsAfter({ status: 'verleend', from: '2026-01-10' }, { status: 'geschorst', from: '2026-03-01', until: '2026-03-31' });
    expect(periods).toEqual([
      { status: 'verleend', startsOn: '2026-01-10', endsOn: '2026-03-01' },
      { status: 'geschorst', startsOn: '2026-03-01', endsOn: '2026-04-01' },
      { status: 'verleend', startsOn: '2026-04-01', endsOn: '2031-01-01' },
      { status: 'vervallen', startsOn: '2031-01-01', endsOn: null },
    ]);
    expect(endedOn(periods)).toBe('2031-01-01');
  });

  it("the permit clock's reinstatement on the day after the suspension changes nothing; an earlier one by an officer moves it forward", () => {
    const suspended = periodsAfter({ status: 'verleend', from: '2026-01-10' }, { status: 'geschorst', from: '2026-03-01', until: '2026-03-31' });
    expect(applyPublicChange(suspended, { status: 'verleend', from: '2026-04-01' }, VALID_UNTIL)).toEqual(suspended);
    expect(applyPublicChange(suspended, { status: 'verleend', from: '2026-03-15' }, VALID_UNTIL)).toEqual([
      { status: 'verleend', startsOn: '2026-01-10', endsOn: '2026-03-01' },
      { status: 'geschorst', startsOn: '2026-03-01', endsOn: '2026-03-15' },
      { status: 'verleend', startsOn: '2026-03-15', endsOn: '2031-01-01' },
      { status: 'vervallen', startsOn: '2031-01-01', endsOn: null },
    ]);
  });

  it('a suspension that runs to or past the last valid day goes straight to vervallen; an expiry on its day changes nothing', () => {
    const toTheEnd = periodsAfter({ status: 'verleend', from: '2026-01-10' }, { status: 'geschorst', from: '2030-11-01', until: VALID_UNTIL });
    expect(toTheEnd).toEqual([
      { status: 'verleend', startsOn: '2026-01-10', endsOn: '2030-11-01' },
      { status: 'geschorst', startsOn: '2030-11-01', endsOn: '2031-01-01' },
      { status: 'vervallen', startsOn: '2031-01-01', endsOn: null },
    ]);
    expect(periodsAfter({ status: 'verleend', from: '2026-01-10' }, { status: 'geschorst', from: '2030-11-01', until: '2031-06-30' })).toEqual(toTheEnd);
    expect(applyPublicChange(toTheEnd, { status: 'vervallen', from: '2031-01-01' }, VALID_UNTIL)).toEqual(toTheEnd);
  });

  it('a suspension ended by the validity of a later day: each day of the register as it stood', () => {
    const periods = periodsAfter({ status: 'verleend', from: '2026-01-10' }, { status: 'geschorst', from: '2026-03-01', until: '2026-03-31' });
    const on = (day: string): string | undefined => periods.find((period) => period.startsOn <= day && (period.endsOn === null || period.endsOn > day))?.status;
    expect(['2026-02-28', '2026-03-01', '2026-03-31', '2026-04-01', '2030-12-31', '2031-01-01'].map(on)).toEqual(['verleend', 'geschorst', 'geschorst', 'verleend', 'verleend', 'vervallen']);
  });

  it('a permit in force has not ended before its validity does; an expiry ends it on its day', () => {
    expect(endedOn(periodsAfter({ status: 'verleend', from: '2026-01-10' }))).toBe('2031-01-01');
    expect(endedOn(periodsAfter({ status: 'verleend', from: '2026-01-10' }, { status: 'vervallen', from: '2027-02-02' }))).toBe('2027-02-02');
  });

  it('counts days across month and year ends', () => {
    expect(dayAfter('2028-02-28')).toBe('2028-02-29');
    expect(dayAfter('2026-12-31')).toBe('2027-01-01');
  });
});
