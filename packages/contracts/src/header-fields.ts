import { z } from 'zod';

/*
 * Field schemas shared by every envelope header version. Every string is limited to a small ASCII
 * alphabet; that keeps the header's canonical JSON identical whether `canonicalJson` in TypeScript or
 * `jq -jcS .` in a partner's shell writes it (no escaping differences). PERSISTED in Kafka.
 */

/** Kinds of identifier a match token can be made of; PERSISTED in headers. */
export const MATCH_TOKEN_KINDS = ['kvk', 'address', 'kenteken', 'person'] as const;
export const MatchTokenKind = z.enum(MATCH_TOKEN_KINDS);
export type MatchTokenKind = z.infer<typeof MatchTokenKind>;

/** Partnership keys rotate; the version says which key made a token, so tokens of different versions never match. */
export const MatchTokenKeyVersion = z.number().int().min(1).max(1_000_000);

/** HMAC-SHA256 as 64 lowercase hexadecimal characters. */
export const MatchTokenValue = z.string().regex(/^[0-9a-f]{64}$/, 'match token must be 64 lowercase hex characters');

export const HeaderMatchToken = z.strictObject({
  kind: MatchTokenKind,
  version: MatchTokenKeyVersion,
  token: MatchTokenValue,
});
export type HeaderMatchToken = z.infer<typeof HeaderMatchToken>;

export const HeaderMatchTokens = z.array(HeaderMatchToken).max(100);

/** `entity.past_tense`, e.g. `signal.submitted`; lowercase words joined by `_`. */
export const EventTypeName = z
  .string()
  .regex(/^[a-z][a-z0-9]*(?:_[a-z0-9]+)*\.[a-z][a-z0-9]*(?:_[a-z0-9]+)*$/, 'type must be entity.past_tense (e.g. signal.submitted)');

/** A UTC timestamp with millisecond precision, exactly as `Date.prototype.toISOString()` writes it. */
export const EnvelopeTimestamp = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/, 'timestamp must be UTC ISO 8601 with milliseconds (YYYY-MM-DDTHH:mm:ss.sssZ)')
  .refine((value) => !Number.isNaN(Date.parse(value)) && new Date(value).toISOString() === value, 'timestamp must be a real instant');

/** Lowercase RFC 4122/9562 UUID (what `crypto.randomUUID()` returns). */
export function lowercaseUuid(field: string): z.ZodString {
  return z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/, `${field} must be a lowercase UUID`);
}

export const EnvelopeMessageId = lowercaseUuid('messageId');

/** Version of the payload schema of an event type (not of the header). */
export const PayloadSchemaVersion = z.number().int().min(1).max(1_000_000);
