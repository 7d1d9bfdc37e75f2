import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SignalSubmission, THEMES, THEME_INDICATORS, type SignalSubmissionInput } from '../src/index.js';

const postcode = fc
  .tuple(fc.stringMatching(/^[1-9][0-9]{3}$/), fc.stringMatching(/^ ?$/), fc.stringMatching(/^[A-RT-Za-rt-z][A-Za-z]$/))
  .map(([digits, gap, letters]) => `${digits}${gap}${letters}`);

const subject = fc.oneof(
  fc.record({ kind: fc.constant('business' as const), kvkNumber: fc.stringMatching(/^[0-9]{4} ?[0-9]{4}$/) }),
  fc.record({
    kind: fc.constant('person' as const),
    name: fc.stringMatching(/^ ?[A-Za-zéü]{1,8}( {1,2}[A-Za-zéü]{1,8}){0,2} ?$/),
    birthDate: fc
      .date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2020-12-31T00:00:00Z'), noInvalidDate: true })
      .map((date) => date.toISOString().slice(0, 10)),
  }),
  fc.record({ kind: fc.constant('vehicle' as const), kenteken: fc.stringMatching(/^[A-Za-z0-9]{2}-[A-Za-z0-9]{2}-[A-Za-z0-9]{2}$/) }),
);

const submission: fc.Arbitrary<SignalSubmissionInput> = fc.constantFrom(...THEMES).chain((theme) =>
  fc.record({
    municipality: fc.constantFrom('baarn', 'bunschoten', 'eemnes', 'soest', 'de-bilt'),
    theme: fc.constant(theme),
    location: fc.record({
      postcode,
      huisnummer: fc.record({ number: fc.integer({ min: 1, max: 99_999 }) }),
    }),
    subjects: fc.array(subject, { minLength: 1, maxLength: 20 }),
    indicators: fc.subarray([...THEME_INDICATORS[theme]]),
    freeText: fc.string({ maxLength: 200 }),
    distribution: fc.record({ recipients: fc.subarray(['gemeente-soest', 'politie-bes', 'riec-mn'], { minLength: 1 }) }),
  }),
);

describe('SignalSubmission (properties)', () => {
  const sut = SignalSubmission;

  it('accepts every well-formed submission and parsing its output changes nothing', () => {
    fc.assert(
      fc.property(submission, (input) => {
        const once = sut.parse(input);
        expect(sut.parse(once)).toEqual(once);
      }),
      { numRuns: 200 },
    );
  });
});
