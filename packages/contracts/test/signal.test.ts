import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Limits, Signal, SignalSubmission, validate, type ValidationProblem } from '../src/index.js';
import { CANARY, goodSignal, goodSubmission, textOf } from './fixtures.js';

function problemsOf(input: unknown): ValidationProblem[] {
  const result = validate(SignalSubmission, input);
  if (result.success) throw new Error('expected the submission to be rejected');
  return result.problems;
}

describe('SignalSubmission', () => {
  const sut = SignalSubmission;

  it('accepts a good submission and canonicalises its identifiers', () => {
    const parsed = sut.parse(goodSubmission());
    expect(parsed.location).toEqual({
      postcode: '3761AB',
      huisnummer: { number: 12, toevoeging: 'A' },
      coordinates: { lat: 52.17, lon: 5.3 },
    });
    expect(parsed.subjects).toEqual([
      { kind: 'business', kvkNumber: '12345678', tradeName: 'Autobedrijf De Eem', vestigingsnummer: '000012345678' },
      { kind: 'person', name: 'José de Vriës', birthDate: '1980-02-29' },
      { kind: 'vehicle', kenteken: 'AB123C' },
    ]);
  });

  it('is idempotent: parsing its own output changes nothing', () => {
    const once = sut.parse(goodSubmission());
    expect(sut.parse(once)).toEqual(once);
  });

  it('rejects the fields the server sets (id, reportedAt, reporter)', () => {
    const problems = problemsOf({ ...goodSubmission(), id: '3f1c2b7a-9d4e-4c1b-8a2f-6b5e4d3c2a10' });
    expect(problems).toEqual([
      { field: '', rule: 'must not contain unknown fields (1 found)', message: 'Bevat velden die hier niet zijn toegestaan' },
    ]);
  });

  it('rejects unknown fields in nested objects without echoing their names', () => {
    const input = { ...goodSubmission(), location: { ...goodSubmission().location, [CANARY]: 1 } };
    const problems = problemsOf(input);
    expect(problems.map((problem) => problem.field)).toEqual(['location']);
    expect(textOf(problems)).not.toContain(CANARY);
  });

  it('rejects a bad postcode naming the field and the Dutch rule, never the value', () => {
    const input = { ...goodSubmission(), location: { postcode: CANARY, huisnummer: { number: 1 } } };
    expect(problemsOf(input)).toEqual([
      {
        field: 'location.postcode',
        rule: 'postcode must be 4 digits (not starting with 0) followed by 2 letters, not SA, SD or SS',
        message: 'Postcode moet 4 cijfers (niet beginnend met 0) en 2 letters zijn, zoals 3761 AB',
      },
    ]);
  });

  it('rejects a bad KvK number on the subject it belongs to', () => {
    const input = { ...goodSubmission(), subjects: [{ kind: 'business', kvkNumber: `${CANARY}1` }] };
    const problems = problemsOf(input);
    expect(problems).toEqual([
      { field: 'subjects.0.kvkNumber', rule: 'KvK number must be 8 digits', message: 'KvK-nummer moet 8 cijfers zijn' },
    ]);
    expect(textOf(problems)).not.toContain(CANARY);
  });

  it('rejects an unknown subject kind', () => {
    const problems = problemsOf({ ...goodSubmission(), subjects: [{ kind: 'ship', name: 'x' }] });
    expect(problems.map((problem) => problem.field)).toEqual(['subjects.0.kind']);
  });

  it('rejects a signal without subjects and one with more than 20', () => {
    expect(problemsOf({ ...goodSubmission(), subjects: [] })).toEqual([
      {
        field: 'subjects',
        rule: 'at least one subject',
        message: 'Voeg minstens één betrokkene toe (bedrijf, persoon of voertuig)',
      },
    ]);
    const many = Array.from({ length: Limits.subjectsPerSignal + 1 }, () => ({ kind: 'vehicle', kenteken: 'AB123C' }));
    expect(problemsOf({ ...goodSubmission(), subjects: many })[0]?.field).toBe('subjects');
  });

  it('rejects an indicator that belongs to another theme, naming that item', () => {
    const input = { ...goodSubmission(), theme: 'autobranche', indicators: ['contante-betalingen', 'hennepgeur'] };
    expect(problemsOf(input)).toEqual([
      {
        field: 'indicators.1',
        rule: "indicator must belong to the signal's theme",
        message: 'Deze indicator hoort niet bij het gekozen thema',
      },
    ]);
  });

  it('accepts the same indicator under every theme whose checklist has it', () => {
    expect(sut.safeParse({ ...goodSubmission(), theme: 'horeca', indicators: ['contante-betalingen'] }).success).toBe(true);
  });

  it('rejects an unknown indicator code and a repeated one', () => {
    expect(problemsOf({ ...goodSubmission(), indicators: ['bestaat-niet'] })[0]?.field).toBe('indicators.0');
    expect(problemsOf({ ...goodSubmission(), indicators: ['stroman', 'stroman'] })[0]?.rule).toBe(
      'indicators must be distinct',
    );
  });

  it('rejects free text over 4000 characters', () => {
    expect(problemsOf({ ...goodSubmission(), freeText: 'x'.repeat(Limits.freeTextLength + 1) })).toEqual([
      {
        field: 'freeText',
        rule: 'free text must be at most 4000 characters',
        message: 'De toelichting mag maximaal 4000 tekens zijn',
      },
    ]);
    expect(sut.safeParse({ ...goodSubmission(), freeText: 'x'.repeat(Limits.freeTextLength) }).success).toBe(true);
  });

  it('rejects an empty or repeated distribution list', () => {
    expect(problemsOf({ ...goodSubmission(), distribution: { recipients: [] } })[0]?.message).toBe(
      'Kies minstens één ontvanger',
    );
    expect(problemsOf({ ...goodSubmission(), distribution: { recipients: ['riec-mn', 'riec-mn'] } })[0]?.rule).toBe(
      'recipients must be distinct',
    );
  });

  it('rejects coordinates outside the Netherlands', () => {
    const location = { ...goodSubmission().location, coordinates: { lat: 48.85, lon: 2.35 } };
    const problems = problemsOf({ ...goodSubmission(), location });
    expect(problems.map((problem) => problem.field)).toEqual(['location.coordinates.lat', 'location.coordinates.lon']);
    expect(problems[0]?.message).toBe('Coördinaten moeten in Nederland liggen');
  });

  it('reports a missing field as required, in Dutch', () => {
    const { theme: _omitted, ...input } = goodSubmission();
    expect(problemsOf(input)).toEqual([
      { field: 'theme', rule: 'is required', message: 'Dit veld is verplicht' },
    ]);
  });

  it('never echoes a planted canary in any rejected string field', () => {
    const withCanary = (text: string): unknown => {
      const base = goodSubmission();
      return [
        { ...base, municipality: text },
        { ...base, theme: text },
        { ...base, location: { ...base.location, postcode: text } },
        { ...base, location: { postcode: '3761AB', huisnummer: { number: 1, toevoeging: text } } },
        { ...base, subjects: [{ kind: 'business', kvkNumber: text }] },
        { ...base, subjects: [{ kind: 'person', name: `${text} 1`, birthDate: '1980-01-01' }] },
        { ...base, subjects: [{ kind: 'person', name: 'Jan', birthDate: text }] },
        { ...base, subjects: [{ kind: 'vehicle', kenteken: text }] },
        { ...base, indicators: [text] },
        { ...base, distribution: { recipients: [text] } },
      ];
    };
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), (noise) => {
        for (const input of withCanary(`${CANARY}${noise}`) as unknown[]) {
          expect(textOf(problemsOf(input))).not.toContain(CANARY);
        }
      }),
      { numRuns: 30 },
    );
  });
});

