import { z } from 'zod';
import { lowercaseUuid } from './header-fields.js';
import { InformationActor } from './information.js';
import { Limits } from './limits.js';
import { municipalityPartyId, MunicipalityId } from './municipalities.js';
import type { PartyId } from './parties.js';

/*
 * The RIEC's answer to a hand-over (DESIGN.md §6): a decision with "Overdragen aan het RIEC" is accepted as a
 * RIEC case or returned with a reason, sealed by the RIEC back to the deciding municipality only. The header
 * says only which municipality (EVENT_CATALOG); the case reference and the reason travel inside the envelope.
 * Field names are PERSISTED.
 */

/** A RIEC case number as the RIEC writes it: a short code, never a name. */
export const CaseReference = z.string().trim().min(1).max(Limits.nameLength);

const handoverFacts = {
  /** The `decision.recorded` message id (the meeting's decision id): what is answered, and so which item. */
  decisionId: lowercaseUuid('decisionId'),
  /** The deciding municipality; the same as the header's. */
  municipality: MunicipalityId,
  answeredBy: InformationActor,
  answeredAt: z.iso.datetime({ offset: true }),
};

/** Payload of `handover.accepted`. */
export const HandoverAccepted = z.strictObject({ ...handoverFacts, caseReference: CaseReference.optional() });
export type HandoverAccepted = z.infer<typeof HandoverAccepted>;

/** Payload of `handover.returned`; the reason is mandatory free text, so only ever inside the envelope. */
export const HandoverReturned = z.strictObject({ ...handoverFacts, reason: z.string().trim().min(1).max(Limits.freeTextLength) });
export type HandoverReturned = z.infer<typeof HandoverReturned>;

/** The two answers; PERSISTED (the feed's and the meeting's stores keep them). */
export const HANDOVER_OUTCOMES = ['accepted', 'returned'] as const;
export type HandoverOutcome = (typeof HANDOVER_OUTCOMES)[number];

/** An answer's recipients: exactly the deciding municipality's party (a wider list would widen who reads the reason). */
export function handoverAnswerRecipients(municipality: MunicipalityId): PartyId[] {
  return [municipalityPartyId(municipality)];
}
