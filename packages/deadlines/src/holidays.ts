import { dayNumberOf, formatIsoDate, weekdayOf, yearOf, type DayNumber } from './calendar-date.js';

/** A recognised holiday of art. 3 Algemene termijnenwet, Good Friday included (lid 2). */
export interface Holiday {
  readonly datum: string;
  readonly naam: string;
}

/** Days the government adds under art. 3(3) Algemene termijnenwet; they come from configuration. */
export interface DeadlineCalendar {
  readonly extraNonWorkingDays: readonly string[];
}

export const EMPTY_CALENDAR: DeadlineCalendar = { extraNonWorkingDays: [] };

const SUNDAY = 0;
const SATURDAY = 6;

/** Easter Sunday of the Gregorian calendar (anonymous Gregorian algorithm, Meeus/Jones/Butcher). */
export function easterSunday(year: number): DayNumber {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return dayNumberOf(year, month, day);
}

function holidayDays(year: number): readonly { readonly day: DayNumber; readonly naam: string }[] {
  const easter = easterSunday(year);
  const kingsBirthday = dayNumberOf(year, 4, 27);
  // Art. 3(1): the King's birthday is celebrated on 26 April when 27 April is a Sunday.
  const kingsDay = weekdayOf(kingsBirthday) === SUNDAY ? kingsBirthday - 1 : kingsBirthday;
  return [
    { day: dayNumberOf(year, 1, 1), naam: 'Nieuwjaarsdag' },
    { day: easter - 2, naam: 'Goede Vrijdag' },
    { day: easter + 1, naam: 'Tweede Paasdag' },
    { day: kingsDay, naam: 'Koningsdag' },
    { day: dayNumberOf(year, 5, 5), naam: '5 mei' },
    { day: easter + 39, naam: 'Hemelvaartsdag' },
    { day: easter + 50, naam: 'Tweede Pinksterdag' },
    { day: dayNumberOf(year, 12, 25), naam: 'Eerste Kerstdag' },
    { day: dayNumberOf(year, 12, 26), naam: 'Tweede Kerstdag' },
  ];
}

/** The holidays of art. 3(1) and (2) Algemene termijnenwet in `year`, in date order. */
export function dutchHolidays(year: number): readonly Holiday[] {
  return [...holidayDays(year)].sort((a, b) => a.day - b.day).map(({ day, naam }) => ({ datum: formatIsoDate(day), naam }));
}

/** Answers "is this day a Saturday, Sunday or holiday, and which" for one calendar configuration. */
export class NonWorkingDays {
  private readonly extra: ReadonlySet<DayNumber>;
  private readonly holidaysByYear = new Map<number, ReadonlyMap<DayNumber, string>>();

  constructor(extraDays: readonly DayNumber[]) {
    this.extra = new Set(extraDays);
  }

  /** The reason the day is not a working day (e.g. `zaterdag`, `Goede Vrijdag`), or undefined on a working day. */
  reason(day: DayNumber): string | undefined {
    const holiday = this.holidaysOf(yearOf(day)).get(day);
    if (holiday !== undefined) return holiday;
    const weekday = weekdayOf(day);
    if (weekday === SATURDAY) return 'zaterdag';
    if (weekday === SUNDAY) return 'zondag';
    if (this.extra.has(day)) return 'door de regering aangewezen dag';
    return undefined;
  }

  isNonWorking(day: DayNumber): boolean {
    return this.reason(day) !== undefined;
  }

  /** The day itself when it is a working day, else the first working day after it. */
  firstWorkingDayFrom(day: DayNumber): DayNumber {
    let candidate = day;
    while (this.isNonWorking(candidate)) candidate += 1;
    return candidate;
  }

  private holidaysOf(year: number): ReadonlyMap<DayNumber, string> {
    let holidays = this.holidaysByYear.get(year);
    if (holidays === undefined) {
      holidays = new Map(holidayDays(year).map(({ day, naam }) => [day, naam]));
      this.holidaysByYear.set(year, holidays);
    }
    return holidays;
  }
}
