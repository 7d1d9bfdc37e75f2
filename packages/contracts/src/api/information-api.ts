import { z } from 'zod';
import type { InformationActor, InformationOutcome } from '../information.js';
import { Limits } from '../limits.js';
import type { Theme } from '../themes.js';

/*
 * The meeting service's API for information requests addressed to a municipality (services/meeting),
 * shared with the web application. Lists hold routing facts only; the purpose and a refusal's reason
 * are returned by `GET /api/information-requests/:id`, after a need-to-know check and an audit entry.
 */

/** open: waiting for the meeting; answered / refused: handled, kept with its outcome. */
export type InformationRequestStatus = 'open' | InformationOutcome;

/** One line of `GET /api/information-requests?municipality=`: no personal data, no free text. */
export interface InformationRequestSummary {
  readonly id: string;
  readonly municipality: string;
  readonly objectKind: 'signal';
  readonly signalId: string;
  readonly requesterParty: string;
  /** When the requester sealed it (the envelope's signed creation time). */
  readonly receivedAt: string;
  readonly status: InformationRequestStatus;
  readonly handledAt?: string;
}

/** The agenda item of the requested signal, when the signal reached this meeting. */
export interface RequestedSignalItem {
  readonly itemId: string;
  readonly theme: Theme;
  readonly receivedAt: string;
}

/** How a request was handled: who, when, and a refusal's reason. */
export interface InformationRequestHandling {
  readonly outcome: InformationOutcome;
  readonly by: InformationActor;
  readonly at: string;
  readonly reason?: string;
}

/** `GET /api/information-requests/:id`: the request opened as the municipality's party (audited). */
export interface OpenedInformationRequest {
  readonly request: InformationRequestSummary;
  readonly requestedBy: InformationActor;
  readonly purpose: string;
  /** How many of the signal's match tokens the requester named as hits. */
  readonly matchTokenCount: number;
  /** Undefined when the signal is not (yet) on this municipality's agenda: it can then only be refused. */
  readonly signal?: RequestedSignalItem;
  readonly handling?: InformationRequestHandling;
}

/** `POST /api/information-requests/:id/response`: give the signal, or refuse with a reason. */
export const InformationResponse = z.discriminatedUnion('outcome', [
  z.strictObject({ outcome: z.literal('answered') }),
  z.strictObject({ outcome: z.literal('refused'), reason: z.string().trim().min(1).max(Limits.freeTextLength) }),
]);
export type InformationResponse = z.infer<typeof InformationResponse>;

/** 201: the answer is sealed to the requester and waits in the outbox. */
export interface InformationResponseReceipt {
  readonly requestId: string;
  readonly outcome: InformationOutcome;
  readonly answerMessageId: string;
  readonly recipients: readonly string[];
}
