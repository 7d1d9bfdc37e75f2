import { z } from 'zod';
import { Limits } from './limits.js';
import { MunicipalityId } from './municipalities.js';
import { PartyId } from './parties.js';
import { Theme } from './themes.js';

/*
 * The envelope header v1: the ONLY cleartext that travels with an envelope (DESIGN.md §4), so it holds
 * routing facts and match tokens, never personal data. Every string field is limited to a small ASCII
 * alphabet; that keeps the header digest's canonical JSON identical whether it is computed by
 * `canonicalJson` in TypeScript or by `jq -jcS .` in a partner's shell (no escaping differences).
 * The wire format is PERSISTED in Kafka: never change a field's meaning — add a new header version.
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
export const EnvelopeMessageId = z
  .string()
  .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/, 'messageId must be a lowercase UUID');

const distinct = (values: readonly string[]): boolean => new Set(values).size === values.length;

export const EnvelopeHeader = z.strictObject({
  messageId: EnvelopeMessageId,
  type: EventTypeName,
  /** Version of the payload schema for `type` (not of the header). */
  schemaVersion: z.number().int().min(1).max(1_000_000),
  sender: PartyId,
  recipients: z
    .array(PartyId)
    .min(1)
    .max(Limits.recipientsPerMessage)
    .refine(distinct, 'recipients must be distinct'),
  municipality: MunicipalityId,
  theme: Theme,
  createdAt: EnvelopeTimestamp,
  matchTokens: z.array(HeaderMatchToken).max(100),
});
export type EnvelopeHeader = z.infer<typeof EnvelopeHeader>;

/** Upper bound for an armored body; larger input is rejected before OpenPGP parses it. */
export const MAX_ENVELOPE_BODY_LENGTH = 8 * 1024 * 1024;

export const ArmoredPgpMessage = z
  .string()
  .max(MAX_ENVELOPE_BODY_LENGTH)
  .regex(/^-----BEGIN PGP MESSAGE-----\r?\n/, 'body must be an ASCII-armored OpenPGP message');

/** The one wire format (DESIGN.md §4): cleartext header + OpenPGP message signed by the sender, encrypted to the recipients. */
export const Envelope = z.strictObject({
  header: EnvelopeHeader,
  body: ArmoredPgpMessage,
});
export type Envelope = z.infer<typeof Envelope>;
