import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ADDRESS_KEY_PATTERN,
  CanonicalisationError,
  canonicalAddress,
  canonicalHuisnummer,
  canonicalPostcode,
  canonicalToevoeging,
} from '../src/index.js';
import { CANARY } from './fixtures.js';

function rejectionOf(run: () => unknown): CanonicalisationError {
  try {
    run();
  } catch (error) {
    if (error instanceof CanonicalisationError) return error;
    throw error;
  }
  throw new Error('expected a CanonicalisationError');
}

const postcodes = fc.stringMatching(/^[1-9][0-9]{3}[A-Z]{2}$/).filter((code) => !/(SA|SD|SS)$/.test(code));

describe(canonicalPostcode.name, () => {
  const sut = canonicalPostcode;

  it('accepts a postcode in any case, with or without a space', () => {
    expect(sut('3761AB')).toBe('3761AB');
    expect(sut('3761 ab')).toBe('3761AB');
    expect(sut(' 3761\tAb ')).toBe('3761AB');
  });

  it('rejects a postcode starting with 0', () => {
    expect(() => sut('0761AB')).toThrow(CanonicalisationError);
  });

  it('rejects the letter pairs SA, SD and SS that PostNL never issues', () => {
    for (const input of ['3761SA', '3761 sd', '3761ss']) expect(() => sut(input)).toThrow(CanonicalisationError);
    expect(sut('3761SB')).toBe('3761SB');
  });

  it('rejects other shapes', () => {
    for (const input of ['376AB', '37611AB', '3761A', '3761ABC', '3761-AB', '3761ÄB', 'ABCD12', '']) {
      expect(() => sut(input)).toThrow(CanonicalisationError);
    }
  });

  it('is idempotent on every valid postcode and case-insensitive', () => {
    fc.assert(
      fc.property(postcodes, (code) => {
        expect(sut(code.toLowerCase())).toBe(code);
        expect(sut(sut(code))).toBe(code);
      }),
    );
  });

  it('rejects with the field and the rule, never the input', () => {
    const error = rejectionOf(() => sut(CANARY));
    expect(error.field).toBe('postcode');
    expect(error.ruleNl).toContain('Postcode moet 4 cijfers');
    expect(`${error.message}${error.ruleNl}`).not.toContain(CANARY);
  });
});

describe(canonicalHuisnummer.name, () => {
  const sut = canonicalHuisnummer;

  it('accepts whole numbers from 1 to 99999', () => {
    expect(sut(1)).toBe('1');
    expect(sut(99_999)).toBe('99999');
  });

  it('rejects 0, negative, fractional, too large and non-finite numbers', () => {
    for (const input of [0, -1, 1.5, 100_000, Number.NaN, Number.POSITIVE_INFINITY]) {
      const error = rejectionOf(() => sut(input));
      expect(error.field).toBe('huisnummer');
      expect(error.ruleNl).toBe('Huisnummer moet een heel getal van 1 tot en met 99999 zijn');
    }
  });
});

describe(canonicalToevoeging.name, () => {
  const sut = canonicalToevoeging;

  it('uppercases and drops the separators people type', () => {
    expect(sut('a')).toBe('A');
    expect(sut('-a')).toBe('A');
    expect(sut(' bis ')).toBe('BIS');
    expect(sut('1-hg')).toBe('1HG');
    expect(sut('/2')).toBe('2');
  });

  it('rejects an empty, too long or non-alphanumeric toevoeging', () => {
    for (const input of ['', '-', 'ABCDE', 'a+b', 'é']) expect(() => sut(input)).toThrow(CanonicalisationError);
  });
});

describe(canonicalAddress.name, () => {
  const sut = canonicalAddress;

  it('joins postcode and huisnummer with a dash', () => {
    expect(sut({ postcode: '3761 ab', huisnummer: 12 })).toBe('3761AB-12');
  });

  it('adds the toevoeging after a second dash, so 12-1 differs from 121', () => {
    expect(sut({ postcode: '3761AB', huisnummer: 12, toevoeging: 'a' })).toBe('3761AB-12-A');
    expect(sut({ postcode: '3761AB', huisnummer: 12, toevoeging: '1' })).not.toBe(sut({ postcode: '3761AB', huisnummer: 121 }));
  });

  it('treats a blank toevoeging as none', () => {
    expect(sut({ postcode: '3761AB', huisnummer: 12, toevoeging: '  ' })).toBe('3761AB-12');
  });

  it('yields the documented key pattern and is stable under re-canonicalised parts', () => {
    fc.assert(
      fc.property(
        postcodes,
        fc.integer({ min: 1, max: 99_999 }),
        fc.option(fc.stringMatching(/^[a-zA-Z0-9]{1,4}$/), { nil: undefined }),
        (postcode, huisnummer, toevoeging) => {
          const key = sut({ postcode, huisnummer, toevoeging });
          expect(key).toMatch(ADDRESS_KEY_PATTERN);
          const again = sut({
            postcode: canonicalPostcode(postcode),
            huisnummer,
            toevoeging: toevoeging === undefined ? undefined : canonicalToevoeging(toevoeging),
          });
          expect(again).toBe(key);
        },
      ),
    );
  });

  it('rejects by the first bad part and names it', () => {
    expect(rejectionOf(() => sut({ postcode: '3761AB', huisnummer: 0 })).field).toBe('huisnummer');
    expect(rejectionOf(() => sut({ postcode: '3761AB', huisnummer: 1, toevoeging: 'TOOLONG' })).field).toBe('toevoeging');
  });
});
