import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { dutchIssueMessage, validate, validationProblems } from '../src/index.js';
import { CANARY, textOf } from './fixtures.js';

describe(validate.name, () => {
  const sut = validate;

  it('returns the parsed data on success', () => {
    expect(sut(z.strictObject({ a: z.string() }), { a: 'x' })).toEqual({ success: true, data: { a: 'x' } });
  });

  it('gives Dutch messages and English rules for built-in checks', () => {
    const schema = z.strictObject({ name: z.string().min(1).max(3), count: z.number().max(2), tags: z.array(z.string()).max(1) });
    const result = sut(schema, { name: '', count: 5, tags: ['a', 'b'] });
    expect(result).toEqual({
      success: false,
      problems: [
        { field: 'name', rule: 'must be at least 1 (string)', message: 'Dit veld mag niet leeg zijn' },
        { field: 'count', rule: 'must be at most 2 (number)', message: 'Mag niet groter zijn dan 2' },
        { field: 'tags', rule: 'must be at most 1 (array)', message: 'Maximaal 1 item' },
      ],
    });
  });

  it('never echoes values or unknown key names', () => {
    const schema = z.strictObject({ when: z.iso.date(), kind: z.enum(['a', 'b']), n: z.number() });
    const result = sut(schema, { when: CANARY, kind: CANARY, n: CANARY, [CANARY]: CANARY });
    expect(result.success).toBe(false);
    expect(textOf(result)).not.toContain(CANARY);
  });
});

describe(validationProblems.name, () => {
  it('keeps a schema’s own message and joins the path with dots', () => {
    const schema = z.strictObject({ list: z.array(z.string().regex(/^x$/, 'Moet x zijn')) });
    const result = schema.safeParse({ list: ['x', 'y'] });
    expect(result.error && validationProblems(result.error)).toEqual([
      { field: 'list.1', rule: 'must have format regex', message: 'Moet x zijn' },
    ]);
  });
});

describe(dutchIssueMessage.name, () => {
  it('calls a missing field required', () => {
    expect(dutchIssueMessage({ code: 'invalid_type', expected: 'string', input: undefined, path: [] })).toBe(
      'Dit veld is verplicht',
    );
  });
});
