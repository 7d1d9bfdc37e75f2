import type { BusMessage } from '@signaalhub/bus';
import {
  EventTypes,
  HandoverAccepted,
  handoverAnswerRecipients,
  HandoverReturned,
  municipalityPartyId,
  type EnvelopeHeaderOf,
  type EnvelopeOf,
} from '@signaalhub/contracts';
import type { EnvelopeOpener, OpenedEnvelope } from '@signaalhub/envelope';
import { openedEnvelopes, Refused, VerifiedInbox, type InboxOutcome, type InboxParts } from '@signaalhub/inbox';
import type { HandoverAnswerStore } from './handover-answer-store.js';

type AnswerType = typeof EventTypes.handoverAccepted | typeof EventTypes.handoverReturned;
type AnswerPayload = HandoverAccepted | HandoverReturned;

export interface HandoverAnswerIntakeParts {
  /** Backed by the shared replay store, with this service's freshness window. */
  readonly opener: EnvelopeOpener;
  readonly store: HandoverAnswerStore;
  /** The municipalities this meeting acts for. */
  readonly municipalities: readonly string[];
  /** The only sender of an answer: the RIEC's party, whose key is pinned in the party directory. */
  readonly riecParty: string;
  readonly inbox: InboxParts;
}

/**
 * `handover.accepted` / `handover.returned` from the RIEC → verified and opened by the inbox as the
 * deciding municipality's party → kept as it came (ciphertext) with the item of the decision, for the
 * item's history. Refused: another sender, another municipality's decision, a decision not handed over,
 * an answer sealed to anyone but the municipality.
 */
export class HandoverAnswerIntake {
  private readonly inboxes: { readonly [T in AnswerType]: VerifiedInbox<T, OpenedEnvelope<AnswerPayload>> };

  constructor(private readonly parts: HandoverAnswerIntakeParts) {
    const inbox = <T extends AnswerType>(eventType: T, payload: typeof HandoverAccepted | typeof HandoverReturned): VerifiedInbox<T, OpenedEnvelope<AnswerPayload>> =>
      new VerifiedInbox<T, OpenedEnvelope<AnswerPayload>>(
        {
          eventType,
          verification: openedEnvelopes<AnswerPayload>(parts.opener, payload),
          reader: (header) => municipalityPartyId(header.municipality),
          auditAction: 'handover.receive',
          refuseUnverified: (header) => this.refusalOf(header),
          alreadyApplied: (header) => parts.store.hasMessage(header.messageId),
          apply: (opened, envelope) => this.keep(eventType, opened.payload, envelope),
        },
        parts.inbox,
      );
    this.inboxes = {
      [EventTypes.handoverAccepted]: inbox(EventTypes.handoverAccepted, HandoverAccepted),
      [EventTypes.handoverReturned]: inbox(EventTypes.handoverReturned, HandoverReturned),
    };
  }

  receive(type: AnswerType, message: BusMessage): Promise<InboxOutcome> {
    return (this.inboxes[type] as VerifiedInbox<AnswerType, OpenedEnvelope<AnswerPayload>>).receive(message);
  }

  private refusalOf(header: EnvelopeHeaderOf<AnswerType>): string | undefined {
    if (!this.parts.municipalities.includes(header.municipality)) return 'UNKNOWN_MUNICIPALITY';
    if (header.sender !== this.parts.riecParty) return 'SENDER_NOT_THE_RIEC';
    return undefined;
  }

  private async keep(type: AnswerType, answer: AnswerPayload, envelope: EnvelopeOf<AnswerType>): Promise<void> {
    const { header } = envelope;
    if (answer.municipality !== header.municipality) throw new Refused('PAYLOAD_HEADER_MISMATCH');
    // The reason is for the municipality alone: any other recipient would have read it too.
    const owner = handoverAnswerRecipients(answer.municipality);
    if (header.recipients.length !== owner.length || !owner.every((party) => header.recipients.includes(party))) throw new Refused('NOT_SEALED_TO_MUNICIPALITY_ONLY');
    const decision = await this.parts.store.handedOverDecision(answer.decisionId);
    if (decision?.municipality !== answer.municipality) throw new Refused('NOT_A_HANDED_OVER_DECISION');
    const outcome = type === EventTypes.handoverAccepted ? 'accepted' : 'returned';
    const kept = await this.parts.store.insert({
      messageId: header.messageId,
      decisionId: answer.decisionId,
      itemId: decision.itemId,
      outcome,
      answeredAt: answer.answeredAt,
      recipients: header.recipients,
      envelope,
    });
    this.parts.inbox.logger.info({ messageId: header.messageId, decisionId: answer.decisionId, outcome, kept }, 'hand-over answer received');
  }
}
