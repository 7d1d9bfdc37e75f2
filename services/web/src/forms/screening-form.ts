import type { ValidationProblem } from '@signaalhub/contracts';
import { distinctErrors, type FieldError } from './field-errors.js';
import { text, texts, type FormBody } from './form-body.js';

/*
 * The coordinators' form for a new screening: what was typed (kept on an error), the draft the bibob
 * service validates, and the service's problems as Dutch errors that name the field. The people are
 * repeatable rows; without scripts, "Nog een persoon" posts the form back with one empty row more.
 */

export interface PersonRow {
  readonly name: string;
  readonly birthDate: string;
  readonly role: string;
}

export interface ScreeningFormValues {
  readonly municipality: string;
  readonly kind: string;
  readonly kvkNumber: string;
  readonly vestigingsnummer: string;
  readonly people: readonly PersonRow[];
  /** The business address: all three empty is no address. */
  readonly postcode: string;
  readonly huisnummer: string;
  readonly toevoeging: string;
  /** Kentekens separated by commas, spaces or new lines; empty is none. */
  readonly kentekens: string;
  readonly receivedOn: string;
  readonly decisionTermWeeks: string;
}

export const MAX_PERSON_ROWS = 20;

export const SCREENING_FIELD_IDS = {
  municipality: 'gemeente',
  kind: 'soort',
  kvkNumber: 'kvk-nummer',
  vestigingsnummer: 'vestigingsnummer',
  postcode: 'postcode',
  huisnummer: 'huisnummer',
  toevoeging: 'toevoeging',
  kentekens: 'kentekens',
  receivedOn: 'ontvangen-op',
  decisionTermWeeks: 'beslistermijn',
} as const;

export const personFieldId = (row: number, part: 'naam' | 'geboortedatum' | 'rol'): string => `persoon-${row}-${part}`;

const EMPTY_PERSON: PersonRow = { name: '', birthDate: '', role: '' };

export function emptyScreeningForm(): ScreeningFormValues {
  return { municipality: '', kind: '', kvkNumber: '', vestigingsnummer: '', people: [EMPTY_PERSON], postcode: '', huisnummer: '', toevoeging: '', kentekens: '', receivedOn: '', decisionTermWeeks: '8' };
}

/** The typed values; a row left wholly empty is no person. */
export function screeningFormFromBody(body: FormBody): ScreeningFormValues {
  const names = texts(body, 'personName');
  const birthDates = texts(body, 'personBirthDate');
  const roles = texts(body, 'personRole');
  const rows = Math.min(Math.max(names.length, birthDates.length, roles.length), MAX_PERSON_ROWS);
  const people = Array.from({ length: rows }, (_, index) => ({ name: names[index] ?? '', birthDate: birthDates[index] ?? '', role: roles[index] ?? '' })).filter(
    (person) => person.name.trim() !== '' || person.birthDate.trim() !== '' || person.role.trim() !== '',
  );
  return {
    municipality: text(body, 'municipality'),
    kind: text(body, 'kind'),
    kvkNumber: text(body, 'kvkNumber'),
    vestigingsnummer: text(body, 'vestigingsnummer'),
    people,
    postcode: text(body, 'postcode'),
    huisnummer: text(body, 'huisnummer'),
    toevoeging: text(body, 'toevoeging'),
    kentekens: text(body, 'kentekens'),
    receivedOn: text(body, 'receivedOn'),
    decisionTermWeeks: text(body, 'decisionTermWeeks'),
  };
}

/** With one empty row more ("Nog een persoon"), up to the maximum. */
export function withExtraPersonRow(values: ScreeningFormValues): ScreeningFormValues {
  return values.people.length >= MAX_PERSON_ROWS ? values : { ...values, people: [...values.people, EMPTY_PERSON] };
}

/** A whole number as a number; anything else as typed, so the service names the field. */
function numberOrText(value: string): number | string {
  const trimmed = value.trim();
  return /^\d{1,6}$/.test(trimmed) ? Number(trimmed) : trimmed;
}

/** The address part of the draft: nothing when all three fields are empty. */
function addressDraft(values: ScreeningFormValues): Record<string, unknown> {
  if (values.postcode.trim() === '' && values.huisnummer.trim() === '' && values.toevoeging.trim() === '') return {};
  const toevoeging = values.toevoeging.trim();
  return { address: { postcode: values.postcode, huisnummer: { number: numberOrText(values.huisnummer), ...(toevoeging === '' ? {} : { toevoeging }) } } };
}