describe('Signal', () => {
  const sut = Signal;

  it('accepts a good signal', () => {
    const parsed = sut.parse(goodSignal());
    expect(parsed.reporter).toEqual({ party: 'gemeente-soest', userId: 'inspector-042' });
    expect(parsed.subjects[0]).toMatchObject({ kvkNumber: '12345678' });
  });

  it('accepts a reportedAt with an offset', () => {
    expect(sut.safeParse({ ...goodSignal(), reportedAt: '2025-03-14T10:30:00+01:00' }).success).toBe(true);
  });

  it('rejects a signal without id, reportedAt or reporter', () => {
    const result = validate(sut, goodSubmission());
    expect(result.success).toBe(false);
    if (!result.success) expect(result.problems.map((problem) => problem.field).sort()).toEqual(['id', 'reportedAt', 'reporter']);
  });

  it('rejects a malformed id, timestamp and reporter user id', () => {
    const result = validate(sut, {
      ...goodSignal(),
      id: 'not-a-uuid',
      reportedAt: '14-03-2025',
      reporter: { party: 'gemeente-soest', userId: 'jan@soest.nl' },
    });
    expect(result.success).toBe(false);
    if (!result.success) {
      expect(result.problems.map((problem) => [problem.field, problem.message])).toEqual([
        ['id', 'Moet een geldige UUID zijn'],
        ['reportedAt', 'Moet een datum en tijd zijn (ISO 8601, met tijdzone)'],
        ['reporter.userId', 'Gebruikers-id mag alleen letters, cijfers en . _ : - bevatten (max. 128)'],
      ]);
    }
  });
});
