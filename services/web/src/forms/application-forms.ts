import type { ValidationProblem } from '@signaalhub/contracts';
import { errorsOnFields, type FieldError, type NamedField } from './field-errors.js';
import { text, type FormBody } from './form-body.js';

/*
 * The permit officer's forms about an application: a new application of an establishment, asking what is
 * missing and recording its receipt (both move the legal decision date). Bodies for the registry's API, and
 * its problems as Dutch errors next to the field.
 */

export type ApplicationFormName = 'aanvraag' | 'aanvulling-vragen' | 'aanvulling-ontvangen';

export const APPLICATION_FIELD_IDS = {
  kind: 'aanvraag-soort',
  receivedOn: 'aanvraag-ontvangen-op',
  decisionTermWeeks: 'aanvraag-beslistermijn',
  missing: 'aanvulling-onderdelen',
  askedOn: 'aanvulling-gevraagd-op',
  completedOn: 'aanvulling-ontvangen-op',
} as const;

export interface NewApplicationValues {
  readonly kind: string;
  readonly receivedOn: string;
  readonly decisionTermWeeks: string;
}

export const emptyApplicationForm = (today: string): NewApplicationValues => ({ kind: 'nieuw', receivedOn: today, decisionTermWeeks: '8' });

export function applicationFormFromBody(body: FormBody): NewApplicationValues {
  return { kind: text(body, 'applicationKind'), receivedOn: text(body, 'receivedOn'), decisionTermWeeks: text(body, 'decisionTermWeeks') };
}

/** The body of `POST /api/applications`; a term that is no whole number is sent as typed, so the registry names it. */
export function applicationRegistration(establishmentId: string, values: NewApplicationValues): Record<string, unknown> {
  const weeks = values.decisionTermWeeks.trim();
  return { establishmentId, kind: values.kind, receivedOn: values.receivedOn, decisionTermWeeks: /^\d{1,3}$/.test(weeks) ? Number(weeks) : weeks };
}

/** The missing items, one per line. */
export function completenessRequest(body: FormBody): Record<string, unknown> {
  const missing = text(body, 'missing')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
  return { missing, date: text(body, 'askedOn') };
}

export const completenessReceipt = (body: FormBody): Record<string, unknown> => ({ date: text(body, 'completedOn') });

const FIELDS: Readonly<Record<ApplicationFormName, Readonly<Record<string, NamedField>>>> = {
  aanvraag: {
    kind: { id: APPLICATION_FIELD_IDS.kind, label: 'Soort aanvraag' },
    receivedOn: { id: APPLICATION_FIELD_IDS.receivedOn, label: 'Aanvraag ontvangen op' },
    decisionTermWeeks: { id: APPLICATION_FIELD_IDS.decisionTermWeeks, label: 'Beslistermijn in weken' },
  },
  'aanvulling-vragen': {
    missing: { id: APPLICATION_FIELD_IDS.missing, label: 'Ontbrekende onderdelen' },
    date: { id: APPLICATION_FIELD_IDS.askedOn, label: 'Aanvulling gevraagd op' },
  },
  'aanvulling-ontvangen': { date: { id: APPLICATION_FIELD_IDS.completedOn, label: 'Aanvulling ontvangen op' } },
};

export function applicationFormErrors(form: ApplicationFormName, problems: readonly ValidationProblem[]): FieldError[] {
  return errorsOnFields(problems, (field) => FIELDS[form][field] ?? FIELDS[form][field.replace(/\.\d+$/, '')]);
}
