import type { DayNumber } from './calendar-date.js';
import type { NonWorkingDays } from './holidays.js';

/** The Algemene termijnenwet does not apply to terms of more than twelve weeks (art. 4). */
export const ATW_MAX_WEEKS = 12;

/** Art. 2: a term of at least this many days must contain at least two working days. */
const ART2_MIN_TERM_DAYS = 3;
const ART2_MIN_WORKING_DAYS = 2;

export type AtwShift =
  /** Art. 1: the end fell on a Saturday, Sunday or holiday (`reason`) and moved to the next working day. */
  | { readonly article: 1; readonly from: DayNumber; readonly to: DayNumber; readonly reason: string }
  /** Art. 2: the term was extended so it contains two working days. */
  | { readonly article: 2; readonly from: DayNumber; readonly to: DayNumber };

export interface AtwResult {
  readonly end: DayNumber;
  readonly shifts: readonly AtwShift[];
}

/**
 * Applies art. 1 and art. 2 Algemene termijnenwet to a forward term that starts on `start` (the term
 * runs over the days after it) and would end on `nominalEnd`.
 */
export function applyTermijnenwet(start: DayNumber, nominalEnd: DayNumber, days: NonWorkingDays): AtwResult {
  const shifts: AtwShift[] = [];
  let end = nominalEnd;
  const reason = days.reason(end);
  if (reason !== undefined) {
    const to = days.firstWorkingDayFrom(end);
    shifts.push({ article: 1, from: end, to, reason });
    end = to;
  }
  if (nominalEnd - start >= ART2_MIN_TERM_DAYS) {
    const before = end;
    while (workingDaysIn(start + 1, end, days) < ART2_MIN_WORKING_DAYS) end = days.firstWorkingDayFrom(end + 1);
    if (end !== before) shifts.push({ article: 2, from: before, to: end });
  }
  return { end, shifts };
}

function workingDaysIn(first: DayNumber, last: DayNumber, days: NonWorkingDays): number {
  let count = 0;
  for (let day = first; day <= last && count < ART2_MIN_WORKING_DAYS; day += 1) if (!days.isNonWorking(day)) count += 1;
  return count;
}
