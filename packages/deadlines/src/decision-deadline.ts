import type { DayNumber } from './calendar-date.js';
import type { NonWorkingDays } from './holidays.js';
import type { LbbDeadline } from './lbb-deadline.js';
import { applyTermijnenwet, ATW_MAX_WEEKS, type AtwShift } from './termijnenwet.js';
import type { StructuredTimeline } from './timeline-structure.js';

export type SuspensionKind = 'aanvulling' | 'lbb';

/** One closed stretch of suspension of the decision term, as counted. */
export interface CountedSuspension {
  readonly kind: SuspensionKind;
  readonly start: DayNumber;
  readonly end: DayNumber;
  /** Days of this stretch that an earlier stretch already suspended: counted once. */
  readonly overlap: number;
  /** LBB only: the advice is not in yet, so the suspension runs to the advice's due date. */
  readonly untilDue: boolean;
  /** LBB only: the advice came after its due date, so the suspension stops at the due date. */
  readonly lateAdvice: DayNumber | undefined;
}

export type DecisionDeadline =
  | {
      readonly open: false;
      readonly suspensions: readonly CountedSuspension[];
      readonly suspendedDays: number;
      readonly atwApplies: boolean;
      readonly end: DayNumber;
      readonly shifts: readonly AtwShift[];
    }
  /** A suspension with no end yet (an aanvulling, or an LBB waiting for information): no date to give. */
  | { readonly open: true };

export function computeDecisionDeadline(timeline: StructuredTimeline, lbb: LbbDeadline | undefined, days: NonWorkingDays): DecisionDeadline {
  const stretches: Omit<CountedSuspension, 'overlap'>[] = [];
  for (const { start, end } of timeline.aanvullingen) {
    if (end === undefined) return { open: true };
    stretches.push({ kind: 'aanvulling', start, end, untilDue: false, lateAdvice: undefined });
  }
  if (lbb !== undefined) {
    if (lbb.due === undefined) return { open: true };
    const { request, advice } = lbb.track;
    const late = advice !== undefined && advice > lbb.due;
    stretches.push({
      kind: 'lbb',
      start: request,
      end: advice === undefined || late ? lbb.due : advice,
      untilDue: advice === undefined,
      lateAdvice: late ? advice : undefined,
    });
  }
  const suspensions = countOnce(stretches);
  const suspendedDays = suspensions.reduce((sum, stretch) => sum + (stretch.end - stretch.start - stretch.overlap), 0);
  const nominalEnd = timeline.received + 7 * timeline.weeks + suspendedDays;
  // Art. 4 Atw: not for terms of more than twelve weeks, judged on the nominal term.
  const atwApplies = timeline.weeks <= ATW_MAX_WEEKS;
  const { end, shifts } = atwApplies ? applyTermijnenwet(timeline.received, nominalEnd, days) : { end: nominalEnd, shifts: [] };
  return { open: false, suspensions, suspendedDays, atwApplies, end, shifts };
}

/** Orders the stretches by start and marks the days each shares with earlier ones, so a day counts once. */
function countOnce(stretches: readonly Omit<CountedSuspension, 'overlap'>[]): CountedSuspension[] {
  const covered = new Set<DayNumber>();
  return [...stretches]
    .sort((a, b) => a.start - b.start)
    .map((stretch) => {
      let overlap = 0;
      for (let day = stretch.start; day < stretch.end; day += 1) {
        if (covered.has(day)) overlap += 1;
        else covered.add(day);
      }
      return { ...stretch, overlap };
    });
}
