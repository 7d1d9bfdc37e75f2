import { CanonicalisationError, type CanonicalRule } from './canonicalisation-error.js';

/** Canonical KvK number: exactly 8 digits (leading zeros are significant). */
export const KVK_NUMBER_PATTERN = /^[0-9]{8}$/;

export const KVK_NUMBER_RULE: CanonicalRule = {
  rule: 'KvK number must be 8 digits',
  ruleNl: 'KvK-nummer moet 8 cijfers zijn',
};

/** Longest input worth looking at; anything longer is rejected before any processing. */
export const KVK_NUMBER_MAX_INPUT_LENGTH = 32;

/**
 * KvK number → 8 digits. People copy numbers from letters and the register with spaces or dots
 * (`1234 5678`, `12.34.56.78`), so those are stripped; anything else is rejected.
 */
export function canonicalKvkNumber(input: string, field = 'kvkNumber'): string {
  const stripped = input.length > KVK_NUMBER_MAX_INPUT_LENGTH ? input : input.replace(/[\s.]/g, '');
  if (!KVK_NUMBER_PATTERN.test(stripped)) {
    throw new CanonicalisationError(field, KVK_NUMBER_RULE);
  }
  return stripped;
}
