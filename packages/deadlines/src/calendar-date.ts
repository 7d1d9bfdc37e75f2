// Dates are calendar dates, held as whole days since 1970-01-01 and computed only through UTC, so the
// process time zone (TZ) can never move a result.

/** Whole days since 1970-01-01 (a calendar date without a time or zone). */
export type DayNumber = number;

const MS_PER_DAY = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

const WEEKDAYS_NL = ['zondag', 'maandag', 'dinsdag', 'woensdag', 'donderdag', 'vrijdag', 'zaterdag'] as const;
const MONTHS_NL = [
  'januari',
  'februari',
  'maart',
  'april',
  'mei',
  'juni',
  'juli',
  'augustus',
  'september',
  'oktober',
  'november',
  'december',
] as const;

/** The day number of an existing `YYYY-MM-DD` date (years 1000–9999), or undefined for anything else. */
export function parseIsoDate(text: string): DayNumber | undefined {
  const match = ISO_DATE.exec(text);
  if (match === null) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < 1000) return undefined;
  const days = dayNumberOf(year, month, day);
  // Date.UTC rolls 2027-02-30 over to March: a date exists only when it survives the round trip.
  return formatIsoDate(days) === text ? days : undefined;
}

export function dayNumberOf(year: number, month: number, day: number): DayNumber {
  return Date.UTC(year, month - 1, day) / MS_PER_DAY;
}

export function formatIsoDate(days: DayNumber): string {
  return new Date(days * MS_PER_DAY).toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
export function weekdayOf(days: DayNumber): number {
  return (((days + 4) % 7) + 7) % 7;
}

export function yearOf(days: DayNumber): number {
  return new Date(days * MS_PER_DAY).getUTCFullYear();
}

/** e.g. `4 januari 2027`. */
export function formatDutchDate(days: DayNumber): string {
  const date = new Date(days * MS_PER_DAY);
  return `${date.getUTCDate()} ${MONTHS_NL[date.getUTCMonth()] ?? ''} ${date.getUTCFullYear()}`;
}

/** e.g. `zaterdag 6 maart 2027`. */
export function formatDutchWeekdayDate(days: DayNumber): string {
  return `${WEEKDAYS_NL[weekdayOf(days)] ?? ''} ${formatDutchDate(days)}`;
}
