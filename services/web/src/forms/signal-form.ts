import { randomUUID } from 'node:crypto';
import type { ValidationProblem } from '@signaalhub/contracts';
import { distinctErrors, type FieldError } from './field-errors.js';
import { text, texts, type FormBody } from './form-body.js';

/** What the signal form holds; strings as typed, so a re-rendered form shows exactly what was entered. */
export interface SignalFormValues {
  readonly theme: string;
  readonly municipality: string;
  readonly postcode: string;
  readonly huisnummer: string;
  readonly toevoeging: string;
  readonly kvkNumber: string;
  readonly tradeName: string;
  readonly personName: string;
  readonly personBirthDate: string;
  readonly kenteken: string;
  readonly indicators: readonly string[];
  readonly freeText: string;
  readonly recipients: readonly string[];
  /** One per rendering of the form: a double submit of one rendering never makes two signals. */
  readonly idempotencyKey: string;
}

type TextFieldName = Exclude<keyof SignalFormValues, 'indicators' | 'recipients' | 'theme' | 'municipality' | 'idempotencyKey'>;

/** Element ids of the form's inputs (also the anchors of the error summary). */
export const SIGNAL_FIELD_IDS = {
  municipality: 'gemeente',
  postcode: 'postcode',
  huisnummer: 'huisnummer',
  toevoeging: 'toevoeging',
  kvkNumber: 'kvk-nummer',
  tradeName: 'handelsnaam',
  personName: 'persoon-naam',
  personBirthDate: 'persoon-geboortedatum',
  kenteken: 'kenteken',
  indicators: 'indicatoren',
  freeText: 'toelichting',
  recipients: 'ontvangers',
} as const satisfies Record<TextFieldName | 'indicators' | 'recipients' | 'municipality', string>;

export function emptySignalForm(theme: string, municipality: string, recipients: readonly string[]): SignalFormValues {
  return {
    theme,
    municipality,
    postcode: '',
    huisnummer: '',
    toevoeging: '',
    kvkNumber: '',
    tradeName: '',
    personName: '',
    personBirthDate: '',
    kenteken: '',
    indicators: [],
    freeText: '',
    recipients,
    idempotencyKey: randomUUID(),
  };
}

export function signalFormFromBody(body: FormBody): SignalFormValues {
  return {
    theme: text(body, 'theme'),
    municipality: text(body, 'municipality'),
    postcode: text(body, 'postcode'),
    huisnummer: text(body, 'huisnummer'),
    toevoeging: text(body, 'toevoeging'),
    kvkNumber: text(body, 'kvkNumber'),
    tradeName: text(body, 'tradeName'),
    personName: text(body, 'personName'),
    personBirthDate: text(body, 'personBirthDate'),
    kenteken: text(body, 'kenteken'),
    indicators: texts(body, 'indicators'),
    freeText: text(body, 'freeText'),
    recipients: texts(body, 'recipients'),
    idempotencyKey: text(body, 'idempotencyKey'),
  };
}

type SubjectSlot = 'business' | 'person' | 'vehicle';

/** The submission for the intake API, which subject index came from which part of the form, and local problems. */
export interface SignalDraft {
  readonly submission: Record<string, unknown>;
  readonly subjectSlots: readonly SubjectSlot[];
  /** Problems found before calling the service (a house number that is no number cannot be sent as one). */
  readonly localProblems: readonly ValidationProblem[];
}

const optional = (value: string): string | undefined => (value.trim() === '' ? undefined : value.trim());

