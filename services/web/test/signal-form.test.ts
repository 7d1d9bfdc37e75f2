import { describe, expect, it } from 'vitest';
import { emptySignalForm, signalDraft, signalFieldIdFor, signalFormErrors, type SignalFormValues } from '../src/forms/signal-form.js';

function form(overrides: Partial<SignalFormValues> = {}): SignalFormValues {
  return { ...emptySignalForm('autobranche', 'soest', ['gemeente-soest', 'politie-bes']), ...overrides };
}

describe(signalDraft.name, () => {
  it('builds a submission with the business always, and person and vehicle only when filled in', () => {
    const sut = signalDraft(form({ postcode: ' 3762 ab ', huisnummer: '12', toevoeging: 'A', kvkNumber: '12345678', kenteken: 'AB-123-C', indicators: ['stroman'] }));
    expect(sut.submission).toEqual({
      municipality: 'soest',
      theme: 'autobranche',
      location: { postcode: '3762 ab', huisnummer: { number: 12, toevoeging: 'A' } },
      subjects: [
        { kind: 'business', kvkNumber: '12345678' },
        { kind: 'vehicle', kenteken: 'AB-123-C' },
      ],
      indicators: ['stroman'],
      freeText: '',
      distribution: { recipients: ['gemeente-soest', 'politie-bes'] },
    });
    expect(sut.subjectSlots).toEqual(['business', 'vehicle']);
    expect(sut.localProblems).toEqual([]);
  });

  it('reports a house number with letters itself and leaves the number out', () => {
    const sut = signalDraft(form({ huisnummer: '12a' }));
    expect(sut.localProblems).toEqual([expect.objectContaining({ field: 'location.huisnummer.number' })]);
    expect(sut.submission.location).toEqual({ postcode: '', huisnummer: {} });
  });
});

describe(signalFieldIdFor.name, () => {
  it('finds the form field of each problem path of the intake API', () => {
    const slots = ['business', 'person', 'vehicle'] as const;
    expect(signalFieldIdFor('subjects.0.kvkNumber', slots)).toBe('kvk-nummer');
    expect(signalFieldIdFor('subjects.1.birthDate', slots)).toBe('persoon-geboortedatum');
    expect(signalFieldIdFor('subjects.2.kenteken', slots)).toBe('kenteken');
    expect(signalFieldIdFor('subjects.1.kenteken', ['business', 'vehicle'])).toBe('kenteken');
    expect(signalFieldIdFor('location.postcode', slots)).toBe('postcode');
    expect(signalFieldIdFor('location.huisnummer.number', slots)).toBe('huisnummer');
    expect(signalFieldIdFor('location.huisnummer.toevoeging', slots)).toBe('toevoeging');
    expect(signalFieldIdFor('indicators.3', slots)).toBe('indicatoren');
    expect(signalFieldIdFor('distribution.recipients', slots)).toBe('ontvangers');
    expect(signalFieldIdFor('Idempotency-Key', slots)).toBeUndefined();
  });
});

describe(signalFormErrors.name, () => {
  it('lists errors in form order and lets a local problem replace the service one on the same field', () => {
    const draft = signalDraft(form({ huisnummer: 'twaalf' }));
    const sut = signalFormErrors(
      [
        { field: 'subjects.0.kvkNumber', rule: 'KvK number must be 8 digits', message: 'KvK-nummer moet 8 cijfers zijn' },
        { field: 'location.huisnummer.number', rule: 'is required', message: 'Dit veld is verplicht' },
        { field: 'location.postcode', rule: 'postcode', message: 'Postcode moet 4 cijfers en 2 letters zijn' },
      ],
      draft,
      {},
    );
    expect(sut).toEqual([
      { fieldId: 'postcode', message: 'Postcode moet 4 cijfers en 2 letters zijn' },
      { fieldId: 'huisnummer', message: 'Vul een huisnummer in met alleen cijfers, bijvoorbeeld 12' },
      { fieldId: 'kvk-nummer', message: 'KvK-nummer moet 8 cijfers zijn' },
    ]);
  });
});
