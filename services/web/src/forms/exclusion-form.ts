import type { ValidationProblem } from '@signaalhub/contracts';
import { errorsOnFields, type FieldError, type NamedField } from './field-errors.js';
import { text, type FormBody } from './form-body.js';

export type ExclusionKind = 'kvk' | 'kenteken' | 'address';

export const EXCLUSION_KIND_LABELS: Readonly<Record<ExclusionKind, string>> = {
  kvk: 'Onderneming (KvK-nummer)',
  kenteken: 'Voertuig (kenteken)',
  address: 'Adres',
};

/** The form as typed, so a refused form comes back filled in. */
export interface ExclusionFormValues {
  readonly exclusionKind: string;
  readonly kvkNumber: string;
  readonly kenteken: string;
  readonly postcode: string;
  readonly huisnummer: string;
  readonly toevoeging: string;
  readonly label: string;
}

export const EXCLUSION_FIELD_IDS = {
  exclusionKind: 'soort',
  kvkNumber: 'kvk-nummer',
  kenteken: 'kenteken',
  postcode: 'postcode',
  huisnummer: 'huisnummer',
  toevoeging: 'toevoeging',
  label: 'omschrijving',
} as const;

export const emptyExclusionForm = (): ExclusionFormValues => ({ exclusionKind: '', kvkNumber: '', kenteken: '', postcode: '', huisnummer: '', toevoeging: '', label: '' });

export function exclusionFormFromBody(body: FormBody): ExclusionFormValues {
  return {
    exclusionKind: text(body, 'exclusionKind'),
    kvkNumber: text(body, 'kvkNumber'),
    kenteken: text(body, 'kenteken'),
    postcode: text(body, 'postcode'),
    huisnummer: text(body, 'huisnummer'),
    toevoeging: text(body, 'toevoeging'),
    label: text(body, 'label'),
  };
}

/**
 * The feed's ExclusionRequest from the form: only the fields of the chosen kind. The feed canonicalises
 * and checks them (400 naming the field); a house number that is no whole number is refused here, since
 * the request carries it as a number.
 */
export function exclusionRequest(values: ExclusionFormValues): { readonly request?: Record<string, unknown>; readonly problems: ValidationProblem[] } {
  const label = values.label;
  if (values.exclusionKind === 'kvk') return { request: { kind: 'kvk', kvkNumber: values.kvkNumber, label }, problems: [] };
  if (values.exclusionKind === 'kenteken') return { request: { kind: 'kenteken', kenteken: values.kenteken, label }, problems: [] };
  if (values.exclusionKind === 'address') {
    const huisnummer = values.huisnummer.trim();
    if (!/^\d{1,6}$/.test(huisnummer)) {
      return { problems: [{ field: 'huisnummer.number', rule: 'must be a whole number', message: 'Vul een huisnummer in met alleen cijfers, bijvoorbeeld 12' }] };
    }
    const toevoeging = values.toevoeging.trim();
    return { request: { kind: 'address', postcode: values.postcode, huisnummer: { number: Number(huisnummer), ...(toevoeging === '' ? {} : { toevoeging }) }, label }, problems: [] };
  }
  return { problems: [{ field: 'kind', rule: 'must be one of kvk, kenteken, address', message: 'Kies wat u wilt uitsluiten' }] };
}

const FIELDS: Readonly<Record<string, NamedField>> = {
  kind: { id: `${EXCLUSION_FIELD_IDS.exclusionKind}-kvk`, label: 'Soort' },
  kvkNumber: { id: EXCLUSION_FIELD_IDS.kvkNumber, label: 'KvK-nummer' },
  kenteken: { id: EXCLUSION_FIELD_IDS.kenteken, label: 'Kenteken' },
  postcode: { id: EXCLUSION_FIELD_IDS.postcode, label: 'Postcode' },
  huisnummer: { id: EXCLUSION_FIELD_IDS.huisnummer, label: 'Huisnummer' },
  toevoeging: { id: EXCLUSION_FIELD_IDS.toevoeging, label: 'Toevoeging' },
  label: { id: EXCLUSION_FIELD_IDS.label, label: 'Omschrijving' },
};

/** The feed's problems (`huisnummer.number`, `kvkNumber`, …) next to the form's fields. */
export function exclusionFormErrors(problems: readonly ValidationProblem[]): FieldError[] {
  return errorsOnFields(problems, (field) => {
    const [first = '', second] = field.split('.');
    if (first === 'huisnummer' && second === 'toevoeging') return FIELDS.toevoeging;
    return FIELDS[first];
  });
}
