import type { Envelope, EnvelopeHeader, PartyId } from '@signaalhub/contracts';
import type { EnvelopeOpener, OpenedEnvelope, PayloadParser } from '@signaalhub/envelope';

/**
 * How the inbox verifies a message, and what a verified message (`V`) is. Today's step opens the whole
 * envelope; a header-only step (detached header signature, pinned sender, replay) plugs in here with a
 * verified header as `V`, and the inbox's parse, replay rule, refusal and audit stay as they are.
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
