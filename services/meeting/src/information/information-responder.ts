import { randomUUID } from 'node:crypto';
import type { AccessAttempt, AuditedAccess } from '@signaalhub/access';
import {
  EventTypes,
  InformationAnswered,
  informationAnswerRecipients,
  InformationResponse,
  Signal,
  Topics,
  validateRequest,
  type InformationResponseReceipt,
} from '@signaalhub/contracts';
import { withTransaction } from '@signaalhub/database';
import { EnvelopeError, type EnvelopeOpener, type EnvelopeSealer } from '@signaalhub/envelope';
import type { UserIdentity } from '@signaalhub/identity';
import type { Logger } from '@signaalhub/logging';
import type { OutboxWriter } from '@signaalhub/outbox';
import type { Pool } from 'pg';
import type { AgendaStore } from '../agenda/agenda-store.js';
import { AlreadyHandled, InvalidInformationResponse, SignalUnavailable } from './information-errors.js';
import { INFORMATION_REQUEST_OBJECT, type InformationRequestReader } from './information-request-reader.js';
import type { InformationRequestStore, StoredInformationRequest } from './information-request-store.js';

export interface InformationResponderParts {
  readonly pool: Pool;
  readonly store: InformationRequestStore;
  readonly reader: InformationRequestReader;
  readonly agenda: AgendaStore;
  readonly outbox: OutboxWriter;
  readonly sealer: EnvelopeSealer;
  readonly storedOpener: EnvelopeOpener;
  readonly access: AuditedAccess;
  readonly logger: Logger;
  readonly clock?: () => Date;
}

/**
 * A member of the owning municipality answers a request with the signal (as the meeting holds it) or
 * refuses it with a reason: `information.answered` sealed as the member's party to the requester only,
 * recorded (who, when, outcome) and written to the outbox in one transaction, and audited.
 */
export class InformationResponder {
  private readonly clock: () => Date;

  constructor(private readonly parts: InformationResponderParts) {
    this.clock = parts.clock ?? ((): Date => new Date());
  }

  /** Access is checked before the body is looked at: a caller without access learns nothing from 400s. */
  async respond(caller: UserIdentity, requestId: string, body: unknown, origin: string): Promise<InformationResponseReceipt> {
    const attempt: AccessAttempt = { caller, action: 'information.respond', object: { type: INFORMATION_REQUEST_OBJECT, id: requestId }, origin };
    const request = await this.parts.reader.findForOwner(attempt);
    const parsed = validateRequest(InformationResponse, body);
    if (!parsed.success) throw new InvalidInformationResponse(parsed.problems);
    if (request.status !== 'open') throw new AlreadyHandled();

    const response = parsed.data;
    const facts = {
      requestId,
      municipality: request.municipality,
      answeredBy: { party: caller.party, userId: caller.userId },
      answeredAt: this.clock().toISOString(),
    };
    const answer = InformationAnswered.parse(
      response.outcome === 'answered'
        ? { ...facts, outcome: 'answered', signal: await this.signalFor(request, caller.party) }
        : { ...facts, outcome: 'refused', reason: response.reason },
    );
    const answerMessageId = randomUUID();
    const recipients = informationAnswerRecipients(request.requesterParty);
    const sealFacts = { from: caller.party, type: EventTypes.informationAnswered, municipality: request.municipality, objectKind: 'signal' } as const;
    const envelope = await this.parts.sealer.seal(answer, { ...sealFacts, to: recipients, messageId: answerMessageId });
    // The meeting's own copy of a refusal, so its reason can be shown later; it never travels.
    const refusalEnvelope = answer.outcome === 'refused' ? await this.parts.sealer.seal(answer, { ...sealFacts, to: [caller.party] }) : undefined;

    await withTransaction(this.parts.pool, async (client) => {
      const locked = await this.parts.store.find(requestId, client, true);
      // Two members at once: the second one finds the request handled.
      if (locked?.status !== 'open') throw new AlreadyHandled();
      await this.parts.store.markHandled(client, {
        requestId,
        outcome: answer.outcome,
        handledAt: answer.answeredAt,
        handledByParty: caller.party,
        handledByUser: caller.userId,
        answerMessageId,
        ...(refusalEnvelope === undefined ? {} : { refusalEnvelope }),
      });
      // Its commit wakes the outbox relay (NOTIFY), which publishes the answer.
      await this.parts.outbox.add(client, {
        messageId: answerMessageId,
        topic: Topics.information,
        key: request.municipality,
        value: Buffer.from(JSON.stringify(envelope)),
      });
    });
    await this.parts.access.allowed(attempt);
    this.parts.logger.info({ requestId, answerMessageId, outcome: answer.outcome }, 'information request handled');
    return { requestId, outcome: answer.outcome, answerMessageId, recipients };
  }

  /** The signal as the meeting holds it, opened as the caller's party: only a signal its municipality could read. */
  private async signalFor(request: StoredInformationRequest, party: string): Promise<Signal> {
    if (request.signalItem === undefined) throw new SignalUnavailable();
    const item = await this.parts.agenda.find(request.signalItem.itemId);
    if (item === undefined || !item.recipients.includes(party)) throw new SignalUnavailable();
    try {
      return (await this.parts.storedOpener.open(item.envelope, { as: party, payload: Signal })).payload;
    } catch (error) {
      if (error instanceof EnvelopeError) throw new SignalUnavailable();
      throw error;
    }
  }
}
