import type { BusMessage } from '@signaalhub/bus';
import {
  EventTypes,
  InformationRequested,
  informationRequestRecipients,
  municipalityPartyId,
  type EnvelopeHeaderOf,
  type EnvelopeOf,
} from '@signaalhub/contracts';
import type { EnvelopeOpener, OpenedEnvelope } from '@signaalhub/envelope';
import { openedEnvelopes, Refused, VerifiedInbox, type InboxOutcome, type InboxParts } from '@signaalhub/inbox';
import type { InformationRequestStore } from './information-request-store.js';

type RequestHeader = EnvelopeHeaderOf<typeof EventTypes.informationRequested>;

export interface InformationRequestIntakeParts {
  /** Backed by the shared replay store, with this service's freshness window. */
  readonly opener: EnvelopeOpener;
  readonly store: InformationRequestStore;
  /** The municipalities this meeting acts for. */
  readonly municipalities: readonly string[];
  readonly inbox: InboxParts;
}

/**
 * `information.requested` for a signal of a municipality this meeting serves → verified and opened by
 * the inbox as that municipality's party → stored as it came (ciphertext), waiting for the meeting's
 * members. A request that is not exactly between its sender and the owning municipality is refused.
 */
export class InformationRequestIntake {
  private readonly inbox: VerifiedInbox<typeof EventTypes.informationRequested, OpenedEnvelope<InformationRequested>>;

  constructor(private readonly parts: InformationRequestIntakeParts) {
    this.inbox = new VerifiedInbox(
      {
        eventType: EventTypes.informationRequested,
        verification: openedEnvelopes(parts.opener, InformationRequested),
        reader: (header) => municipalityPartyId(header.municipality),
        auditAction: 'information.receive',
        refuseUnverified: (header) => this.refusalOf(header),
        alreadyApplied: (header) => parts.store.hasMessage(header.messageId),
        apply: (opened, envelope) => this.store(opened.payload, envelope),
      },
      parts.inbox,
    );
  }

  async receive(message: BusMessage): Promise<InboxOutcome> {
    return this.inbox.receive(message);
  }

  private refusalOf(header: RequestHeader): string | undefined {
    if (!this.parts.municipalities.includes(header.municipality)) return 'UNKNOWN_MUNICIPALITY';
    // Only signals are answered here; a v1 header has no object kind at all.
    if (!('objectKind' in header) || header.objectKind !== 'signal') return 'UNSUPPORTED_OBJECT_KIND';
    return undefined;
  }

  private async store(request: InformationRequested, envelope: EnvelopeOf<typeof EventTypes.informationRequested>): Promise<void> {
    const { header } = envelope;
    // The signed header and the signed payload must agree on owner and requester.
    if (request.municipality !== header.municipality || request.requestedBy.party !== header.sender) throw new Refused('PAYLOAD_HEADER_MISMATCH');
    // The purpose is for the owner alone: any other recipient would have read it too.
    const owner = informationRequestRecipients(request.municipality);
    if (header.recipients.length !== owner.length || !owner.every((party) => header.recipients.includes(party))) throw new Refused('NOT_SEALED_TO_OWNER_ONLY');
    await this.parts.store.insert({
      requestId: request.requestId,
      messageId: header.messageId,
      municipality: request.municipality,
      signalId: request.object.signalId,
      requesterParty: header.sender,
      receivedAt: header.createdAt,
      envelope,
    });
    this.parts.inbox.logger.info({ messageId: header.messageId, requestId: request.requestId, municipality: header.municipality }, 'information request received');
  }
}
