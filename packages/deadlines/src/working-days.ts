// The Atw calendar for callers that hold `YYYY-MM-DD` strings (forms, other deadlines).
import { formatIsoDate, parseIsoDate } from './calendar-date.js';
import { nonWorkingDaysOf } from './compute-deadlines.js';
import { EMPTY_CALENDAR, type DeadlineCalendar } from './holidays.js';
import { applyTermijnenwet } from './termijnenwet.js';
import { parseDay } from './timeline-structure.js';

/** True for an existing calendar day written `YYYY-MM-DD` (so `2027-02-29` is not one), the engine's date rule. */
export function isCalendarDate(text: string): boolean {
  return parseIsoDate(text) !== undefined;
}

/** Saturday, Sunday, an art. 3 holiday (Good Friday included) or a configured art. 3(3) day. */
export function isNonWorkingDay(date: string, calendar: DeadlineCalendar = EMPTY_CALENDAR): boolean {
  return nonWorkingDaysOf(calendar).isNonWorking(parseDay(date, 'datum'));
}

/** The first working day strictly after `date`. */
export function nextWorkingDay(date: string, calendar: DeadlineCalendar = EMPTY_CALENDAR): string {
  return formatIsoDate(nonWorkingDaysOf(calendar).firstWorkingDayFrom(parseDay(date, 'datum') + 1));
}

/**
 * The end of a forward term that starts on `start` and would end on `nominalEnd`, after art. 1 (roll
 * forward past Saturday, Sunday, holidays) and art. 2 (at least two working days in a term of three days
 * or more) of the Algemene termijnenwet. Whether the law applies to the term at all is the caller's call.
 */
export function termijnenwetEnd(start: string, nominalEnd: string, calendar: DeadlineCalendar = EMPTY_CALENDAR): string {
  return formatIsoDate(applyTermijnenwet(parseDay(start, 'start'), parseDay(nominalEnd, 'nominalEnd'), nonWorkingDaysOf(calendar)).end);
}
