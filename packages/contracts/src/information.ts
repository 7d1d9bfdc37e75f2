import { z } from 'zod';
import { HeaderMatchTokens, lowercaseUuid } from './header-fields.js';
import { Limits } from './limits.js';
import { municipalityPartyId, MunicipalityId } from './municipalities.js';
import { PartyId } from './parties.js';
import { Signal } from './signal.js';
import { UserId } from './user.js';

/*
 * "Verzoek om informatie" (DESIGN.md §6): a party that learnt of an object from its header (a hit) asks
 * the object's owner for its content; the owner answers with the content or refuses with a reason.
 * The header says only which municipality owns the object and what kind it is (EVENT_CATALOG); the
 * purpose, the content and the reason travel inside the envelope. Field names are PERSISTED.
 */

export const InformationRequestId = lowercaseUuid('requestId');

/** Who acted: a party and one of its users (an opaque id, never a name). */
export const InformationActor = z.strictObject({ party: PartyId, userId: UserId });
export type InformationActor = z.infer<typeof InformationActor>;

/**
 * A signal, named the way a header-only reader knows it: the `messageId` of its `signal.submitted`
 * envelope (the intake makes it the signal id) and the match tokens of that header that hit. Never the
 * identifier behind a token: the requester does not have it.
 */
export const RequestedSignal = z.strictObject({
  kind: z.literal('signal'),
  signalId: lowercaseUuid('signalId'),
  matchTokens: HeaderMatchTokens,
});
export type RequestedSignal = z.infer<typeof RequestedSignal>;

/** What is asked for; one variant per object kind a service answers for (today: signals, by the meeting). */
export const RequestedObject = z.discriminatedUnion('kind', [RequestedSignal]);
export type RequestedObject = z.infer<typeof RequestedObject>;

/** Payload of `information.requested`, sealed by the requesting party to the owning municipality only. */
export const InformationRequested = z.strictObject({
  requestId: InformationRequestId,
  /** The municipality that owns the object; the same as the header's. */
  municipality: MunicipalityId,
  object: RequestedObject,
  /** The requesting party (the envelope's sender) and its user. */
  requestedBy: InformationActor,
  /** Why the information is needed and on which ground: free text, so only ever inside the envelope. */
  purpose: z.string().trim().min(1).max(Limits.freeTextLength),
  requestedAt: z.iso.datetime({ offset: true }),
});
export type InformationRequested = z.infer<typeof InformationRequested>;

const answerFacts = {
  requestId: InformationRequestId,
  municipality: MunicipalityId,
  /** The owner's user who answered or refused. */
  answeredBy: InformationActor,
  answeredAt: z.iso.datetime({ offset: true }),
};

/** The owner gives the object's content: for a signal, the signal as the meeting holds it. */
export const InformationGiven = z.strictObject({
  ...answerFacts,
  outcome: z.literal('answered'),
  signal: Signal,
});
export type InformationGiven = z.infer<typeof InformationGiven>;

/** The owner refuses; the reason is mandatory and free text. */
export const InformationRefused = z.strictObject({
  ...answerFacts,
  outcome: z.literal('refused'),
  reason: z.string().trim().min(1).max(Limits.freeTextLength),
});
export type InformationRefused = z.infer<typeof InformationRefused>;

/** Payload of `information.answered`, sealed by the owning municipality to the requesting party only. */
export const InformationAnswered = z.discriminatedUnion('outcome', [InformationGiven, InformationRefused]);
export type InformationAnswered = z.infer<typeof InformationAnswered>;

export const INFORMATION_OUTCOMES = ['answered', 'refused'] as const;
export type InformationOutcome = (typeof INFORMATION_OUTCOMES)[number];

/** A request's recipients: exactly the owning municipality's party (a wider list would widen who reads the purpose). */
export function informationRequestRecipients(municipality: MunicipalityId): PartyId[] {
  return [municipalityPartyId(municipality)];
}

/** An answer's recipients: exactly the requesting party (`requestedBy.party`, the request's sender). */
export function informationAnswerRecipients(requesterParty: PartyId): PartyId[] {
  return [requesterParty];
}
