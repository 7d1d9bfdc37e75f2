import type { AuditLog } from '@signaalhub/audit';
import type { BusMessage } from '@signaalhub/bus';
import { Envelope, EventTypes, hasEventType, municipalityPartyId, Signal, type EnvelopeHeaderOf, type EnvelopeOf } from '@signaalhub/contracts';
import { EnvelopeError, ReplayedError, type EnvelopeOpener, type OpenedEnvelope, type ReplayStore } from '@signaalhub/envelope';
import type { Logger } from '@signaalhub/logging';
import type { AgendaQueues } from '../agenda/agenda-queues.js';
import type { AgendaStore } from '../agenda/agenda-store.js';
import type { MatchTokenStore } from '../hits/match-token-store.js';
import type { PermanentRejection } from './permanent-rejection.js';

type SignalHeader = EnvelopeHeaderOf<typeof EventTypes.signalSubmitted>;
type SignalEnvelope = EnvelopeOf<typeof EventTypes.signalSubmitted>;

export type AdmissionOutcome = 'admitted' | 'duplicate' | 'rejected';

export interface SignalAdmissionParts {
  readonly opener: EnvelopeOpener;
  readonly replayStore: ReplayStore;
  readonly queues: AgendaQueues;
  readonly agenda: AgendaStore;
  readonly tokens: MatchTokenStore;
  readonly rejection: PermanentRejection;
  readonly audit: AuditLog;
  readonly logger: Logger;
  /** Audit actor name of this service. */
  readonly serviceName: string;
}

/** Why a message was refused before opening; codes only (they go to the DLQ header and the audit log). */
class NotAdmissible extends Error {
  override readonly name = 'NotAdmissible';
  constructor(readonly code: string) {
    super(code);
  }
}

/**
 * `signal.submitted` → verified (opened as the signal's municipality party) → match tokens recorded →
 * a job on that municipality's agenda queue (jobId = message id). Idempotent under redelivery: every
 * step either is a no-op the second time or is checked first.
 */
export class SignalAdmission {
  constructor(private readonly parts: SignalAdmissionParts) {}

  async admit(message: BusMessage): Promise<AdmissionOutcome> {
    let envelope: SignalEnvelope;
    let opened: OpenedEnvelope<Signal>;
    try {
      envelope = this.readEnvelope(message);
      opened = await this.open(envelope);
    } catch (error) {
      if (error instanceof Duplicate) return 'duplicate';
      // A replay even after forgetting means another consumer is admitting it right now: retry, then it is a duplicate.
      if (error instanceof ReplayedError) throw error;
      const code = error instanceof NotAdmissible ? error.code : error instanceof EnvelopeError ? error.code : undefined;
      // Anything else (Redis down, …) is transient: the bus retries it.
      if (code === undefined) throw error;
      await this.reject(message, code);
      return 'rejected';
    }
    // The opener verified this header against the signed facts (and, for v2, the sender's header signature).
    const { header } = envelope;
    const signal = opened.payload;
    try {
      await this.parts.tokens.record(header.messageId, header.municipality, header.matchTokens);
      await this.parts.queues.enqueue({
        envelope,
        messageId: header.messageId,
        signalId: signal.id,
        municipality: header.municipality,
        theme: header.theme,
        receivedAt: header.createdAt,
        reporterParty: signal.reporter.party,
      });
    } catch (error) {
      // The broker will redeliver; without this the redelivery would look like a replay.
      await this.parts.replayStore.forget(this.replayKey(header));
      throw error;
    }
    this.parts.logger.info({ messageId: header.messageId, municipality: header.municipality }, 'signal admitted to agenda queue');
    return 'admitted';
  }

  private readEnvelope(message: BusMessage): SignalEnvelope {
    let json: unknown;
    try {
      json = JSON.parse(message.value.toString('utf8'));
    } catch {
      throw new NotAdmissible('MALFORMED_ENVELOPE');
    }
    const parsed = Envelope.safeParse(json);
    if (!parsed.success) throw new NotAdmissible('MALFORMED_ENVELOPE');
    const { header, body } = parsed.data;
    if (!hasEventType(header, EventTypes.signalSubmitted)) throw new NotAdmissible('WRONG_EVENT_TYPE');
    if (!this.parts.queues.has(header.municipality)) throw new NotAdmissible('UNKNOWN_MUNICIPALITY');
    return { header, body };
  }

  /**
   * The replay-store rule: a ReplayedError means either a true duplicate (its effect, the agenda job or
   * row, exists: acknowledge) or a crash after the first open (no effect: forget the mark and open again).
   */
  private async open(envelope: SignalEnvelope): Promise<OpenedEnvelope<Signal>> {
    const reader = municipalityPartyId(envelope.header.municipality);
    try {
      return await this.openAs(envelope, reader);
    } catch (error) {
      if (!(error instanceof ReplayedError)) throw error;
      if (await this.alreadyAdmitted(envelope.header)) throw new Duplicate();
      await this.parts.replayStore.forget(this.replayKey(envelope.header));
      return this.openAs(envelope, reader);
    }
  }

  private async openAs(envelope: SignalEnvelope, reader: string): Promise<OpenedEnvelope<Signal>> {
    const opened = await this.parts.opener.open(envelope, { as: reader, payload: Signal });
    // The signed header and the signed payload must agree on where the signal belongs.
    if (opened.payload.municipality !== envelope.header.municipality || opened.payload.theme !== envelope.header.theme) {
      throw new NotAdmissible('PAYLOAD_HEADER_MISMATCH');
    }
    return opened;
  }

  private async alreadyAdmitted(header: SignalHeader): Promise<boolean> {
    return (await this.parts.queues.hasJob(header.municipality, header.messageId)) || (await this.parts.agenda.has(header.messageId));
  }

  private replayKey(header: SignalHeader): string {
    // The opener's key format: `<reader party>:<message id>` (see ReplayStore).
    return `${municipalityPartyId(header.municipality)}:${header.messageId}`;
  }

  private async reject(message: BusMessage, code: string): Promise<void> {
    const messageId = messageIdOf(message);
    await this.parts.rejection.deadLetter(message, code);
    await this.parts.audit.record({
      actor: { service: this.parts.serviceName },
      action: 'signal.admit',
      objectType: 'envelope',
      objectId: messageId ?? `${message.topic}/${message.partition}/${message.offset}`,
      result: 'denied',
      origin: 'kafka',
      reason: code,
    });
    this.parts.logger.warn({ messageId, partition: message.partition, offset: message.offset, reason: code }, 'signal refused and dead-lettered');
  }
}

class Duplicate extends Error {
  override readonly name = 'Duplicate';
}

/** The header's message id when it is a well-formed id; nothing else of an unverified message is trusted. */
function messageIdOf(message: BusMessage): string | undefined {
  try {
    const parsed = Envelope.safeParse(JSON.parse(message.value.toString('utf8')));
    return parsed.success ? parsed.data.header.messageId : undefined;
  } catch {
    return undefined;
  }
}
