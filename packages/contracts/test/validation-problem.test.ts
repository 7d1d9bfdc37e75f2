import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { DecisionRequest, dutchIssueMessage, MeetingRequest, PartyId, ruleError, validate, validationProblems } from '../src/index.js';
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
  const sut = validationProblems;

  it('keeps a schema’s own Dutch rule and joins the path with dots', () => {
    const schema = z.strictObject({ list: z.array(z.string().regex(/^x$/, ruleError({ rule: 'must be x', ruleNl: 'Moet x zijn' }))) });
    const result = schema.safeParse({ list: ['x', 'y'] });
    expect(result.error && sut(result.error)).toEqual([{ field: 'list.1', rule: 'must be x', message: 'Moet x zijn' }]);
  });

  it('turns a schema’s own English message into the rule and shows the Dutch message of its issue code', () => {
    const schema = z.strictObject({ party: PartyId.and(z.string().regex(/^x/, 'party must start with x')) });
    const result = schema.safeParse({ party: 'gemeente-soest' }, { error: dutchIssueMessage });
    expect(result.error && sut(result.error)).toEqual([{ field: 'party', rule: 'party must start with x', message: 'Ongeldige opmaak' }]);
  });

  it('gives every problem of the request schemas a Dutch message (no English rule reaches a page)', () => {
    const bad = { approach: 'x', leadParty: 'Not A Slug!', actions: [{ description: '', dueDate: 'morgen' }], riecHandover: 'ja', feedback: 1 };
    const problems = [validate(DecisionRequest, bad), validate(MeetingRequest, { municipality: 'Soest!', date: '1-1-2030' })].flatMap((result) =>
      result.success ? [] : result.problems,
    );
    expect(problems.map((problem) => problem.field)).toEqual(
      expect.arrayContaining(['approach', 'leadParty', 'actions.0.description', 'actions.0.dueDate', 'riecHandover', 'feedback', 'municipality', 'date']),
    );
    for (const problem of problems) expect(problem.message, problem.field).not.toBe(problem.rule);
    expect(problems.find((problem) => problem.field === 'leadParty')).toEqual({
      field: 'leadParty',
      rule: 'party id must be a lowercase slug (a-z, 0-9, -)',
      message: 'Kies een partij uit de lijst (een partij-id: kleine letters, cijfers en koppeltekens)',
    });
  });
});

describe(dutchIssueMessage.name, () => {
  it('calls a missing field required', () => {
    expect(dutchIssueMessage({ code: 'invalid_type', expected: 'string', input: undefined, path: [] })).toBe(
      'Dit veld is verplicht',
    );
  });
});
