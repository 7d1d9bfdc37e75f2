import { CanonicalisationError, type CanonicalRule } from './canonicalisation-error.js';

/**
 * Canonical Dutch postcode: 4 digits (the first not 0) and 2 uppercase letters, no space. PostNL never
 * issues the letter pairs SA, SD and SS. Written without look-ahead so RE2-based validators (Go) can
 * use the same pattern from the JSON Schema.
 */
export const POSTCODE_PATTERN = /^[1-9][0-9]{3}(?:[A-RT-Z][A-Z]|S[BCE-RT-Z])$/;

/**
 * Canonical toevoeging: 1 to 4 uppercase letters or digits. It covers the BAG huisletter (one letter)
 * and huisnummertoevoeging (up to 4 characters) in one field, e.g. `A`, `1HG`, `BIS`.
 */
export const TOEVOEGING_PATTERN = /^[A-Z0-9]{1,4}$/;

/**
 * Canonical address key: `<postcode>-<huisnummer>` or `<postcode>-<huisnummer>-<toevoeging>`, e.g.
 * `3761AB-12` and `3761AB-12-A`. The dash before the toevoeging keeps `12-1` (number 12, toevoeging 1)
 * apart from `121`.
 */
export const ADDRESS_KEY_PATTERN = /^[1-9][0-9]{3}(?:[A-RT-Z][A-Z]|S[BCE-RT-Z])-[1-9][0-9]{0,4}(?:-[A-Z0-9]{1,4})?$/;

export const HUISNUMMER_MIN = 1;
export const HUISNUMMER_MAX = 99_999;

export const ADDRESS_MAX_INPUT_LENGTH = 16;

export const POSTCODE_RULE: CanonicalRule = {
  rule: 'postcode must be 4 digits (not starting with 0) followed by 2 letters, not SA, SD or SS',
  ruleNl: 'Postcode moet 4 cijfers (niet beginnend met 0) en 2 letters zijn, zoals 3761 AB',
};

export const HUISNUMMER_RULE: CanonicalRule = {
  rule: `huisnummer must be a whole number from ${HUISNUMMER_MIN} to ${HUISNUMMER_MAX}`,
  ruleNl: `Huisnummer moet een heel getal van ${HUISNUMMER_MIN} tot en met ${HUISNUMMER_MAX} zijn`,
};

export const TOEVOEGING_RULE: CanonicalRule = {
  rule: 'toevoeging must be 1 to 4 letters or digits',
  ruleNl: 'Toevoeging moet 1 tot 4 letters of cijfers zijn',
};

/** Postcode → `1234AB`: case-insensitive, spaces ignored (`3761 ab` → `3761AB`). */
export function canonicalPostcode(input: string, field = 'postcode'): string {
  const stripped = input.length > ADDRESS_MAX_INPUT_LENGTH ? input : input.replace(/\s/g, '');
  // Checked before uppercasing so non-ASCII letters cannot turn into ASCII ones.
  if (!/^[0-9]{4}[A-Za-z]{2}$/.test(stripped) || !POSTCODE_PATTERN.test(stripped.toUpperCase())) {
    throw new CanonicalisationError(field, POSTCODE_RULE);
  }
  return stripped.toUpperCase();
}

/** Huisnummer → decimal string without leading zeros, 1 to 99999. */
export function canonicalHuisnummer(input: number, field = 'huisnummer'): string {
  if (!Number.isInteger(input) || input < HUISNUMMER_MIN || input > HUISNUMMER_MAX) {
    throw new CanonicalisationError(field, HUISNUMMER_RULE);
  }
  return String(input);
}

/**
 * Toevoeging → 1 to 4 uppercase letters/digits. Separators people type (`12-a`, `12 bis`, `12/1`)
 * are dropped, so `-a`, ` A` and `a` all become `A`.
 */
export function canonicalToevoeging(input: string, field = 'toevoeging'): string {
  const stripped = input.length > ADDRESS_MAX_INPUT_LENGTH ? input : input.replace(/[\s\-/]/g, '');
  if (!/^[A-Za-z0-9]{1,4}$/.test(stripped)) {
    throw new CanonicalisationError(field, TOEVOEGING_RULE);
  }
  return stripped.toUpperCase();
}

export interface AddressInput {
  readonly postcode: string;
  readonly huisnummer: number;
  readonly toevoeging?: string | undefined;
}

/** Postcode + huisnummer (+ toevoeging) → the address key used for matching, e.g. `3761AB-12-A`. */
export function canonicalAddress(address: AddressInput): string {
  const parts = [canonicalPostcode(address.postcode), canonicalHuisnummer(address.huisnummer)];
  if (address.toevoeging !== undefined && address.toevoeging.trim() !== '') {
    parts.push(canonicalToevoeging(address.toevoeging));
  }
  return parts.join('-');
}
