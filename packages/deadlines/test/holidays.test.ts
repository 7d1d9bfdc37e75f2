import { describe, expect, it } from 'vitest';
import { dutchHolidays, isCalendarDate, isNonWorkingDay, nextWorkingDay, termijnenwetEnd } from '../src/index.js';

describe(dutchHolidays.name, () => {
  // Easter 2025 is 20 April; 27 April 2025 is a Sunday, so Koningsdag is Saturday 26 April.
  it('lists the art. 3 holidays of 2025 with Koningsdag on the 26th', () => {
    expect(dutchHolidays(2025)).toEqual([
      { datum: '2025-01-01', naam: 'Nieuwjaarsdag' },
      { datum: '2025-04-18', naam: 'Goede Vrijdag' },
      { datum: '2025-04-21', naam: 'Tweede Paasdag' },
      { datum: '2025-04-26', naam: 'Koningsdag' },
      { datum: '2025-05-05', naam: '5 mei' },
      { datum: '2025-05-29', naam: 'Hemelvaartsdag' },
      { datum: '2025-06-09', naam: 'Tweede Pinksterdag' },
      { datum: '2025-12-25', naam: 'Eerste Kerstdag' },
      { datum: '2025-12-26', naam: 'Tweede Kerstdag' },
    ]);
  });

  // Easter dates from the Gregorian computus, checked against published tables; Koningsdag on the 27th
  // except 2031 and 2036, whose 27 April is a Sunday.
  const easterBased: readonly [number, string, string, string, string][] = [
    [2024, '2024-03-29', '2024-04-01', '2024-05-09', '2024-05-20'],
    [2026, '2026-04-03', '2026-04-06', '2026-05-14', '2026-05-25'],
    [2027, '2027-03-26', '2027-03-29', '2027-05-06', '2027-05-17'],
    [2028, '2028-04-14', '2028-04-17', '2028-05-25', '2028-06-05'],
    [2038, '2038-04-23', '2038-04-26', '2038-06-03', '2038-06-14'],
  ];
  for (const [year, goodFriday, easterMonday, ascension, whitMonday] of easterBased) {
    it(`places the Easter-based holidays of ${year}`, () => {
      const sut = new Map(dutchHolidays(year).map((holiday) => [holiday.naam, holiday.datum]));
      expect([sut.get('Goede Vrijdag'), sut.get('Tweede Paasdag'), sut.get('Hemelvaartsdag'), sut.get('Tweede Pinksterdag')]).toEqual([
        goodFriday,
        easterMonday,
        ascension,
        whitMonday,
      ]);
    });
  }

  it('moves Koningsdag to the 26th only in years whose 27 April is a Sunday', () => {
    const kingsDay = (year: number): string | undefined => dutchHolidays(year).find((holiday) => holiday.naam === 'Koningsdag')?.datum;
    expect([2025, 2026, 2030, 2031, 2036].map(kingsDay)).toEqual(['2025-04-26', '2026-04-27', '2030-04-27', '2031-04-26', '2036-04-26']);
  });
});

describe(isNonWorkingDay.name, () => {
  it('treats weekends, holidays and configured days as non-working and ordinary weekdays as working', () => {
    expect(isNonWorkingDay('2026-05-05')).toBe(true); // 5 May, a Tuesday, in a non-lustrum year
    expect(isNonWorkingDay('2026-04-03')).toBe(true); // Good Friday
    expect(isNonWorkingDay('2026-03-07')).toBe(true); // Saturday
    expect(isNonWorkingDay('2025-04-27')).toBe(true); // Sunday (Koningsdag moved to the 26th)
    expect(isNonWorkingDay('2026-03-03')).toBe(false); // Tuesday
    expect(isNonWorkingDay('2026-03-03', { extraNonWorkingDays: ['2026-03-03'] })).toBe(true);
  });

  it('rejects a date that does not exist, naming it', () => {
    expect(() => isNonWorkingDay('2026-02-29')).toThrow(/datum: "2026-02-29" is geen bestaande datum/);
  });
});

describe(nextWorkingDay.name, () => {
  it('skips Christmas and the weekend after it', () => {
    expect(nextWorkingDay('2026-12-24')).toBe('2026-12-28');
  });
});

describe(termijnenwetEnd.name, () => {
  // Art. 2: a three-day term from Thursday 24 December 2026 ends Sunday 27 → Monday 28 (art. 1), but
  // 25 (Eerste Kerstdag), 26 (Tweede Kerstdag, Saturday), 27 (Sunday), 28 hold one working day: → Tuesday 29.
  it('extends a three-day term over Christmas so it contains two working days', () => {
    expect(termijnenwetEnd('2026-12-24', '2026-12-27')).toBe('2026-12-29');
  });

  // Thursday 25 March 2027 + 3 = Sunday 28 (Easter) → Monday 29 is Tweede Paasdag → Tuesday 30; 26 (Good
  // Friday), 27, 28, 29 are all non-working, so 30 is the only working day: → Wednesday 31.
  it('extends a three-day term over Easter so it contains two working days', () => {
    expect(termijnenwetEnd('2027-03-25', '2027-03-28')).toBe('2027-03-31');
  });

  // Art. 2 is for terms of three days or more: a two-day term from Thursday 24 December 2026 ends Saturday
  // 26 → Monday 28 by art. 1 only, with a single working day in it.
  it('leaves a two-day term to art. 1 alone', () => {
    expect(termijnenwetEnd('2026-12-24', '2026-12-26')).toBe('2026-12-28');
  });

  it('keeps an end that is a working day in a term with enough working days', () => {
    expect(termijnenwetEnd('2026-03-02', '2026-03-05')).toBe('2026-03-05');
  });
});

describe(isCalendarDate.name, () => {
  it('accepts existing YYYY-MM-DD days and rejects impossible or other forms', () => {
    expect(['2028-02-29', '2027-12-31'].map(isCalendarDate)).toEqual([true, true]);
    expect(['2027-02-29', '2027-04-31', '2027-1-04', '2027-01-04T00:00:00Z', '0999-01-01'].map(isCalendarDate)).toEqual([false, false, false, false, false]);
  });
});
