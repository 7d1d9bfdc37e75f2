import { assertCalendarDate, unavailabilityOf, UNAVAILABILITY_LABELS_NL } from './coordinator-availability.js';
import type { PoolState } from './coordinator-choice.js';

export const REASSIGNMENT_REASON_MAX_LENGTH = 1000;
export const REASSIGNMENT_MAX_SCREENINGS = 500;

/** A screening to move: whose it is, which business, and its current assignee (none while it waits). */
export interface ReassignmentScreening {
  readonly screeningId: string;
  readonly municipality: string;
  readonly kvkNumber: string;
  readonly assignedTo?: string;
}

export interface ReassignmentRequest {
  /** The coordinator asking; only a lead may reassign. */
  readonly actorId: string;
  readonly targetCoordinatorId: string;
  /** Mandatory; it is audited with every move. */
  readonly reason: string;
  /** The day of reassignment, `YYYY-MM-DD`. */
  readonly date: string;
  readonly screenings: readonly ReassignmentScreening[];
}

/** Why the request as a whole is refused (nothing is moved). */
export const REASSIGNMENT_REFUSALS = [
  'not-a-lead',
  'reason-required',
  'reason-too-long',
  'no-screenings',
  'too-many-screenings',
  'repeated-screening',
  'unknown-target',
] as const;
export type ReassignmentRefusal = (typeof REASSIGNMENT_REFUSALS)[number];

/** Why one screening of the request cannot go to the target. */
export const SCREENING_REFUSALS = ['absent', 'conflict-municipality', 'conflict-kvk', 'at-capacity', 'already-assigned'] as const;
export type ScreeningRefusal = (typeof SCREENING_REFUSALS)[number];

export const REASSIGNMENT_LABELS_NL: Readonly<Record<ReassignmentRefusal | ScreeningRefusal, string>> = {
  'not-a-lead': 'Alleen een leidende coördinator kan toetsen opnieuw toewijzen',
  'reason-required': 'Geef een reden voor het opnieuw toewijzen',
  'reason-too-long': `De reden mag hoogstens ${String(REASSIGNMENT_REASON_MAX_LENGTH)} tekens zijn`,
  'no-screenings': 'Kies ten minste één toets',
  'too-many-screenings': `Kies hoogstens ${String(REASSIGNMENT_MAX_SCREENINGS)} toetsen tegelijk`,
  'repeated-screening': 'Een toets mag maar één keer in de selectie staan',
  'unknown-target': 'Deze coördinator staat niet in de pool',
  absent: UNAVAILABILITY_LABELS_NL.absent,
  'conflict-municipality': UNAVAILABILITY_LABELS_NL['conflict-municipality'],
  'conflict-kvk': UNAVAILABILITY_LABELS_NL['conflict-kvk'],
  'at-capacity': UNAVAILABILITY_LABELS_NL['at-capacity'],
  'already-assigned': 'Is al aan deze coördinator toegewezen',
};

export type ScreeningMove =
  | { readonly screeningId: string; readonly outcome: 'ok'; readonly from?: string }
  | { readonly screeningId: string; readonly outcome: 'refused'; readonly refusal: ScreeningRefusal };

export type ReassignmentPlan =
  | { readonly kind: 'refused'; readonly refusal: ReassignmentRefusal }
  | {
      readonly kind: 'planned';
      readonly targetCoordinatorId: string;
      /** The reason as it is to be audited (trimmed). */
      readonly reason: string;
      /** One per requested screening, in request order; only the `ok` ones are to be moved. */
      readonly moves: readonly ScreeningMove[];
    };

/**
 * Plans a lead coordinator's reassignment of one or more screenings to one target. The target must be
 * in the pool; per screening they must not be absent that day nor have a conflict with its municipality
 * or business, and their capacity must hold the whole bulk: screenings are taken in request order
 * while it does, the rest is refused as `at-capacity`.
 */
export function planReassignment(request: ReassignmentRequest, pool: Omit<PoolState, 'currentHandlerOfBusiness'>): ReassignmentPlan {
  assertCalendarDate(request.date);
  const actor = pool.coordinators.find((coordinator) => coordinator.id === request.actorId);
  if (actor?.lead !== true) return { kind: 'refused', refusal: 'not-a-lead' };
  const reason = request.reason.trim();
  if (reason.length === 0) return { kind: 'refused', refusal: 'reason-required' };
  if (reason.length > REASSIGNMENT_REASON_MAX_LENGTH) return { kind: 'refused', refusal: 'reason-too-long' };
  if (request.screenings.length === 0) return { kind: 'refused', refusal: 'no-screenings' };
  if (request.screenings.length > REASSIGNMENT_MAX_SCREENINGS) return { kind: 'refused', refusal: 'too-many-screenings' };
  if (new Set(request.screenings.map((screening) => screening.screeningId)).size !== request.screenings.length) {
    return { kind: 'refused', refusal: 'repeated-screening' };
  }
  const target = pool.coordinators.find((coordinator) => coordinator.id === request.targetCoordinatorId);
  if (target === undefined) return { kind: 'refused', refusal: 'unknown-target' };

  let open = pool.openScreenings.get(target.id) ?? 0;
  const moves = request.screenings.map((screening): ScreeningMove => {
    const { screeningId, assignedTo } = screening;
    if (assignedTo === target.id) return { screeningId, outcome: 'refused', refusal: 'already-assigned' };
    const refusal = unavailabilityOf(target, { ...screening, date: request.date }, open);
    if (refusal !== undefined) return { screeningId, outcome: 'refused', refusal };
    open += 1;
    return assignedTo === undefined ? { screeningId, outcome: 'ok' } : { screeningId, outcome: 'ok', from: assignedTo };
  });
  return { kind: 'planned', targetCoordinatorId: target.id, reason, moves };
}
