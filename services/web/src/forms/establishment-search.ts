import type { ValidationProblem } from '@signaalhub/contracts';
import { errorsOnFields, type FieldError, type NamedField } from './field-errors.js';

/** The establishments search (query of `GET /vestigingen`): what was typed, and the registry's problems next to the field. */
export interface EstablishmentSearchValues {
  readonly tradeName: string;
  readonly kvkNumber: string;
  readonly vestigingsnummer: string;
  readonly postcode: string;
}

export const ESTABLISHMENT_SEARCH_FIELD_IDS = {
  tradeName: 'zoek-handelsnaam',
  kvkNumber: 'zoek-kvk-nummer',
  vestigingsnummer: 'zoek-vestigingsnummer',
  postcode: 'zoek-postcode',
} as const;

const FIELDS: Readonly<Record<string, NamedField>> = {
  tradeName: { id: ESTABLISHMENT_SEARCH_FIELD_IDS.tradeName, label: 'Handelsnaam' },
  kvkNumber: { id: ESTABLISHMENT_SEARCH_FIELD_IDS.kvkNumber, label: 'KvK-nummer' },
  vestigingsnummer: { id: ESTABLISHMENT_SEARCH_FIELD_IDS.vestigingsnummer, label: 'Vestigingsnummer' },
  postcode: { id: ESTABLISHMENT_SEARCH_FIELD_IDS.postcode, label: 'Postcode' },
};

export function establishmentSearchErrors(problems: readonly ValidationProblem[]): FieldError[] {
  return errorsOnFields(problems, (field) => FIELDS[field]);
}
