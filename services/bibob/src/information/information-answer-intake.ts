import type { BusMessage } from '@signaalhub/bus';
import { EventTypes, InformationAnswered, municipalityPartyId, type EnvelopeHeaderOf, type EnvelopeOf } from '@signaalhub/contracts';
import type { EnvelopeOpener, OpenedEnvelope, SealedRecords } from '@signaalhub/envelope';
import { openedEnvelopes, Refused, VerifiedInbox, type InboxOutcome, type InboxParts } from '@signaalhub/inbox';
import type { PoolRequestStore } from './information-request-store.js';
import { POOL_INFORMATION_REQUEST_OBJECT } from './pool-information-requests.js';

type AnswerHeader = EnvelopeHeaderOf<typeof EventTypes.informationAnswered>;

export interface InformationAnswerIntakeParts {
  /** Backed by the pool's replay store, with its freshness window. */
  readonly opener: EnvelopeOpener;
  readonly requests: PoolRequestStore;
  readonly records: SealedRecords;
  readonly poolParty: string;
  readonly inbox: InboxParts;
}

/**
 * `information.answered` addressed to the pool → verified and opened as the pool party → the answer
 * (the signal, or the reason of a refusal) sealed to the pool alone on its request, which is then
 * `beantwoord` or `geweigerd`; audited. An answer from anyone but the owning municipality, to a request
 * the pool did not send or answered before, is refused (dead letter, audit).
 */
export class InformationAnswerIntake {
  private readonly inbox: VerifiedInbox<typeof EventTypes.informationAnswered, OpenedEnvelope<InformationAnswered>>;

  constructor(private readonly parts: InformationAnswerIntakeParts) {
    this.inbox = new VerifiedInbox(
      {
        eventType: EventTypes.informationAnswered,
        verification: openedEnvelopes(parts.opener, InformationAnswered),
        reader: parts.poolParty,
        auditAction: 'information.receive-answer',
        refuseUnverified: (header) => this.refusalOf(header),
        alreadyApplied: (header) => parts.requests.hasAnswer(header.messageId),
        apply: (opened, envelope) => this.store(opened.payload, envelope),
      },
      parts.inbox,
    );
  }

  receive(message: BusMessage): Promise<InboxOutcome> {
    return this.inbox.receive(message);
  }

  private refusalOf(header: AnswerHeader): string | undefined {
    return header.recipients.includes(this.parts.poolParty) ? undefined : 'NOT_ADDRESSED_TO_POOL';
  }

  private async store(answer: InformationAnswered, envelope: EnvelopeOf<typeof EventTypes.informationAnswered>): Promise<void> {
    const { header } = envelope;
    const request = await this.parts.requests.find(answer.requestId);
    if (request === undefined) throw new Refused('UNKNOWN_REQUEST');
    // Only the owning municipality answers, and the signed header and payload agree on it.
    const owner = municipalityPartyId(request.municipality);
    if (answer.municipality !== request.municipality || header.municipality !== request.municipality || header.sender !== owner || answer.answeredBy.party !== owner) {
      throw new Refused('NOT_FROM_OWNER');
    }
    const answered = await this.parts.requests.answer({
      id: request.id,
      status: answer.outcome === 'answered' ? 'beantwoord' : 'geweigerd',
      answerMessageId: header.messageId,
      answeredBy: answer.answeredBy,
      answeredAt: answer.answeredAt,
      // The signal belongs to its municipality: sealed to the pool alone, not to the screening's municipality.
      answerSealed: await this.parts.records.seal(answer),
    });
    if (!answered) throw new Refused('ALREADY_ANSWERED');
    const { inbox } = this.parts;
    await inbox.audit.record({
      actor: { service: inbox.service },
      action: 'information.answer-received',
      objectType: POOL_INFORMATION_REQUEST_OBJECT,
      objectId: request.id,
      result: 'allowed',
      origin: 'kafka',
    });
    inbox.logger.info({ requestId: request.id, messageId: header.messageId, outcome: answer.outcome }, 'information request answered');
  }
}
