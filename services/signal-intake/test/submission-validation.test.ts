import { describe, expect, it } from 'vitest';
import { validateSubmission } from '../src/signals/submission-validation.js';
import { goodSubmission } from './support/submissions.js';

describe(validateSubmission.name, () => {
  it('returns the canonical submission', () => {
    const result = validateSubmission(goodSubmission());
    expect(result.success && result.submission.location.postcode).toBe('3762QZ');
  });

  it('names each unknown field with its path', () => {
    const body = { ...goodSubmission(), extra: 1, location: { postcode: '3762 QZ', huisnummer: { number: 1, floor: 2 } } };
    const result = validateSubmission(body);
    expect(result.success).toBe(false);
    expect(!result.success && result.problems.map((problem) => problem.field)).toEqual(['location.huisnummer.floor', 'extra']);
  });

  it('does not echo an unknown key that is not shaped like a field name', () => {
    const result = validateSubmission({ ...goodSubmission(), 'Jan de Vries 01-02-1980': true });
    expect(!result.success && result.problems).toEqual([
      { field: '(unknown)', rule: 'unknown field: not part of the request', message: 'Dit veld is onbekend en niet toegestaan' },
    ]);
  });
});
