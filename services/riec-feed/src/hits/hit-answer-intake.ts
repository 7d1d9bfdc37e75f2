import type { BusMessage } from '@signaalhub/bus';
import { withTransaction } from '@signaalhub/database';
import type { EnvelopeOpener } from '@signaalhub/envelope';
import { informationAnswerInbox, Refused, type InboxOutcome, type InboxParts } from '@signaalhub/inbox';
import type { Pool } from 'pg';
import { HIT_INFORMATION_REQUEST_OBJECT } from './hit-information-requests.js';
import type { HitRequestStore } from './hit-request-store.js';
import type { RiecEnvelopes } from './riec-envelopes.js';

export interface HitAnswerIntakeParts {
  readonly pool: Pool;
  /** Backed by the feed's replay store, with its freshness window. */
  readonly opener: EnvelopeOpener;
  readonly requests: HitRequestStore;
  readonly envelopes: RiecEnvelopes;
  readonly riecParty: string;
  readonly inbox: InboxParts;
}

/**
 * `information.answered` addressed to the RIEC, through the shared answer inbox (verification, linking to
 * the liaison's request, refusals, audit). The envelope is kept as it arrived among the RIEC's envelopes, so
 * a given signal opens like one sent to the RIEC and a refusal's reason stays sealed; the request becomes
 * `beantwoord` or `geweigerd` in the same transaction.
 */
export class HitAnswerIntake {
  private readonly inbox: ReturnType<typeof informationAnswerInbox>;

  constructor(parts: HitAnswerIntakeParts) {
    const { requests } = parts;
    this.inbox = informationAnswerInbox(
      {
        opener: parts.opener,
        requester: parts.riecParty,
        requestObject: HIT_INFORMATION_REQUEST_OBJECT,
        findRequest: (id) => requests.find(id),
        hasAnswer: (messageId) => requests.hasAnswer(messageId),
        store: (request, answer, envelope) =>
          withTransaction(parts.pool, async (client) => {
            await parts.envelopes.keep(client, envelope);
            const answered = await requests.answer(client, {
              id: request.id,
              status: answer.outcome === 'answered' ? 'beantwoord' : 'geweigerd',
              answerMessageId: envelope.header.messageId,
              answeredBy: answer.answeredBy,
              answeredAt: answer.answeredAt,
            });
            // Answered before: thrown, so the transaction rolls back and no envelope is kept for a refused answer.
            if (!answered) throw new Refused('ALREADY_ANSWERED');
            return true;
          }),
      },
      parts.inbox,
    );
  }

  receive(message: BusMessage): Promise<InboxOutcome> {
    return this.inbox.receive(message);
  }
}
