import { EnvelopeMessageId, EnvelopeTimestamp, PartyId } from '@signaalhub/contracts';
import { z } from 'zod';

/**
 * What the sender signs and encrypts. It repeats the routing facts of the header, so a reader can
 * detect a changed header, a forwarded message and a replay; `payload` is the event content.
 */
export const SignedPlaintext = z.strictObject({
  messageId: EnvelopeMessageId,
  sender: PartyId,
  recipients: z.array(PartyId).min(1),
  issuedAt: EnvelopeTimestamp,
  headerDigest: z.string().regex(/^[0-9a-f]{64}$/),
  payload: z.unknown(),
});
export type SignedPlaintext = z.infer<typeof SignedPlaintext>;
