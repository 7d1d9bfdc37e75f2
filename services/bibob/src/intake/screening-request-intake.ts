import type { BusMessage } from '@signaalhub/bus';
import { EventTypes, municipalityPartyId, ScreeningRequested, type EnvelopeOf } from '@signaalhub/contracts';
import type { EnvelopeOpener, OpenedEnvelope } from '@signaalhub/envelope';
import { openedEnvelopes, Refused, VerifiedInbox, type InboxOutcome, type InboxParts } from '@signaalhub/inbox';
import type { ScreeningOpening } from '../screenings/screening-opening.js';
import type { ScreeningStore } from '../screenings/screening-store.js';

export interface ScreeningRequestIntakeParts {
  readonly opener: EnvelopeOpener;
  readonly opening: ScreeningOpening;
  readonly store: ScreeningStore;
  readonly poolParty: string;
  readonly municipalities: readonly string[];
  readonly inbox: InboxParts;
}

/** Only the requested type concerns the intake; the pool's own events share the screening topic. */
function eventTypeOf(message: BusMessage): string | undefined {
  try {
    const parsed = JSON.parse(message.value.toString('utf8')) as { header?: { type?: unknown } };
    return typeof parsed.header?.type === 'string' ? parsed.header.type : undefined;
  } catch {
    return undefined;
  }
}

/**
 * `screening.requested` → verified and opened by the inbox as the pool party → a screening opened
 * (idempotent per message id). The sender must be the municipality it asks for, and the signed payload
 * must agree with the header; anything else is refused (dead letter, audit).
 */
export class ScreeningRequestIntake {
  private readonly inbox: VerifiedInbox<typeof EventTypes.screeningRequested, OpenedEnvelope<ScreeningRequested>>;

  constructor(private readonly parts: ScreeningRequestIntakeParts) {
    this.inbox = new VerifiedInbox(
      {
        eventType: EventTypes.screeningRequested,
        verification: openedEnvelopes(parts.opener, ScreeningRequested),
        reader: parts.poolParty,
        auditAction: 'screening.request',
        refuseUnverified: (header) => (parts.municipalities.includes(header.municipality) ? undefined : 'UNKNOWN_MUNICIPALITY'),
        alreadyApplied: (header) => parts.store.hasRequest(header.messageId),
        apply: (opened, envelope) => this.open(opened.payload, envelope),
      },
      parts.inbox,
    );
  }

  /** Undefined for the topic's other event types, which are not for the intake (acknowledged as they are). */
  async receive(message: BusMessage): Promise<InboxOutcome | undefined> {
    const type = eventTypeOf(message);
    // An unreadable message is still the inbox's to refuse; the pool's own events pass by.
    if (type !== undefined && type !== EventTypes.screeningRequested && type.startsWith('screening.')) return undefined;
    return this.inbox.receive(message);
  }

  private async open(request: ScreeningRequested, envelope: EnvelopeOf<typeof EventTypes.screeningRequested>): Promise<void> {
    const { header } = envelope;
    const permitKind = 'permitKind' in header ? header.permitKind : undefined;
    if (request.municipality !== header.municipality || request.kind !== permitKind) throw new Refused('PAYLOAD_HEADER_MISMATCH');
    if (header.sender !== municipalityPartyId(header.municipality)) throw new Refused('SENDER_NOT_THE_MUNICIPALITY');
    await this.parts.opening.open({
      application: request,
      reference: request.reference,
      actor: request.requestedBy,
      requestedByParty: header.sender,
      requestMessageId: header.messageId,
    });
  }
}