/** The kentekens as a list: commas, semicolons and new lines separate them (a space may be part of one). */
export function kentekenList(kentekens: string): string[] {
  return kentekens
    .split(/[,;\n]/)
    .map((kenteken) => kenteken.trim())
    .filter((kenteken) => kenteken !== '');
}

/** The body of `POST /api/screenings`; a number that is no number is sent as text so the service names it. */
export function screeningDraft(values: ScreeningFormValues): Record<string, unknown> {
  const vehicles = kentekenList(values.kentekens);
  return {
    municipality: values.municipality,
    kind: values.kind,
    applicant: { kvkNumber: values.kvkNumber, vestigingsnummer: values.vestigingsnummer },
    people: values.people.map((person) => ({ name: person.name, birthDate: person.birthDate, role: person.role })),
    ...addressDraft(values),
    ...(vehicles.length === 0 ? {} : { vehicles }),
    receivedOn: values.receivedOn,
    decisionTermWeeks: numberOrText(values.decisionTermWeeks),
  };
}

/** Dutch text per field: the field's name and its rule, whatever words the service used. */
const FIELD_MESSAGES: Readonly<Record<string, { readonly id: string; readonly message: string }>> = {
  municipality: { id: SCREENING_FIELD_IDS.municipality, message: 'Gemeente: kies de gemeente die de toets vraagt' },
  kind: { id: SCREENING_FIELD_IDS.kind, message: 'Soort beschikking: kies een soort uit de lijst' },
  'applicant.kvkNumber': { id: SCREENING_FIELD_IDS.kvkNumber, message: 'KvK-nummer: vul 8 cijfers in' },
  'applicant.vestigingsnummer': { id: SCREENING_FIELD_IDS.vestigingsnummer, message: 'Vestigingsnummer: vul 12 cijfers in' },
  'address.postcode': { id: SCREENING_FIELD_IDS.postcode, message: 'Postcode: vul 4 cijfers en 2 letters in, bijvoorbeeld 3741 AA' },
  'address.huisnummer.number': { id: SCREENING_FIELD_IDS.huisnummer, message: 'Huisnummer: vul een heel getal van 1 tot en met 99999 in' },
  'address.huisnummer.toevoeging': { id: SCREENING_FIELD_IDS.toevoeging, message: 'Toevoeging: ten hoogste 4 letters of cijfers' },
  vehicles: { id: SCREENING_FIELD_IDS.kentekens, message: 'Kentekens: ten hoogste 20, elk kenteken maar één keer' },
  receivedOn: { id: SCREENING_FIELD_IDS.receivedOn, message: 'Datum ontvangst aanvraag: vul een bestaande datum in, niet in de toekomst' },
  decisionTermWeeks: { id: SCREENING_FIELD_IDS.decisionTermWeeks, message: 'Beslistermijn: vul een geheel aantal weken in van 1 tot en met 104' },
};

const PERSON_PARTS = {
  name: { part: 'naam', label: 'naam', rule: 'vul de volledige naam in' },
  birthDate: { part: 'geboortedatum', label: 'geboortedatum', rule: 'vul een bestaande datum in het verleden in' },
  role: { part: 'rol', label: 'rol', rule: 'vul de rol in, bijvoorbeeld bestuurder of financier' },
} as const;

function errorOf(problem: ValidationProblem): FieldError {
  const known = FIELD_MESSAGES[problem.field];
  if (known !== undefined) return { fieldId: known.id, message: known.message };
  const person = /^people\.(\d+)\.(name|birthDate|role)$/.exec(problem.field);
  if (person !== null) {
    const row = Number(person[1]);
    const { part, label, rule } = PERSON_PARTS[person[2] as keyof typeof PERSON_PARTS];
    return { fieldId: personFieldId(row, part), message: `Persoon ${row + 1}, ${label}: ${rule}` };
  }
  const vehicle = /^vehicles\.(\d+)$/.exec(problem.field);
  if (vehicle !== null) return { fieldId: SCREENING_FIELD_IDS.kentekens, message: `Kenteken ${Number(vehicle[1]) + 1}: vul een Nederlands kenteken in, bijvoorbeeld 12-ABC-3` };
  if (problem.field === 'people') return { fieldId: personFieldId(0, 'naam'), message: `Betrokken personen: ten hoogste ${MAX_PERSON_ROWS} personen` };
  return { fieldId: undefined, message: problem.message };
}

/** The service's problems as errors in the order of the form. */
export function screeningFormErrors(problems: readonly ValidationProblem[]): FieldError[] {
  return distinctErrors(problems.map(errorOf));
}
