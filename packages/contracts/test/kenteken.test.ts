import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CanonicalisationError, KENTEKEN_PATTERN, canonicalKenteken } from '../src/index.js';
import { CANARY } from './fixtures.js';

describe(canonicalKenteken.name, () => {
  const sut = canonicalKenteken;

  it('normalises every sidecode to 6 uppercase characters without dashes', () => {
    expect(sut('XX-99-99')).toBe('XX9999');
    expect(sut('99-xxx-9')).toBe('99XXX9');
    expect(sut('x-999-xx')).toBe('X999XX');
    expect(sut(' 12 ab 34 ')).toBe('12AB34');
  });

  it('rejects plates that are not 6 letters or digits', () => {
    for (const input of ['AB-12-C', 'AB-12-CDE', 'AB_123', 'AB.12.CD', 'ÄB-12-CD', '', '------']) {
      expect(() => sut(input)).toThrow(CanonicalisationError);
    }
  });

  it('rejects a letter that only becomes ASCII when uppercased', () => {
    // 'ß'.toUpperCase() is 'SS': it must not make a 5-character plate valid.
    expect(() => sut('ßab12')).toThrow(CanonicalisationError);
  });

  it('is idempotent and always yields the canonical pattern', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Za-z0-9]{1,3}-?[A-Za-z0-9]{1,3}-?[A-Za-z0-9]{0,3}$/), (input) => {
        let canonical: string;
        try {
          canonical = sut(input);
        } catch (error) {
          expect(error).toBeInstanceOf(CanonicalisationError);
          return;
        }
        expect(canonical).toMatch(KENTEKEN_PATTERN);
        expect(sut(canonical)).toBe(canonical);
      }),
    );
  });

  it('rejects with the field and the rule, never the input', () => {
    try {
      sut(`${CANARY}-1`);
      expect.unreachable();
    } catch (error) {
      if (!(error instanceof CanonicalisationError)) throw error;
      expect(error.field).toBe('kenteken');
      expect(error.ruleNl).toMatch(/^Kenteken moet uit 6 letters of cijfers bestaan/);
      expect(`${error.message}${error.rule}${error.ruleNl}`).not.toContain(CANARY);
    }
  });
});
