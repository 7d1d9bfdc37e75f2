import { isCalendarDate } from './calendar-date.js';
import type { Coordinator } from './coordinator-config.js';

/** Why a coordinator cannot take a screening, in the order they are checked. */
export const UNAVAILABILITY_REASONS = ['absent', 'conflict-municipality', 'conflict-kvk', 'at-capacity'] as const;
export type UnavailabilityReason = (typeof UNAVAILABILITY_REASONS)[number];

export const UNAVAILABILITY_LABELS_NL: Readonly<Record<UnavailabilityReason, string>> = {
  absent: 'Afwezig',
  'conflict-municipality': 'Belangenconflict met de gemeente',
  'conflict-kvk': 'Belangenconflict met het bedrijf',
  'at-capacity': 'Maximale capaciteit bereikt',
};

/** The screening a coordinator would take: whose it is, which business, and on which day. */
export interface ScreeningSubject {
  readonly municipality: string;
  readonly kvkNumber: string;
  /** The day of assignment, `YYYY-MM-DD`. */
  readonly date: string;
}

/** True when `date` lies in one of the coordinator's absences (both ends included). */
export function isAbsentOn(coordinator: Coordinator, date: string): boolean {
  return coordinator.absences.some((absence) => absence.from <= date && date <= absence.to);
}

/**
 * The first reason the coordinator cannot take the screening, or undefined when they can.
 * `openScreenings` counts every open screening assigned to them, started or not.
 */
export function unavailabilityOf(coordinator: Coordinator, subject: ScreeningSubject, openScreenings: number): UnavailabilityReason | undefined {
  if (isAbsentOn(coordinator, subject.date)) return 'absent';
  if (coordinator.conflictsOfInterest.municipalities.includes(subject.municipality)) return 'conflict-municipality';
  if (coordinator.conflictsOfInterest.kvkNumbers.includes(subject.kvkNumber)) return 'conflict-kvk';
  if (openScreenings >= coordinator.capacity) return 'at-capacity';
  return undefined;
}

/** A date is compared as text, so a malformed one would silently match nothing: a programming error. */
export function assertCalendarDate(date: string): void {
  if (!isCalendarDate(date)) throw new RangeError('date must be a real date written YYYY-MM-DD');
}
