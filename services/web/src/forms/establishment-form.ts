import { AUTOBRANCHE_ACTIVITIES, RESPONSIBLE_ROLES, type AutobrancheActivity, type ValidationProblem } from '@signaalhub/contracts';
import { errorsOnFields, type FieldError, type NamedField } from './field-errors.js';
import { text, texts, type FormBody } from './form-body.js';

/*
 * A permit officer's form for a new establishment: what was typed (kept on an error), the registration the
 * registry validates (`POST /api/establishments`), and the registry's problems as Dutch errors next to the
 * field. Activities are checkboxes, each with its SBI code (the registry refuses a code its configuration
 * does not list for that activity). The people responsible are repeatable rows; without scripts, "Nog een
 * persoon" posts the form back with one empty row more.
 */

export interface ResponsibleRow {
  readonly name: string;
  readonly birthDate: string;
  readonly role: string;
}

export interface EstablishmentFormValues {
  readonly tradeName: string;
  readonly kvkNumber: string;
  readonly vestigingsnummer: string;
  readonly postcode: string;
  readonly huisnummer: string;
  readonly toevoeging: string;
  readonly activities: readonly string[];
  /** The SBI code typed per activity. */
  readonly sbiCodes: Readonly<Record<string, string>>;
  readonly people: readonly ResponsibleRow[];
}

export const MAX_RESPONSIBLE_ROWS = 10;

export const ESTABLISHMENT_FIELD_IDS = {
  tradeName: 'handelsnaam',
  kvkNumber: 'kvk-nummer',
  vestigingsnummer: 'vestigingsnummer',
  postcode: 'postcode',
  huisnummer: 'huisnummer',
  toevoeging: 'toevoeging',
  activities: 'activiteiten',
} as const;

export const sbiFieldName = (activity: string): string => `sbi-${activity}`;
export const sbiFieldId = (activity: string): string => `sbi-code-${activity}`;
export const responsibleFieldId = (row: number, part: 'naam' | 'geboortedatum' | 'rol'): string => `verantwoordelijke-${row}-${part}`;

const EMPTY_ROW: ResponsibleRow = { name: '', birthDate: '', role: '' };

export function emptyEstablishmentForm(): EstablishmentFormValues {
  return { tradeName: '', kvkNumber: '', vestigingsnummer: '', postcode: '', huisnummer: '', toevoeging: '', activities: [], sbiCodes: {}, people: [EMPTY_ROW] };
}

/** The typed values; a people row left wholly empty is no person. */
export function establishmentFormFromBody(body: FormBody): EstablishmentFormValues {
  const names = texts(body, 'personName');
  const birthDates = texts(body, 'personBirthDate');
  const roles = texts(body, 'personRole');
  const rows = Math.min(Math.max(names.length, birthDates.length, roles.length), MAX_RESPONSIBLE_ROWS);
  const people = Array.from({ length: rows }, (_, index) => ({ name: names[index] ?? '', birthDate: birthDates[index] ?? '', role: roles[index] ?? '' })).filter(
    (person) => person.name.trim() !== '' || person.birthDate.trim() !== '' || person.role !== '',
  );
  return {
    tradeName: text(body, 'tradeName'),
    kvkNumber: text(body, 'kvkNumber'),
    vestigingsnummer: text(body, 'vestigingsnummer'),
    postcode: text(body, 'postcode'),
    huisnummer: text(body, 'huisnummer'),
    toevoeging: text(body, 'toevoeging'),
    activities: texts(body, 'activity'),
    sbiCodes: Object.fromEntries(AUTOBRANCHE_ACTIVITIES.map((activity) => [activity, text(body, sbiFieldName(activity))])),
    people,
  };
}

export function withExtraResponsibleRow(values: EstablishmentFormValues): EstablishmentFormValues {
  return values.people.length >= MAX_RESPONSIBLE_ROWS ? values : { ...values, people: [...values.people, EMPTY_ROW] };
}

/** A whole number as a number; anything else as typed, so the registry names the field. */
function numberOrText(value: string): number | string {
  const trimmed = value.trim();
  return /^\d{1,6}$/.test(trimmed) ? Number(trimmed) : trimmed;
}

/** The ticked activities in the form's order, each with its SBI code. */
function chosenActivities(values: EstablishmentFormValues): AutobrancheActivity[] {
  return AUTOBRANCHE_ACTIVITIES.filter((activity) => values.activities.includes(activity));
}

/** The body of `POST /api/establishments`. */
export function establishmentRegistration(municipality: string, values: EstablishmentFormValues): Record<string, unknown> {
  const toevoeging = values.toevoeging.trim();
  return {
    municipality,
    kvkNumber: values.kvkNumber,
    vestigingsnummer: values.vestigingsnummer,
    tradeName: values.tradeName,
    address: { postcode: values.postcode, huisnummer: numberOrText(values.huisnummer), ...(toevoeging === '' ? {} : { toevoeging }) },
    activities: chosenActivities(values).map((activity) => ({ activity, sbiCode: (values.sbiCodes[activity] ?? '').trim() })),
    people: values.people.map((person) => ({ name: person.name, birthDate: person.birthDate, role: person.role })),
  };
}

const FIELDS: Readonly<Record<string, NamedField>> = {
  tradeName: { id: ESTABLISHMENT_FIELD_IDS.tradeName, label: 'Handelsnaam' },
  kvkNumber: { id: ESTABLISHMENT_FIELD_IDS.kvkNumber, label: 'KvK-nummer' },
  vestigingsnummer: { id: ESTABLISHMENT_FIELD_IDS.vestigingsnummer, label: 'Vestigingsnummer' },
  'address.postcode': { id: ESTABLISHMENT_FIELD_IDS.postcode, label: 'Postcode' },
  'address.huisnummer': { id: ESTABLISHMENT_FIELD_IDS.huisnummer, label: 'Huisnummer' },
  'address.toevoeging': { id: ESTABLISHMENT_FIELD_IDS.toevoeging, label: 'Toevoeging' },
  activities: { id: ESTABLISHMENT_FIELD_IDS.activities, label: 'Activiteiten' },
  people: { id: responsibleFieldId(0, 'naam'), label: 'Verantwoordelijken' },
};

const PERSON_PARTS = { name: ['naam', 'naam'], birthDate: ['geboortedatum', 'geboortedatum'], role: ['rol', 'rol'] } as const;

/** The registry's problems as errors on the form's fields; an activity's problem goes to that activity's SBI code. */
export function establishmentFormErrors(values: EstablishmentFormValues, problems: readonly ValidationProblem[]): FieldError[] {
  const sent = chosenActivities(values);
  return errorsOnFields(problems, (field) => {
    const activity = /^activities\.(\d+)(\.|$)/.exec(field);
    if (activity !== null) {
      const name = sent[Number(activity[1])];
      return name === undefined ? FIELDS.activities : { id: sbiFieldId(name), label: `SBI-code bij ${name}` };
    }
    const person = /^people\.(\d+)\.(name|birthDate|role)$/.exec(field);
    if (person !== null) {
      const row = Number(person[1]);
      const [part, label] = PERSON_PARTS[person[2] as keyof typeof PERSON_PARTS];
      return { id: responsibleFieldId(row, part), label: `Verantwoordelijke ${row + 1}, ${label}` };
    }
    return FIELDS[field];
  });
}

export const RESPONSIBLE_ROLE_OPTIONS = RESPONSIBLE_ROLES.map((role) => ({ value: role, label: role.charAt(0).toUpperCase() + role.slice(1) }));
