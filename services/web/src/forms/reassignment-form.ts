import type { CoordinatorCapacity, ValidationProblem } from '@signaalhub/contracts';
import { errorsOnFields, type FieldError } from './field-errors.js';
import { text, texts, type FormBody } from './form-body.js';

/*
 * A lead coordinator's reassignment form (bulk on the pool's lists, single on a screening's page): its body
 * for the bibob API (`POST /api/screenings/assignments`), and the API's problems as Dutch errors naming the field.
 */

export const REASSIGNMENT_FIELD_IDS = {
  screenings: 'toewijzing-toetsen',
  assignee: 'toewijzing-behandelaar',
  reason: 'toewijzing-reden',
} as const;

/** Where the form was sent from, so a refusal is shown on the same page. */
export const REASSIGNMENT_ORIGINS = ['overzicht', 'niet-toegewezen', 'toets'] as const;
export type ReassignmentOrigin = (typeof REASSIGNMENT_ORIGINS)[number];

export function reassignmentOrigin(body: FormBody): ReassignmentOrigin {
  const origin = text(body, 'herkomst');
  return (REASSIGNMENT_ORIGINS as readonly string[]).includes(origin) ? (origin as ReassignmentOrigin) : 'overzicht';
}

export function reassignmentBody(body: FormBody): { screeningIds: string[]; assignee: string; reason: string } {
  return { screeningIds: texts(body, 'screeningIds'), assignee: text(body, 'assignee'), reason: text(body, 'reason') };
}

const FIELDS: Readonly<Record<string, { readonly id: string; readonly label: string }>> = {
  screeningIds: { id: REASSIGNMENT_FIELD_IDS.screenings, label: 'Toetsen' },
  assignee: { id: REASSIGNMENT_FIELD_IDS.assignee, label: 'Nieuwe behandelaar' },
  reason: { id: REASSIGNMENT_FIELD_IDS.reason, label: 'Reden' },
};

/** Every problem on its field (`screeningIds.2` on the selection); a problem on no field of the form stands alone. */
export function reassignmentErrors(problems: readonly ValidationProblem[]): FieldError[] {
  return errorsOnFields(problems, (field) => FIELDS[field.split('.')[0] ?? '']);
}

/** The choice of assignee: each coordinator with open vs capacity, and why they may not take more today. */
export function assigneeOptions(coordinators: readonly CoordinatorCapacity[]): { value: string; label: string }[] {
  return coordinators.map((coordinator) => {
    const state = coordinator.absentToday ? ', afwezig' : coordinator.open >= coordinator.capacity ? ', vol' : '';
    return { value: coordinator.id, label: `${coordinator.name} (${String(coordinator.open)} van ${String(coordinator.capacity)} open${state})` };
  });
}

/** True when the signed-in coordinator leads the pool (the service decides again on every reassignment). */
export const isLeadCoordinator = (coordinators: readonly CoordinatorCapacity[], userId: string): boolean =>
  coordinators.some((coordinator) => coordinator.id === userId && coordinator.lead);
