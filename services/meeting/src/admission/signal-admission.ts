import type { BusMessage } from '@signaalhub/bus';
import { EventTypes, importedReportDay, municipalityPartyId, Signal, type AgendaJobData, type EnvelopeHeaderOf, type EnvelopeOf } from '@signaalhub/contracts';
import type { EnvelopeOpener, OpenedEnvelope } from '@signaalhub/envelope';
import { openedEnvelopes, Refused, VerifiedInbox, type InboxOutcome, type InboxParts } from '@signaalhub/inbox';
import type { MatchTokenStore } from '@signaalhub/matching';
import type { AgendaQueues } from '../agenda/agenda-queues.js';
import type { AgendaStore } from '../agenda/agenda-store.js';

/**
 * The meeting's words for what became of a signal: on the agenda queue, already there, or refused
 * (`not-addressed` cannot happen: every signal names its municipality, which the meeting reads as).
 */
export type AdmissionOutcome = 'admitted' | 'duplicate' | 'rejected' | 'not-addressed';
const ADMISSION_OUTCOME: Readonly<Record<InboxOutcome, AdmissionOutcome>> = { applied: 'admitted', duplicate: 'duplicate', refused: 'rejected', 'not-addressed': 'not-addressed' };

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
 * recorded → a job on that municipality's agenda queue (jobId = message id). A historically imported signal
 * (header `reportedOn`) is stored as an imported item instead: it counts for hits and can be found, but the
 * meeting discussed it before the hub (if at all), so it never lands on an agenda. Idempotent under
 * redelivery: every step either is a no-op the second time or is checked first.
 */
export class SignalAdmission {
  private readonly inbox: VerifiedInbox<typeof EventTypes.signalSubmitted, OpenedEnvelope<Signal>>;

  constructor(private readonly parts: SignalAdmissionParts) {
    this.inbox = new VerifiedInbox(
      {
        eventType: EventTypes.signalSubmitted,
        verification: openedEnvelopes(parts.opener, Signal),
        reader: (header) => municipalityPartyId(header.municipality),
        auditAction: 'signal.admit',
        refuseUnverified: (header) => (parts.queues.has(header.municipality) ? undefined : 'UNKNOWN_MUNICIPALITY'),
        alreadyApplied: (header) => this.alreadyAdmitted(header),
        apply: (opened, envelope) => this.enqueue(opened.payload, envelope),
      },
      parts.inbox,
    );
  }

  async admit(message: BusMessage): Promise<AdmissionOutcome> {
    return ADMISSION_OUTCOME[await this.inbox.receive(message)];
  }

  private async enqueue(signal: Signal, envelope: EnvelopeOf<typeof EventTypes.signalSubmitted>): Promise<void> {
    // The opener verified this header against the signed facts (and, for v2, the sender's header signature).
    const { header } = envelope;
    // The signed header and the signed payload must agree on where the signal belongs.
    if (signal.municipality !== header.municipality || signal.theme !== header.theme) throw new Refused('PAYLOAD_HEADER_MISMATCH');
    await this.parts.tokens.record(header.messageId, header.municipality, header.matchTokens, header.theme);
    const item: AgendaJobData = {
      envelope,
      messageId: header.messageId,
      signalId: signal.id,
      municipality: header.municipality,
      theme: header.theme,
      receivedAt: header.createdAt,
      reporterParty: signal.reporter.party,
    };
    const reportedOn = importedReportDay(header);
    if (reportedOn !== undefined) {
      await this.parts.agenda.insert(item, { status: 'imported', reportedOn });
      this.parts.inbox.logger.info({ messageId: header.messageId, municipality: header.municipality, reportedOn }, 'imported signal admitted, not on an agenda');
      return;
    }
    await this.parts.queues.enqueue(item);
    this.parts.inbox.logger.info({ messageId: header.messageId, municipality: header.municipality }, 'signal admitted to agenda queue');
  }

  /** The effect of an earlier delivery: the agenda job, or the agenda row once the job was worked. */
  private async alreadyAdmitted(header: EnvelopeHeaderOf<typeof EventTypes.signalSubmitted>): Promise<boolean> {
    return (await this.parts.queues.hasJob(header.municipality, header.messageId)) || (await this.parts.agenda.has(header.messageId));
  }
}
