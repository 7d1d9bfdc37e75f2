import { computeDecisionDeadline } from './decision-deadline.js';
import {
  decisionText,
  lbbText,
  openAanvullingText,
  openInformationWaitTexts,
  provisionalDecisionText,
  provisionalLbbText,
} from './explanation.js';
import { EMPTY_CALENDAR, NonWorkingDays, type DeadlineCalendar } from './holidays.js';
import { computeLbbDeadline } from './lbb-deadline.js';
import { formatIsoDate } from './calendar-date.js';
import type { Timeline } from './timeline.js';
import { parseDay, structureTimeline } from './timeline-structure.js';

/** The names of the dates in a DeadlineOutcome, as listed in `voorlopig`. */
export const DEADLINE_NAMES = ['uitersteBeslisdatum', 'lbbAdviesUiterlijk'] as const;
export type DeadlineName = (typeof DEADLINE_NAMES)[number];

export interface DeadlineOutcome {
  /** `YYYY-MM-DD`, or null while an open suspension leaves the decision date open. */
  readonly uitersteBeslisdatum: string | null;
  /** `YYYY-MM-DD`, or null without an LBB request or while the LBB waits for information. */
  readonly lbbAdviesUiterlijk: string | null;
  /** Names of the dates that can still move (or are still open) because a suspension is open. */
  readonly voorlopig: readonly string[];
  /** Dutch explanations: how each date was computed, and why a date is provisional. */
  readonly toelichting: readonly string[];
}

/** Builds the working-day calendar of a configuration; throws a TimelineError on a date that does not exist. */
export function nonWorkingDaysOf(calendar: DeadlineCalendar): NonWorkingDays {
  return new NonWorkingDays(calendar.extraNonWorkingDays.map((day, index) => parseDay(day, `extraNonWorkingDays[${index}]`)));
}

/** The decision date and the LBB advice date of a timeline. Pure; throws a TimelineError on a bad timeline. */
export function computeDeadlines(timeline: Timeline, calendar: DeadlineCalendar = EMPTY_CALENDAR): DeadlineOutcome {
  const days = nonWorkingDaysOf(calendar);
  const structured = structureTimeline(timeline);
  const lbb = structured.lbb === undefined ? undefined : computeLbbDeadline(structured.lbb, days);
  const decision = computeDecisionDeadline(structured, lbb, days);

  const voorlopig = new Set<DeadlineName>();
  const decisionNotes: string[] = [];
  const lbbNotes: string[] = [];
  const openAanvulling = structured.aanvullingen.find((interval) => interval.end === undefined);
  if (openAanvulling !== undefined) {
    voorlopig.add('uitersteBeslisdatum');
    decisionNotes.push(openAanvullingText(openAanvulling));
  }
  const openWait = lbb?.track.informationWaits.find((wait) => wait.end === undefined);
  if (openWait !== undefined) {
    const [decisionNote, lbbNote] = openInformationWaitTexts(openWait);
    voorlopig.add('uitersteBeslisdatum').add('lbbAdviesUiterlijk');
    decisionNotes.push(decisionNote);
    lbbNotes.push(lbbNote);
  }
  if (!decision.open) decisionNotes.unshift(decisionText(structured, decision));
  if (lbb?.due !== undefined) {
    lbbNotes.unshift(lbbText({ ...lbb, due: lbb.due }));
    if (lbb.track.advice === undefined) {
      voorlopig.add('lbbAdviesUiterlijk');
      lbbNotes.push(provisionalLbbText(lbb.track.extension !== undefined));
      if (!decision.open) {
        voorlopig.add('uitersteBeslisdatum');
        decisionNotes.push(provisionalDecisionText(lbb.due));
      }
    }
  }
  return {
    uitersteBeslisdatum: decision.open ? null : formatIsoDate(decision.end),
    lbbAdviesUiterlijk: lbb?.due === undefined ? null : formatIsoDate(lbb.due),
    voorlopig: DEADLINE_NAMES.filter((name) => voorlopig.has(name)),
    toelichting: [...decisionNotes, ...lbbNotes],
  };
}
