import type { BusMessage } from '@signaalhub/bus';
import type { EnvelopeOpener, SealedRecords } from '@signaalhub/envelope';
import { informationAnswerInbox, type InboxOutcome, type InboxParts, type InformationAnswerInbox } from '@signaalhub/inbox';
import type { PoolRequestStore } from './information-request-store.js';
import { POOL_INFORMATION_REQUEST_OBJECT } from './pool-information-requests.js';

export interface InformationAnswerIntakeParts {
  /** Backed by the pool's replay store, with its freshness window. */
  readonly opener: EnvelopeOpener;
  readonly requests: PoolRequestStore;
  readonly records: SealedRecords;
  readonly poolParty: string;
  readonly inbox: InboxParts;
}

/**
 * `information.answered` addressed to the pool, through the shared answer inbox (verification, linking to
 * the request, refusals, audit): the answer (the signal, or the reason of a refusal) is sealed to the pool
 * alone on its request, which is then `beantwoord` or `geweigerd`.
 */
export class InformationAnswerIntake {
  private readonly inbox: InformationAnswerInbox;

  constructor(parts: InformationAnswerIntakeParts) {
    const { requests } = parts;
    this.inbox = informationAnswerInbox(
      {
        opener: parts.opener,
        requester: parts.poolParty,
        requestObject: POOL_INFORMATION_REQUEST_OBJECT,
        requests,
        store: async (request, answer, { header }) =>
          requests.answer({
            id: request.id,
            status: answer.outcome === 'answered' ? 'beantwoord' : 'geweigerd',
            answerMessageId: header.messageId,
            answeredBy: answer.answeredBy,
            answeredAt: answer.answeredAt,
            // The signal belongs to its municipality: sealed to the pool alone, not to the screening's municipality.
            answerSealed: await parts.records.seal(answer),
          }),
      },
      parts.inbox,
    );
  }

  receive(message: BusMessage): Promise<InboxOutcome> {
    return this.inbox.receive(message);
  }
}
