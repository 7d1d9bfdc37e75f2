import {
  assertCalendarDate,
  unavailabilityOf,
  type ScreeningSubject,
  type UnavailabilityReason,
} from './coordinator-availability.js';
import type { Coordinator } from './coordinator-config.js';

/** A new screening to assign: the requesting municipality, the applicant business and the day of assignment. */
export type AssignmentRequest = ScreeningSubject;

/** The pool as it stands when the screening arrives. */
export interface PoolState {
  readonly coordinators: readonly Coordinator[];
  /** Per coordinator id: every open screening assigned to them, started or not (absent = 0). */
  readonly openScreenings: ReadonlyMap<string, number>;
  /** The coordinator who already handles an open screening of the same KvK number, if any. */
  readonly currentHandlerOfBusiness?: string;
}

export const ASSIGNMENT_REASONS = ['current-handler', 'lowest-load'] as const;
export type AssignmentReason = (typeof ASSIGNMENT_REASONS)[number];
export const WAITING_REASONS = ['none-available'] as const;
export type WaitingReason = (typeof WAITING_REASONS)[number];

/** The business's current handler may be gone from the configured pool altogether. */
export type PassedOverReason = UnavailabilityReason | 'not-in-pool';

export const ASSIGNMENT_REASON_LABELS_NL: Readonly<Record<AssignmentReason | WaitingReason | 'not-in-pool', string>> = {
  'current-handler': 'Behandelt al een open toets van dit bedrijf',
  'lowest-load': 'Laagste belasting ten opzichte van de capaciteit',
  'none-available': 'Niet toegewezen: geen coördinator beschikbaar',
  'not-in-pool': 'Staat niet (meer) in de pool',
};

export interface CoordinatorUnavailable {
  readonly coordinatorId: string;
  readonly reason: UnavailabilityReason;
}

export interface PassedOverHandler {
  readonly coordinatorId: string;
  readonly reason: PassedOverReason;
}

export type AssignmentChoice =
  | {
      readonly kind: 'assigned';
      readonly coordinatorId: string;
      readonly reason: AssignmentReason;
      /** The business's current handler when they could not take it (so stickiness gave way, and why). */
      readonly passedOverHandler?: PassedOverHandler;
    }
  | {
      readonly kind: 'waiting';
      readonly reason: WaitingReason;
      /** Every coordinator of the pool and why they cannot take it: what the "niet toegewezen" list shows. */
      readonly unavailable: readonly CoordinatorUnavailable[];
    };

interface Candidate {
  readonly id: string;
  readonly open: number;
  readonly capacity: number;
}

/**
 * Chooses who gets a new screening. Available means: not absent that day, no declared conflict with
 * the municipality or the business, and fewer open screenings than capacity. The business's current
 * handler keeps it while available (an absence, a conflict or a full load always wins over that);
 * otherwise the available coordinator whose open screenings are the smallest share of their capacity.
 * Nobody available: the screening waits.
 */
export function chooseCoordinator(request: AssignmentRequest, pool: PoolState): AssignmentChoice {
  assertCalendarDate(request.date);
  const openOf = (id: string): number => pool.openScreenings.get(id) ?? 0;
  const available: Candidate[] = [];
  const unavailable: CoordinatorUnavailable[] = [];
  for (const coordinator of pool.coordinators) {
    const open = openOf(coordinator.id);
    const reason = unavailabilityOf(coordinator, request, open);
    if (reason === undefined) available.push({ id: coordinator.id, open, capacity: coordinator.capacity });
    else unavailable.push({ coordinatorId: coordinator.id, reason });
  }

  const handlerId = pool.currentHandlerOfBusiness;
  let passedOverHandler: PassedOverHandler | undefined;
  if (handlerId !== undefined) {
    if (available.some((candidate) => candidate.id === handlerId)) return { kind: 'assigned', coordinatorId: handlerId, reason: 'current-handler' };
    passedOverHandler = unavailable.find((entry) => entry.coordinatorId === handlerId) ?? { coordinatorId: handlerId, reason: 'not-in-pool' };
  }

  const [chosen] = available.sort(byLoadShare);
  if (chosen === undefined) return { kind: 'waiting', reason: 'none-available', unavailable };
  return passedOverHandler === undefined
    ? { kind: 'assigned', coordinatorId: chosen.id, reason: 'lowest-load' }
    : { kind: 'assigned', coordinatorId: chosen.id, reason: 'lowest-load', passedOverHandler };
}

/**
 * Smallest open/capacity first, compared by cross-multiplication so no float rounding decides; ties go
 * to fewer open screenings, then the id, so the same pool always gives the same choice.
 */
function byLoadShare(a: Candidate, b: Candidate): number {
  const share = a.open * b.capacity - b.open * a.capacity;
  if (share !== 0) return share;
  if (a.open !== b.open) return a.open - b.open;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
