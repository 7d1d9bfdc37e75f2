/**
 * Why an envelope was refused. Each class has a stable `code` (used in dead-letter entries, audit
 * entries and CLI output). Messages name routing facts only (parties, message ids, rules) and NEVER
 * contain plaintext, so they are safe to log.
 */
export type EnvelopeErrorCode =
  | 'UNKNOWN_SENDER'
  | 'BAD_SIGNATURE'
  | 'NOT_A_RECIPIENT'
  | 'HEADER_TAMPERED'
  | 'REPLAYED'
  | 'EXPIRED'
  | 'MALFORMED_ENVELOPE'
  | 'HEADER_SIGNATURE_MISSING'
  | 'HEADER_SIGNATURE_INVALID';

export abstract class EnvelopeError extends Error {
  abstract readonly code: EnvelopeErrorCode;
}

/** The sender is not in the party directory, so there is no pinned key to verify with. */
export class UnknownSenderError extends EnvelopeError {
  override readonly name = 'UnknownSenderError';
  readonly code = 'UNKNOWN_SENDER';
}

/** The body decrypts, but is not intact and signed by the sender's pinned key. */
export class BadSignatureError extends EnvelopeError {
  override readonly name = 'BadSignatureError';
  readonly code = 'BAD_SIGNATURE';
}

/** The reader is not named as a recipient (in the header, or in the signed recipient list). */
export class NotARecipientError extends EnvelopeError {
  override readonly name = 'NotARecipientError';
  readonly code = 'NOT_A_RECIPIENT';
}

/**
 * The header does not match the signed content: changed header fields, a forwarded message, or a
 * header that names the reader while the body was not encrypted to the reader.
 */
export class HeaderTamperedError extends EnvelopeError {
  override readonly name = 'HeaderTamperedError';
  readonly code = 'HEADER_TAMPERED';
}

/** This message id was already opened by this reader. */
export class ReplayedError extends EnvelopeError {
  override readonly name = 'ReplayedError';
  readonly code = 'REPLAYED';
}

/** The signed issue time is outside the accepted window (too old, or too far in the future). */
export class ExpiredError extends EnvelopeError {
  override readonly name = 'ExpiredError';
  readonly code = 'EXPIRED';
}

/** Not an envelope: bad JSON shape, invalid header, unreadable OpenPGP data, or a signed plaintext or payload of the wrong shape. */
export class MalformedEnvelopeError extends EnvelopeError {
  override readonly name = 'MalformedEnvelopeError';
  readonly code = 'MALFORMED_ENVELOPE';
}

/** The header carries no detached signature by its sender (a v1 header, or a v2 header without one): a header-only reader cannot trust it. */
export class HeaderSignatureMissingError extends EnvelopeError {
  override readonly name = 'HeaderSignatureMissingError';
  readonly code = 'HEADER_SIGNATURE_MISSING';
}

/** The header's detached signature is not a valid signature by the sender's pinned key over exactly these header facts. */
export class HeaderSignatureInvalidError extends EnvelopeError {
  override readonly name = 'HeaderSignatureInvalidError';
  readonly code = 'HEADER_SIGNATURE_INVALID';
}