export function signalDraft(values: SignalFormValues): SignalDraft {
  const localProblems: ValidationProblem[] = [];
  const huisnummer = values.huisnummer.trim();
  let number: number | undefined;
  if (/^\d{1,6}$/.test(huisnummer)) number = Number(huisnummer);
  else if (huisnummer !== '') {
    localProblems.push({ field: 'location.huisnummer.number', rule: 'must be a whole number', message: 'Vul een huisnummer in met alleen cijfers, bijvoorbeeld 12' });
  }
  const toevoeging = optional(values.toevoeging);
  const subjects: Record<string, unknown>[] = [];
  const subjectSlots: SubjectSlot[] = [];
  const tradeName = optional(values.tradeName);
  // Every signal is about at least one business: the form always sends it, so an empty KvK number is an error on it.
  subjects.push({ kind: 'business', kvkNumber: values.kvkNumber.trim(), ...(tradeName === undefined ? {} : { tradeName }) });
  subjectSlots.push('business');
  if (optional(values.personName) !== undefined || optional(values.personBirthDate) !== undefined) {
    subjects.push({ kind: 'person', name: values.personName.trim(), birthDate: values.personBirthDate.trim() });
    subjectSlots.push('person');
  }
  if (optional(values.kenteken) !== undefined) {
    subjects.push({ kind: 'vehicle', kenteken: values.kenteken.trim() });
    subjectSlots.push('vehicle');
  }
  return {
    submission: {
      municipality: values.municipality,
      theme: values.theme,
      location: {
        postcode: values.postcode.trim(),
        huisnummer: { ...(number === undefined ? {} : { number }), ...(toevoeging === undefined ? {} : { toevoeging }) },
      },
      subjects,
      indicators: [...values.indicators],
      freeText: values.freeText,
      distribution: { recipients: [...values.recipients] },
    },
    subjectSlots,
    localProblems,
  };
}

const SUBJECT_FIELDS: Record<SubjectSlot, Readonly<Record<string, string>>> = {
  business: { kvkNumber: SIGNAL_FIELD_IDS.kvkNumber, tradeName: SIGNAL_FIELD_IDS.tradeName, vestigingsnummer: SIGNAL_FIELD_IDS.kvkNumber, '': SIGNAL_FIELD_IDS.kvkNumber },
  person: { name: SIGNAL_FIELD_IDS.personName, birthDate: SIGNAL_FIELD_IDS.personBirthDate, '': SIGNAL_FIELD_IDS.personName },
  vehicle: { kenteken: SIGNAL_FIELD_IDS.kenteken, '': SIGNAL_FIELD_IDS.kenteken },
};

/** The form input a problem of the intake API belongs to, from its dotted `field` path. */
export function signalFieldIdFor(field: string, subjectSlots: readonly SubjectSlot[]): string | undefined {
  const [head, second, third] = field.split('.');
  switch (head ?? '') {
    case 'location':
      if (second === 'postcode' || second === undefined) return SIGNAL_FIELD_IDS.postcode;
      if (second === 'huisnummer') return third === 'toevoeging' ? SIGNAL_FIELD_IDS.toevoeging : SIGNAL_FIELD_IDS.huisnummer;
      return SIGNAL_FIELD_IDS.postcode;
    case 'subjects': {
      const slot = second === undefined ? 'business' : subjectSlots[Number(second)];
      return slot === undefined ? SIGNAL_FIELD_IDS.kvkNumber : SUBJECT_FIELDS[slot][third ?? ''] ?? SUBJECT_FIELDS[slot][''];
    }
    case 'indicators':
      return SIGNAL_FIELD_IDS.indicators;
    case 'freeText':
      return SIGNAL_FIELD_IDS.freeText;
    case 'distribution':
      return SIGNAL_FIELD_IDS.recipients;
    case 'municipality':
      return SIGNAL_FIELD_IDS.municipality;
    default:
      return undefined;
  }
}

/** Problems as errors on the form; a local problem replaces the service's on the same field. */
export function signalFormErrors(
  problems: readonly ValidationProblem[],
  draft: SignalDraft,
  anchors: Readonly<Record<string, string>>,
): FieldError[] {
  const local = draft.localProblems.map((problem) => ({ problem, fieldId: signalFieldIdFor(problem.field, draft.subjectSlots) }));
  const localFields = new Set(local.map((entry) => entry.fieldId));
  const remote = problems
    .map((problem) => ({ problem, fieldId: signalFieldIdFor(problem.field, draft.subjectSlots) }))
    .filter((entry) => !localFields.has(entry.fieldId));
  const order = Object.values(SIGNAL_FIELD_IDS) as string[];
  const position = (fieldId: string | undefined): number => (fieldId === undefined ? -1 : order.indexOf(fieldId));
  return distinctErrors(
    [...local, ...remote]
      // The summary lists errors in the order of the form, so it reads like the page.
      .sort((a, b) => position(a.fieldId) - position(b.fieldId))
      .map(({ problem, fieldId }) => ({
        fieldId,
        message: problem.message,
        ...(fieldId !== undefined && anchors[fieldId] !== undefined ? { anchor: anchors[fieldId] } : {}),
      })),
  );
}
