import { describe, expect, it } from 'vitest';
import { endedPeriods, PERIOD_PATTERNS, periodsOf } from '../src/projections/periods.js';

describe(periodsOf.name, () => {
  it('names the ISO week, month, quarter and year of an instant', () => {
    expect(periodsOf(new Date('2026-03-04T10:00:00Z'))).toEqual({ week: '2026-W10', month: '2026-03', quarter: '2026-Q1', year: '2026' });
  });

  it('puts 29 December 2025 in week 1 of 2026 (the week of the first Thursday), its month and year in 2025', () => {
    expect(periodsOf(new Date('2025-12-29T12:00:00Z'))).toEqual({ week: '2026-W01', month: '2025-12', quarter: '2025-Q4', year: '2025' });
  });

  it('puts 1 January 2027 (a Friday) in week 53 of 2026', () => {
    expect(periodsOf(new Date('2027-01-01T12:00:00Z')).week).toBe('2026-W53');
  });

  it('counts in the Dutch calendar: 23:30 UTC on 31 March is April in the Netherlands (summer time)', () => {
    expect(periodsOf(new Date('2026-03-31T23:30:00Z'))).toMatchObject({ month: '2026-04', quarter: '2026-Q2' });
    expect(periodsOf(new Date('2026-12-31T23:30:00Z'))).toMatchObject({ week: '2026-W53', month: '2027-01', year: '2027' });
  });

  it('writes labels the period patterns accept', () => {
    const periods = periodsOf(new Date('2026-07-15T08:00:00Z'));
    for (const kind of ['week', 'month', 'quarter', 'year'] as const) expect(periods[kind]).toMatch(PERIOD_PATTERNS[kind]);
  });
});

describe(endedPeriods.name, () => {
  it('names the kinds whose period had ended: an October event seen in December restates its week and month, not its quarter or year', () => {
    expect(endedPeriods(periodsOf(new Date('2026-10-05T10:00:00Z')), periodsOf(new Date('2026-12-02T10:00:00Z')))).toEqual(['week', 'month']);
  });

  it('names none for an event of the current week', () => {
    expect(endedPeriods(periodsOf(new Date('2026-12-01T10:00:00Z')), periodsOf(new Date('2026-12-02T10:00:00Z')))).toEqual([]);
  });
});
