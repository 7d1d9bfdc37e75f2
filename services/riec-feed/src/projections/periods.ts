/** The period kinds every count is kept in; PERSISTED in the feed's tables. */
export const PERIOD_KINDS = ['week', 'month', 'quarter', 'year'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

/** Periods follow the region's calendar: an event at 23:30 UTC on 31 March belongs to April in the Netherlands. */
const REGION_TIME_ZONE = 'Europe/Amsterdam';

const localDate = new Intl.DateTimeFormat('en-CA', { timeZone: REGION_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });

/** The period labels, e.g. `2026-W09` (ISO week), `2026-03`, `2026-Q1`, `2026`; each sorts in time order as text. */
export const PERIOD_PATTERNS: Readonly<Record<PeriodKind, RegExp>> = {
  week: /^\d{4}-W(?:0[1-9]|[1-4]\d|5[0-3])$/,
  month: /^\d{4}-(?:0[1-9]|1[0-2])$/,
  quarter: /^\d{4}-Q[1-4]$/,
  year: /^\d{4}$/,
};

export type Periods = Readonly<Record<PeriodKind, string>>;

/** The week, month, quarter and year an instant falls in, in the region's calendar. */
export function periodsOf(instant: Date): Periods {
  const [year, month, day] = localDate.format(instant).split('-').map(Number) as [number, number, number];
  const pad = (value: number): string => String(value).padStart(2, '0');
  return {
    week: isoWeekOf(year, month, day),
    month: `${String(year)}-${pad(month)}`,
    quarter: `${String(year)}-Q${String(Math.ceil(month / 3))}`,
    year: String(year),
  };
}

/** ISO 8601 week: weeks start on Monday and week 1 holds the year's first Thursday (so 29 Dec can be week 1). */
function isoWeekOf(year: number, month: number, day: number): string {
  const date = new Date(Date.UTC(year, month - 1, day));
  const weekday = date.getUTCDay() === 0 ? 7 : date.getUTCDay();
  // The Thursday of the same week decides the week's year.
  date.setUTCDate(date.getUTCDate() + 4 - weekday);
  const weekYear = date.getUTCFullYear();
  const week = Math.ceil(((date.getTime() - Date.UTC(weekYear, 0, 1)) / 86_400_000 + 1) / 7);
  return `${String(weekYear)}-W${String(week).padStart(2, '0')}`;
}

/** The kinds whose period of `event` had already ended at `now`: a change there restates that period. */
export function endedPeriods(event: Periods, now: Periods): PeriodKind[] {
  return PERIOD_KINDS.filter((kind) => event[kind] < now[kind]);
}
