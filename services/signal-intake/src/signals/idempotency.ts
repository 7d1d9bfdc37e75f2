import { createHmac } from 'node:crypto';
import { IDEMPOTENCY_KEY_HEADER, type ValidationProblem } from '@signaalhub/contracts';

/** UUIDs and similar opaque tokens; never a place for names or other personal data. */
const IDEMPOTENCY_KEY_PATTERN = /^[A-Za-z0-9._:-]{8,128}$/;

export type IdempotencyKeyParse =
  | { readonly ok: true; readonly key: string }
  | { readonly ok: false; readonly problem: ValidationProblem };

export function parseIdempotencyKey(header: string | string[] | undefined): IdempotencyKeyParse {
  if (header === undefined || header === '') {
    return {
      ok: false,
      problem: {
        field: IDEMPOTENCY_KEY_HEADER,
        rule: 'header is required: a client-chosen key that makes a retried POST return the same signal',
        message: 'De kop Idempotency-Key ontbreekt',
      },
    };
  }
  if (typeof header !== 'string' || !IDEMPOTENCY_KEY_PATTERN.test(header)) {
    return {
      ok: false,
      problem: {
        field: IDEMPOTENCY_KEY_HEADER,
        rule: 'must be 8 to 128 characters of letters, digits and . _ : - (a UUID fits)',
        message: 'De kop Idempotency-Key moet 8 tot 128 letters, cijfers of . _ : - bevatten',
      },
    };
  }
  return { ok: true, key: header };
}

/**
 * A fingerprint of the validated (canonical) submission, so a retry that differs only in key order or
 * spelling (`3761 ab` vs `3761AB`) is still "the same body". Keyed, so the stored value cannot be used
 * to confirm a guessed body.
 */
export function submissionFingerprint(submission: unknown, secret: Uint8Array): string {
  return createHmac('sha256', secret).update('signal-intake:submission:v1\n').update(stableJson(submission)).digest('hex');
}

/** JSON with object keys sorted at every level; numbers as JSON.stringify writes them. */
export function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((item: unknown) => stableJson(item)).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${stableJson(item)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** A signal already stored under the same (user, idempotency key). */
export interface EarlierSubmission {
  readonly signalId: string;
  readonly fingerprint: string;
}

export type IdempotencyOutcome =
  | { readonly kind: 'new' }
  | { readonly kind: 'replay'; readonly signalId: string }
  | { readonly kind: 'conflict' };

/** Same key + same body → the earlier signal; same key + another body → a conflict; else a new signal. */
export function idempotencyOutcome(earlier: EarlierSubmission | undefined, fingerprint: string): IdempotencyOutcome {
  if (earlier === undefined) return { kind: 'new' };
  return earlier.fingerprint === fingerprint ? { kind: 'replay', signalId: earlier.signalId } : { kind: 'conflict' };
}
