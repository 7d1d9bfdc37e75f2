import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CanonicalisationError, canonicalKvkNumber } from '../src/index.js';
import { CANARY } from './fixtures.js';

function rejectionOf(input: string): CanonicalisationError {
  try {
    canonicalKvkNumber(input);
  } catch (error) {
    if (error instanceof CanonicalisationError) return error;
    throw error;
  }
  throw new Error('expected a CanonicalisationError');
}

describe(canonicalKvkNumber.name, () => {
  const sut = canonicalKvkNumber;

  it('keeps an 8-digit number as it is, leading zeros included', () => {
    expect(sut('01234567')).toBe('01234567');
  });

  it('strips spaces and dots people copy from letters', () => {
    expect(sut(' 1234 5678 ')).toBe('12345678');
    expect(sut('12.34.56.78')).toBe('12345678');
  });

  it('accepts every random 8-digit string', () => {
    fc.assert(fc.property(fc.stringMatching(/^[0-9]{8}$/), (digits) => sut(digits) === digits));
  });

  it('rejects digit strings of any other length', () => {
    const otherLength = fc.integer({ min: 0, max: 30 }).filter((length) => length !== 8);
    fc.assert(
      fc.property(
        otherLength.chain((length) => fc.string({ unit: fc.constantFrom('0', '1', '2', '3', '4', '5', '6', '7', '8', '9'), minLength: length, maxLength: length })),
        (digits) => {
          expect(() => sut(digits)).toThrow(CanonicalisationError);
        },
      ),
    );
  });

  it('rejects letters, dashes and other characters', () => {
    for (const input of ['1234567A', '1234-5678', '１２３４５６７８', '12345678\u0000', '']) {
      expect(() => sut(input)).toThrow(CanonicalisationError);
    }
  });

  it('is idempotent', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9]{2}[ .]?[0-9]{2}[ .]?[0-9]{4}$/), (input) => sut(sut(input)) === sut(input)),
    );
  });

  it('rejects with the field and the rule in English and Dutch, never the input', () => {
    const error = rejectionOf(`${CANARY}123`);
    expect(error.field).toBe('kvkNumber');
    expect(error.rule).toBe('KvK number must be 8 digits');
    expect(error.ruleNl).toBe('KvK-nummer moet 8 cijfers zijn');
    expect(`${error.message} ${error.rule} ${error.ruleNl} ${String(error.stack)}`).not.toContain(CANARY);
  });

  it('names the field it was called for', () => {
    expect(() => canonicalKvkNumber('x', 'subjects.0.kvkNumber')).toThrow(/^subjects\.0\.kvkNumber: /);
  });

  it('rejects oversize input without echoing it', () => {
    const huge = `${CANARY}${' '.repeat(10_000)}12345678`;
    expect(rejectionOf(huge).message).not.toContain(CANARY);
  });
});
