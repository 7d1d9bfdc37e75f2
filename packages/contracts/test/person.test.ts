import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CanonicalisationError,
  canonicalBirthDate,
  canonicalPerson,
  canonicalPersonName,
  displayPersonName,
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

const nameWords = fc.array(fc.stringMatching(/^[A-Za-zéëèïöüçñÅØß]{1,12}$/), { minLength: 1, maxLength: 5 });
const whitespace = fc.stringMatching(/^[ \t\n]{1,3}$/);

describe(canonicalPersonName.name, () => {
  const sut = canonicalPersonName;

  it('trims, collapses whitespace, lowercases and strips diacritics', () => {
    expect(sut('  José  de\tVriës ')).toBe('jose de vries');
    expect(sut('ÇELİK')).toBe('celik');
  });

  it('makes typographic apostrophes and dashes ASCII', () => {
    expect(sut('D’Ancona–Smit')).toBe("d'ancona-smit");
  });

  it('keeps initials with dots', () => {
    expect(sut('J.H. van der Berg')).toBe('j.h. van der berg');
  });

  it('rejects digits, symbols, empty names and names over 200 characters', () => {
    for (const input of ['Jan 2', 'Jan <script>', '   ', '', 'a'.repeat(201), '-jan']) {
      expect(() => sut(input)).toThrow(CanonicalisationError);
    }
  });

  it('is idempotent', () => {
    fc.assert(
      fc.property(nameWords, whitespace, (words, gap) => {
        const canonical = sut(words.join(gap));
        expect(sut(canonical)).toBe(canonical);
      }),
    );
  });

  it('ignores case and accents when deciding whether two names are the same person', () => {
    fc.assert(
      fc.property(nameWords, (words) => {
        const name = words.join(' ');
        expect(sut(name.toUpperCase())).toBe(sut(name.toLowerCase()));
      }),
    );
  });

  it('stays fast on a pathological separator run', () => {
    // A regex with nested quantifiers would backtrack exponentially here; this one must simply say no.
    expect(() => sut(`a${'-'.repeat(150)}1`)).toThrow(CanonicalisationError);
  });

  it('rejects with the field and the rule, never the input', () => {
    const error = rejectionOf(() => sut(`${CANARY} 007`));
    expect(error.field).toBe('name');
    expect(error.ruleNl).toMatch(/^Naam moet/);
    expect(`${error.message}${error.ruleNl}`).not.toContain(CANARY);
  });
});

describe(displayPersonName.name, () => {
  it('keeps spelling and case but tidies whitespace', () => {
    expect(displayPersonName('  José  de\nVriës ')).toBe('José de Vriës');
  });
});

describe(canonicalBirthDate.name, () => {
  const today = '2025-06-01';
  const sut = (input: string): string => canonicalBirthDate(input, 'birthDate', today);

  it('accepts a real date up to today', () => {
    expect(sut('1980-02-29')).toBe('1980-02-29');
    expect(sut(today)).toBe(today);
    expect(sut(' 1900-01-01 ')).toBe('1900-01-01');
  });

  it('rejects dates that do not exist', () => {
    for (const input of ['1981-02-29', '1980-13-01', '1980-04-31', '1980-00-10', '1900-02-29']) {
      expect(() => sut(input)).toThrow(CanonicalisationError);
    }
  });

  it('rejects a date in the future', () => {
    expect(() => sut('2025-06-02')).toThrow(CanonicalisationError);
  });

  it('rejects a date before 1900 as a typing error', () => {
    expect(() => sut('1899-12-31')).toThrow(CanonicalisationError);
  });

  it('rejects other notations', () => {
    for (const input of ['29-02-1980', '1980/02/29', '1980-2-9', '19800229', '1980-02-29T00:00:00Z', '']) {
      expect(() => sut(input)).toThrow(CanonicalisationError);
    }
  });

  it('accepts every real date between 1900 and today, and is idempotent', () => {
    const dates = fc
      .date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date(`${today}T00:00:00Z`), noInvalidDate: true })
      .map((date) => date.toISOString().slice(0, 10));
    fc.assert(fc.property(dates, (date) => sut(sut(date)) === date));
  });

  it('uses the real clock when no date is given', () => {
    expect(() => canonicalBirthDate('2999-01-01')).toThrow(CanonicalisationError);
    expect(canonicalBirthDate('1980-02-29')).toBe('1980-02-29');
  });

  it('rejects with the field and the rule, never the input', () => {
    const error = rejectionOf(() => sut(`${CANARY}-01-01`));
    expect(error.field).toBe('birthDate');
    expect(error.ruleNl).toMatch(/^Geboortedatum moet een bestaande datum zijn/);
    expect(`${error.message}${error.ruleNl}`).not.toContain(CANARY);
  });
});

describe(canonicalPerson.name, () => {
  it('joins the canonical name and the birth date with a bar', () => {
    expect(canonicalPerson({ name: ' Jan  de Vriës', birthDate: '1980-02-29' }, '2025-01-01')).toBe('jan de vries|1980-02-29');
  });

  it('names the birth date when only the birth date is wrong', () => {
    expect(rejectionOf(() => canonicalPerson({ name: 'Jan', birthDate: '1980-02-30' })).field).toBe('birthDate');
  });
});
