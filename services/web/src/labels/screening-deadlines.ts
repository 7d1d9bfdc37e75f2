import type { ScreeningDetail } from '@signaalhub/contracts';
import { computeDeadlines, parseTimeline, TimelineError, type DeadlineOutcome } from '@signaalhub/deadlines';

/** Dutch names of the engine's dates. */
export const DEADLINE_LABELS: Readonly<Record<string, string>> = {
  uitersteBeslisdatum: 'Uiterste beslisdatum',
  lbbAdviesUiterlijk: 'LBB-advies uiterlijk',
};

/** The screening's deadlines by the deadline engine, or the engine's Dutch reason why its timeline has none. */
export function screeningDeadlines(timeline: ScreeningDetail['timeline']): { readonly outcome: DeadlineOutcome } | { readonly problem: string } {
  try {
    return { outcome: computeDeadlines(parseTimeline(timeline)) };
  } catch (error) {
    if (error instanceof TimelineError) return { problem: error.message };
    throw error;
  }
}
