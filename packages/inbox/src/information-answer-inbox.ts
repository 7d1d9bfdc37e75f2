import { EventTypes, InformationAnswered, municipalityPartyId, type EnvelopeOf, type PartyId } from '@signaalhub/contracts';
import type { EnvelopeOpener, OpenedEnvelope } from '@signaalhub/envelope';
import { openedEnvelopes } from './inbox-verification.js';
import { Refused } from './refused.js';
import { VerifiedInbox, type InboxParts } from './verified-inbox.js';

type InformationAnsweredType = typeof EventTypes.informationAnswered;
export type InformationAnswerEnvelope = EnvelopeOf<InformationAnsweredType>;
export type InformationAnswerInbox = VerifiedInbox<InformationAnsweredType, OpenedEnvelope<InformationAnswered>>;

/** What the requester kept of a request it sent: enough to judge the answer that comes back. */
export interface SentInformationRequest {
  readonly id: string;
  /** The municipality that owns the signal: the only party that may answer. */
  readonly municipality: string;
  readonly signalId: string;
}

/** The requests a service sent, as its store finds them. */
export interface SentInformationRequests<R extends SentInformationRequest> {
  find(requestId: string): Promise<R | undefined>;
  /** Whether an answer with this message id is stored: a replayed message is then a duplicate. */
  hasAnswer(answerMessageId: string): Promise<boolean>;
}

/** What a requesting service (the pool, the RIEC feed) decides itself. */
export interface InformationAnswerSettings<R extends SentInformationRequest> {
  /** Backed by the service's replay store, with its freshness window. */
  readonly opener: EnvelopeOpener;
  /** The requesting party: the answer is read as it; one addressed to anyone else is another requester's and skipped. */
  readonly requester: PartyId;
  /** The audit log's name for one of the service's requests. */
  readonly requestObject: string;
  readonly requests: SentInformationRequests<R>;
  /** Stores the answer on its request, idempotent under redelivery; false when the request was answered before. */
  readonly store: (request: R, answer: InformationAnswered, envelope: InformationAnswerEnvelope) => Promise<boolean>;
}

/**
 * `information.answered` for a party that sent "verzoeken om informatie" (DESIGN.md §6): verified and
 * opened as the requester (pinned sender, replay, freshness), then linked to the request it answers. An
 * answer to a request this service did not send, from anyone but the owning municipality, about another
 * signal than the one asked for, or to a request answered before, is refused (dead letter, audit). A stored
 * answer is audited; the log names ids and the outcome only, never the signal or the reason.
 */
export function informationAnswerInbox<R extends SentInformationRequest>(
  settings: InformationAnswerSettings<R>,
  parts: InboxParts,
): InformationAnswerInbox {
  const { requester } = settings;
  const store = async (answer: InformationAnswered, envelope: InformationAnswerEnvelope): Promise<void> => {
    const { header } = envelope;
    const request = await settings.requests.find(answer.requestId);
    if (request === undefined) throw new Refused('UNKNOWN_REQUEST');
    // Only the owning municipality answers, and the signed header and payload agree on it.
    const owner = municipalityPartyId(request.municipality);
    if (answer.municipality !== request.municipality || header.municipality !== request.municipality || header.sender !== owner || answer.answeredBy.party !== owner) {
      throw new Refused('NOT_FROM_OWNER');
    }
    if (answer.outcome === 'answered' && answer.signal.id !== request.signalId) throw new Refused('NOT_THE_REQUESTED_SIGNAL');
    if (!(await settings.store(request, answer, envelope))) throw new Refused('ALREADY_ANSWERED');
    await parts.audit.record({
      actor: { service: parts.service },
      action: 'information.answer-received',
      objectType: settings.requestObject,
      objectId: request.id,
      result: 'allowed',
      origin: 'kafka',
    });
    parts.logger.info({ requestId: request.id, messageId: header.messageId, outcome: answer.outcome }, 'information request answered');
  };
  return new VerifiedInbox(
    {
      eventType: EventTypes.informationAnswered,
      verification: openedEnvelopes(settings.opener, InformationAnswered),
      reader: requester,
      auditAction: 'information.receive-answer',
      // The pool and the RIEC feed both read answers from the one topic: each takes its own.
      addressedToOther: (header) => !header.recipients.includes(requester),
      alreadyApplied: (header) => settings.requests.hasAnswer(header.messageId),
      apply: (opened, envelope) => store(opened.payload, envelope),
    },
    parts,
  );
}
