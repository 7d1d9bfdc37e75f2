import type { AuditLog } from '@signaalhub/audit';
import type { BusMessage, BusProducer } from '@signaalhub/bus';
import { DecisionRecorded, EventTypes, municipalityPartyId, type EnvelopeOf } from '@signaalhub/contracts';
import type { EnvelopeOpener, OpenedEnvelope } from '@signaalhub/envelope';
import { openedEnvelopes, Refused, VerifiedInbox, type InboxOutcome } from '@signaalhub/inbox';
import type { Logger } from '@signaalhub/logging';
import type { SignalStore } from '../signals/signal-store.js';
import type { DecisionStore } from './decision-store.js';

export const SERVICE_ACTOR = { service: 'signal-intake' } as const;

export interface DecisionReceiverParts {
  /** Backed by the shared replay store, with a freshness window chosen for this consumer. */
  readonly opener: EnvelopeOpener;
  readonly signals: SignalStore;
  readonly decisions: DecisionStore;
  readonly auditLog: AuditLog;
  readonly deadLetters: BusProducer;
  readonly logger: Logger;
}

/**
 * Takes in a decision.recorded envelope: verified by the inbox as the reporting municipality's party
 * (the meeting seals the decision to it), checked to belong to a signal this service accepted, and
 * stored — still sealed — linked to that signal. Transient failures (database, Redis) are thrown so the
 * bus retries; refusals are dead-lettered at once.
 */
export class DecisionReceiver {
  private readonly inbox: VerifiedInbox<typeof EventTypes.decisionRecorded, OpenedEnvelope<DecisionRecorded>>;

  constructor(private readonly parts: DecisionReceiverParts) {
    this.inbox = new VerifiedInbox(
      {
        eventType: EventTypes.decisionRecorded,
        verification: openedEnvelopes(parts.opener, DecisionRecorded),
        reader: (header) => municipalityPartyId(header.municipality),
        auditAction: 'decision.receive',
        alreadyApplied: (header) => parts.decisions.exists(header.messageId),
        apply: (opened, envelope) => this.store(opened.payload, envelope),
      },
      { service: SERVICE_ACTOR.service, deadLetters: parts.deadLetters, audit: parts.auditLog, logger: parts.logger },
    );
  }

  receive(message: BusMessage): Promise<InboxOutcome> {
    return this.inbox.receive(message);
  }

  private async store(decision: DecisionRecorded, envelope: EnvelopeOf<typeof EventTypes.decisionRecorded>): Promise<void> {
    const { header } = envelope;
    const reader = municipalityPartyId(header.municipality);
    const signal = await this.parts.signals.findSummary(decision.signalId);
    if (signal?.reporterParty !== reader || signal.municipality !== decision.municipality) throw new Refused('UNKNOWN_SIGNAL');
    await this.parts.decisions.save({
      messageId: header.messageId,
      signalId: decision.signalId,
      readerParty: reader,
      decidedAt: decision.decidedAt,
      envelope,
    });
    await this.parts.auditLog.record({
      actor: SERVICE_ACTOR,
      action: 'decision.open',
      objectType: 'decision',
      objectId: header.messageId,
      result: 'allowed',
      origin: 'kafka',
    });
    this.parts.logger.info({ messageId: header.messageId, signalId: decision.signalId }, 'decision stored');
  }
}
