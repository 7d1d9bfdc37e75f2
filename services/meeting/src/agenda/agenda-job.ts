import { Envelope, EnvelopeMessageId, MunicipalityId, PartyId, Theme } from '@signaalhub/contracts';
import { z } from 'zod';

/**
 * What an agenda job carries in Redis: the envelope as it arrived (ciphertext) plus routing facts.
 * PERSISTED in Redis: add fields compatibly. Never personal data — that stays inside `envelope.body`.
 */
export const AgendaJobData = z.strictObject({
  envelope: Envelope,
  messageId: EnvelopeMessageId,
  signalId: z.uuid(),
  municipality: MunicipalityId,
  theme: Theme,
  /** The envelope's signed creation time: stable under redelivery, so the job never changes. */
  receivedAt: z.iso.datetime(),
  reporterParty: PartyId,
});
export type AgendaJobData = z.infer<typeof AgendaJobData>;
