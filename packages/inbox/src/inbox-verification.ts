import type { Envelope, EnvelopeHeader, EnvelopeHeaderV2, PartyId } from '@signaalhub/contracts';
import type { EnvelopeOpener, HeaderVerifier, OpenedEnvelope, PayloadParser } from '@signaalhub/envelope';

/**
 * How the inbox verifies a message, and what a verified message (`V`) is: the opened envelope for a
 * recipient (`openedEnvelopes`), or the header alone for a service that only reads headers
 * (`verifiedHeaders`); the inbox's parse, replay rule, refusal and audit are the same for both.
 */
export interface InboxVerification<V> {
  /** False when this service cannot read as `reader` at all: a refusal, not something to retry. */
  canReadAs(reader: PartyId): boolean;
  /**
   * Verifies the message for `reader` and marks it seen. Throws an EnvelopeError for a message that is
   * not acceptable (`ReplayedError` when it was seen before); anything else is transient.
   */
  verify(envelope: Envelope, reader: PartyId): Promise<V>;
  /** Forgets the seen mark, so a redelivery after a failed handler is not taken for a replay. */
  forget(header: EnvelopeHeader, reader: PartyId): Promise<void>;
}

/**
 * Opens the envelope (pinned sender, signature, header digest, recipient, freshness, replay) and
 * parses its payload with `payload`; the opener's replay store keeps the seen marks.
 */
export function openedEnvelopes<T>(opener: EnvelopeOpener, payload: PayloadParser<T>): InboxVerification<OpenedEnvelope<T>> {
  return {
    canReadAs: (reader) => opener.canOpenAs(reader),
    verify: (envelope, reader) => opener.open(envelope, { as: reader, payload }),
    forget: (header, reader) => opener.forgetOpened(reader, header.messageId),
  };
}

/**
 * Header-only mode, for a service that is not a recipient (it learns match tokens and routing facts):
 * the sender's detached header signature by its pinned key over exactly these facts, freshness and
 * replay. The body is never opened; a v1 header (no signature) is refused as HEADER_SIGNATURE_MISSING.
 */
export function verifiedHeaders(verifier: HeaderVerifier): InboxVerification<EnvelopeHeaderV2> {
  return {
    canReadAs: (reader) => verifier.canVerifyAs(reader),
    verify: (envelope, reader) => verifier.verify(envelope.header, { as: reader }),
    forget: (header, reader) => verifier.forgetRead(reader, header.messageId),
  };
}
