import { withTransaction } from '@signaalhub/database';
import type { EnvelopeOpener } from '@signaalhub/envelope';
import { informationAnswerInbox, Refused, type InboxParts, type InformationAnswerInbox } from '@signaalhub/inbox';
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
export function hitAnswerIntake({ pool, opener, requests, envelopes, riecParty, inbox }: HitAnswerIntakeParts): InformationAnswerInbox {
  return informationAnswerInbox(
    {
      opener,
      requester: riecParty,
      requestObject: HIT_INFORMATION_REQUEST_OBJECT,
      requests,
      store: (request, answer, envelope) =>
        withTransaction(pool, async (client) => {
          await envelopes.keep(client, envelope);
          const status = answer.outcome === 'answered' ? 'beantwoord' : 'geweigerd';
          const { answeredBy, answeredAt } = answer;
          // Answered before: thrown, so the transaction rolls back and no envelope is kept for a refused answer.
          if (!(await requests.answer(client, { id: request.id, status, answerMessageId: envelope.header.messageId, answeredBy, answeredAt }))) throw new Refused('ALREADY_ANSWERED');
          return true;
        }),
    },
    inbox,
  );
}
