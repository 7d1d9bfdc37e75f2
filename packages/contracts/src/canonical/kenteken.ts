import { CanonicalisationError, type CanonicalRule } from './canonicalisation-error.js';

/**
 * Canonical kenteken: 6 uppercase letters or digits, no dashes. Every Dutch sidecode (1 to 14, e.g.
 * `XX-99-99`, `99-XXX-9`, `X-999-XX`) is 6 alphanumerics once the dashes are removed, so the dash
 * positions carry no information and are dropped; which sidecode applies is not checked.
 */
export const KENTEKEN_PATTERN = /^[A-Z0-9]{6}$/;

export const KENTEKEN_RULE: CanonicalRule = {
  rule: 'kenteken must be 6 letters or digits (dashes and spaces are ignored)',
  ruleNl: 'Kenteken moet uit 6 letters of cijfers bestaan (streepjes en spaties tellen niet mee)',
};

export const KENTEKEN_MAX_INPUT_LENGTH = 20;

/** Kenteken → uppercase, dashes and spaces removed, 6 letters/digits; anything else is rejected. */
export function canonicalKenteken(input: string, field = 'kenteken'): string {
  const stripped = input.length > KENTEKEN_MAX_INPUT_LENGTH ? input : input.replace(/[\s-]/g, '');
  // Checked before uppercasing: toUpperCase() turns e.g. `ß` into `SS`, which would smuggle a letter in.
  if (!/^[A-Za-z0-9]{6}$/.test(stripped)) {
    throw new CanonicalisationError(field, KENTEKEN_RULE);
  }
  return stripped.toUpperCase();
}
