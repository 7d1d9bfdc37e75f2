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

  it('a permit in force has not ended before its validity does; an expiry ends it on its day', () => {
    expect(endedOn(periodsAfter({ status: 'verleend', from: '2026-01-10' }))).toBe('2031-01-01');
    expect(endedOn(periodsAfter({ status: 'verleend', from: '2026-01-10' }, { status: 'vervallen', from: '2027-02-02' }))).toBe('2027-02-02');
  });

  it('counts days across month and year ends', () => {
    expect(dayAfter('2028-02-28')).toBe('2028-02-29');
    expect(dayAfter('2026-12-31')).toBe('2027-01-01');
  });
});
