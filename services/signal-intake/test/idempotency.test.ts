import { describe, expect, it } from 'vitest';
import { idempotencyOutcome, parseIdempotencyKey, stableJson, submissionFingerprint } from '../src/signals/idempotency.js';

const secret = new Uint8Array(32).fill(7);

describe(idempotencyOutcome.name, () => {
  it('is new when nothing was stored under the key', () => {
    expect(idempotencyOutcome(undefined, 'f1')).toEqual({ kind: 'new' });
  });

  it('replays the earlier signal when the body is the same', () => {
    expect(idempotencyOutcome({ signalId: 's1', fingerprint: 'f1' }, 'f1')).toEqual({ kind: 'replay', signalId: 's1' });
  });

  it('is a conflict when the key was used for another body', () => {
    expect(idempotencyOutcome({ signalId: 's1', fingerprint: 'f1' }, 'f2')).toEqual({ kind: 'conflict' });
  });
});

describe(submissionFingerprint.name, () => {
  it('does not depend on key order', () => {
    expect(submissionFingerprint({ a: 1, b: { c: [1, 2], d: 'x' } }, secret)).toBe(submissionFingerprint({ b: { d: 'x', c: [1, 2] }, a: 1 }, secret));
  });

  it('differs when a value differs, and when the secret differs', () => {
    const fingerprint = submissionFingerprint({ a: 1 }, secret);
    expect(submissionFingerprint({ a: 2 }, secret)).not.toBe(fingerprint);
    expect(submissionFingerprint({ a: 1 }, new Uint8Array(32).fill(8))).not.toBe(fingerprint);
  });

  it('keeps array order significant', () => {
    expect(stableJson([1, 2])).not.toBe(stableJson([2, 1]));
  });
});

describe(parseIdempotencyKey.name, () => {
  it('accepts a UUID', () => {
    expect(parseIdempotencyKey('3f1c2b7a-9d4e-4c1b-8a2f-6b5e4d3c2a10')).toEqual({ ok: true, key: '3f1c2b7a-9d4e-4c1b-8a2f-6b5e4d3c2a10' });
  });

  it.each([
    ['missing', undefined, 'header is required'],
    ['empty', '', 'header is required'],
    ['too short', 'abc', 'must be 8 to 128 characters'],
    ['with spaces', 'Jan de Vries 1980', 'must be 8 to 128 characters'],
    ['repeated', ['aaaaaaaa', 'bbbbbbbb'], 'must be 8 to 128 characters'],
  ])('rejects a key that is %s', (_case, header, rule) => {
    const result = parseIdempotencyKey(header);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problem).toMatchObject({ field: 'Idempotency-Key', rule: expect.stringContaining(rule) as unknown });
  });
});
