import type { BusMessage } from '@signaalhub/bus';
import { EventTypes, municipalityPartyId, Signal, type Envelope, type EnvelopeHeader } from '@signaalhub/contracts';
import type { EnvelopeOpener, OpenedEnvelope } from '@signaalhub/envelope';
import { openedEnvelopes, Refused, VerifiedInbox, type InboxOutcome, type InboxParts } from '@signaalhub/inbox';
import type { MatchTokenStore } from '@signaalhub/matching';
import type { AgendaQueues } from '../agenda/agenda-queues.js';
import type { AgendaStore } from '../agenda/agenda-store.js';

export interface SignalAdmissionParts {
  /** Backed by the shared replay store, with this service's freshness window. */
  readonly opener: EnvelopeOpener;
  readonly queues: AgendaQueues;
  readonly agenda: AgendaStore;
  readonly tokens: MatchTokenStore;
  /** Where refusals go: dead letters, the audit log and the log. */
  readonly inbox: InboxParts;
}

/**
 * `signal.submitted` → verified by the inbox (opened as the signal's municipality party) → match tokens
 * recorded → a job on that municipality's agenda queue (jobId = message id). Idempotent under
 * redelivery: every step either is a no-op the second time or is checked first.
 */
export class SignalAdmission {
  private readonly inbox: VerifiedInbox<OpenedEnvelope<Signal>>;

  constructor(private readonly parts: SignalAdmissionParts) {
    this.inbox = new VerifiedInbox(
      {
        eventType: EventTypes.signalSubmitted,
        verification: openedEnvelopes(parts.opener, Signal),
        reader: (header) => municipalityPartyId(header.municipality),
        auditAction: 'signal.admit',
        refuseUnverified: (header) => (parts.queues.has(header.municipality) ? undefined : 'UNKNOWN_MUNICIPALITY'),
        alreadyApplied: (header) => this.alreadyAdmitted(header),
        apply: (opened, envelope) => this.enqueue(opened, envelope),
      },
      parts.inbox,
    );
  }

  admit(message: BusMessage): Promise<InboxOutcome> {
    return this.inbox.receive(message);
  }

  private async enqueue({ header, payload: signal }: OpenedEnvelope<Signal>, envelope: Envelope): Promise<void> {
    // The signed header and the signed payload must agree on where the signal belongs.
    if (signal.municipality !== header.municipality || signal.theme !== header.theme) throw new Refused('PAYLOAD_HEADER_MISMATCH');
    await this.parts.tokens.record(header.messageId, header.municipality, header.matchTokens, header.theme);
    await this.parts.queues.enqueue({
      envelope,
      messageId: header.messageId,
      signalId: signal.id,
      municipality: header.municipality,
      theme: header.theme,
      receivedAt: header.createdAt,
      reporterParty: signal.reporter.party,
    });
    this.parts.inbox.logger.info({ messageId: header.messageId, municipality: header.municipality }, 'signal admitted to agenda queue');
  }

  /** The effect of an earlier delivery: the agenda job, or the agenda row once the job was worked. */
  private async alreadyAdmitted(header: EnvelopeHeader): Promise<boolean> {
    return (await this.parts.queues.hasJob(header.municipality, header.messageId)) || (await this.parts.agenda.has(header.messageId));
  }
}
