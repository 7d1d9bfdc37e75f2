import { formatIsoDate, type DayNumber } from './calendar-date.js';
import type { NonWorkingDays } from './holidays.js';
import { applyTermijnenwet, type AtwShift } from './termijnenwet.js';
import { TimelineError } from './timeline.js';
import type { Interval, LbbTrack } from './timeline-structure.js';

/** Art. 15 Wet Bibob: the LBB advises within 8 weeks, once extendable by at most 4. */
export const LBB_WEEKS = 8;
export const LBB_EXTENDED_WEEKS = 12;

export interface LbbDeadline {
  readonly track: LbbTrack;
  readonly weeks: number;
  /** Days of the (closed) information waits, added to the LBB term. */
  readonly waitDays: number;
  /** When the advice is due; undefined while the LBB still waits for information (the term is then open). */
  readonly due: DayNumber | undefined;
  readonly shifts: readonly AtwShift[];
}

export function computeLbbDeadline(track: LbbTrack, days: NonWorkingDays): LbbDeadline {
  if (track.extension !== undefined) checkExtensionInTime(track, track.extension, days);
  const weeks = track.extension === undefined ? LBB_WEEKS : LBB_EXTENDED_WEEKS;
  const waitDays = waitDaysUntil(track.informationWaits, Number.POSITIVE_INFINITY);
  if (track.informationWaits.some((wait) => wait.end === undefined)) return { track, weeks, waitDays, due: undefined, shifts: [] };
  // 8 and 12 weeks are both within the Atw's twelve weeks, so the LBB term is always rolled forward.
  const { end, shifts } = applyTermijnenwet(track.request, track.request + 7 * weeks + waitDays, days);
  return { track, weeks, waitDays, due: end, shifts };
}

/** The extension must be announced within the first 8 weeks (grown by the information waits until then). */
function checkExtensionInTime(track: LbbTrack, extension: DayNumber, days: NonWorkingDays): void {
  const firstTermEnd = applyTermijnenwet(track.request, track.request + 7 * LBB_WEEKS + waitDaysUntil(track.informationWaits, extension), days).end;
  if (extension > firstTermEnd) {
    throw new TimelineError(
      `lbb-verlengd op ${formatIsoDate(extension)} is te laat: de verlenging moet binnen de eerste ${LBB_WEEKS} weken worden aangekondigd (uiterlijk ${formatIsoDate(firstTermEnd)})`,
    );
  }
}

/** Waiting days before `until` (an open wait counts up to `until`). */
function waitDaysUntil(waits: readonly Interval[], until: number): number {
  let total = 0;
  for (const wait of waits) {
    if (wait.start >= until) continue;
    const end = Math.min(wait.end ?? until, until);
    total += end - wait.start;
  }
  return total;
}
