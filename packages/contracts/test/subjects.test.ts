import { describe, expect, it } from 'vitest';
import { BirthDate, PersonName, Subject, Vestigingsnummer, validate } from '../src/index.js';
import { CANARY, textOf } from './fixtures.js';

describe('Subject', () => {
  const sut = Subject;

  it('accepts a business with only a KvK number', () => {
    expect(sut.parse({ kind: 'business', kvkNumber: '12.34.56.78' })).toEqual({ kind: 'business', kvkNumber: '12345678' });
  });

  it('accepts a person and keeps the name as written, whitespace tidied', () => {
    expect(sut.parse({ kind: 'person', name: ' Fatima  El  Amrani ', birthDate: '1990-12-31' })).toEqual({
      kind: 'person',
      name: 'Fatima El Amrani',
      birthDate: '1990-12-31',
    });
  });

  it('accepts a vehicle and canonicalises the kenteken', () => {
    expect(sut.parse({ kind: 'vehicle', kenteken: '1-abc-23' })).toEqual({ kind: 'vehicle', kenteken: '1ABC23' });
  });

  it('rejects fields of another kind of subject', () => {
    expect(sut.safeParse({ kind: 'vehicle', kenteken: 'AB123C', kvkNumber: '12345678' }).success).toBe(false);
  });

  it('rejects a person born in the future, naming the field and rule', () => {
    const result = validate(sut, { kind: 'person', name: 'Jan', birthDate: '2999-01-01' });
    expect(result).toEqual({
      success: false,
      problems: [
        {
          field: 'birthDate',
          rule: 'birth date must be a real date written YYYY-MM-DD, from 1900-01-01 up to today',
          message: 'Geboortedatum moet een bestaande datum zijn (JJJJ-MM-DD), niet in de toekomst en niet vóór 1900',
        },
      ],
    });
  });

  it('rejects a person name with digits without echoing it', () => {
    const result = validate(sut, { kind: 'person', name: `${CANARY} 2`, birthDate: '1990-01-01' });
    expect(result.success).toBe(false);
    if (!result.success) {
      expect(result.problems.map((problem) => problem.field)).toEqual(['name']);
      expect(textOf(result)).not.toContain(CANARY);
    }
  });

  it('rejects a trade name over 200 characters', () => {
    const result = validate(sut, { kind: 'business', kvkNumber: '12345678', tradeName: 'x'.repeat(201) });
    expect(result).toEqual({
      success: false,
      problems: [{ field: 'tradeName', rule: 'must be at most 200 (string)', message: 'Maximaal 200 tekens' }],
    });
  });
});

describe('PersonName', () => {
  it('rejects oversize input before canonicalising it', () => {
    const result = validate(PersonName, 'a'.repeat(100_000));
    expect(result.success).toBe(false);
  });
});

describe('BirthDate', () => {
  it('rejects an impossible date', () => {
    expect(BirthDate.safeParse('1981-02-29').success).toBe(false);
  });
});

describe('Vestigingsnummer', () => {
  it('accepts 12 digits with spaces and rejects other lengths', () => {
    expect(Vestigingsnummer.parse('0000 1234 5678')).toBe('000012345678');
    expect(validate(Vestigingsnummer, '12345678')).toEqual({
      success: false,
      problems: [{ field: '', rule: 'vestigingsnummer must be 12 digits', message: 'Vestigingsnummer moet 12 cijfers zijn' }],
    });
  });
});
