import type { AuditLog } from '@signaalhub/audit';
import type { BusMessage } from '@signaalhub/bus';
import { DecisionRecorded, Envelope, EventTypes, municipalityPartyId, type EnvelopeHeader } from '@signaalhub/contracts';
import { EnvelopeError, ReplayedError, type EnvelopeOpener, type PartyKeyring, type ReplayStore } from '@signaalhub/envelope';
import type { Logger } from '@signaalhub/logging';
import type { SignalStore } from '../signals/signal-store.js';
import type { DeadLetterWriter } from './dead-letter-writer.js';
import type { DecisionStore } from './decision-store.js';

export const SERVICE_ACTOR = { service: 'signal-intake' } as const;

export interface DecisionReceiverParts {
  readonly keyring: PartyKeyring;
  /** Backed by the shared replay store, with a freshness window chosen for this consumer. */
  readonly opener: EnvelopeOpener;
  readonly replayStore: ReplayStore;
  readonly signals: SignalStore;
  readonly decisions: DecisionStore;
  readonly auditLog: AuditLog;
  readonly deadLetters: DeadLetterWriter;
  readonly logger: Logger;
}

export type ReceiveOutcome = 'stored' | 'duplicate' | 'refused';

/** A refusal that no retry can fix: the message goes to the dead-letter topic and is audited. */
class Refused extends Error {
  override readonly name = 'Refused';
  constructor(readonly code: string) {
    super(code);
  }
}

/**
 * Takes in a decision.recorded envelope: verifies it as the reporting municipality's party (the meeting
 * seals the decision to it), checks it belongs to a signal this service accepted, and stores the
 * envelope — still sealed — linked to that signal. Transient failures (database, Redis) are thrown so
 * the bus retries; refusals are dead-lettered at once.
 */
export class DecisionReceiver {
  constructor(private readonly parts: DecisionReceiverParts) {}

  async receive(message: BusMessage): Promise<ReceiveOutcome> {
    let header: EnvelopeHeader | undefined;
    try {
      const envelope = parseEnvelope(message.value);
      header = envelope.header;
      return await this.admit(envelope);
    } catch (error) {
      const code = refusalCode(error);
      if (code === undefined) throw error;
      await this.refuse(message, header, code);
      return 'refused';
    }
  }

  async close(): Promise<void> {
    await this.parts.deadLetters.close();
  }

  private async admit(envelope: Envelope): Promise<ReceiveOutcome> {
    const { header } = envelope;
    if (header.type !== EventTypes.decisionRecorded) throw new Refused('WRONG_EVENT_TYPE');
    const reader = municipalityPartyId(header.municipality);
    if (!this.parts.keyring.canActAs(reader)) throw new Refused('NO_KEY_FOR_READER');
    const replayKey = `${reader}:${header.messageId}`;
    const opened = await this.open(envelope, reader, replayKey);
    if (opened === 'duplicate') return 'duplicate';
    try {
      const decision = opened.payload;
      const signal = await this.parts.signals.findSummary(decision.signalId);
      if (signal?.reporterParty !== reader || signal.municipality !== decision.municipality) {
        throw new Refused('UNKNOWN_SIGNAL');
      }
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
      return 'stored';
    } catch (error) {
      // Opened but not done: the redelivery must not be mistaken for a replay (spec: replay-store rule).
      await this.parts.replayStore.forget(replayKey);
      throw error;
    }
  }

  /**
   * A ReplayedError means this id was opened before: either it was fully handled (then it is a
   * duplicate to acknowledge) or the process died mid-way (then forget the mark and open again).
   */
  private async open(envelope: Envelope, reader: string, replayKey: string): Promise<{ payload: DecisionRecorded } | 'duplicate'> {
    try {
      return await this.parts.opener.open(envelope, { as: reader, payload: DecisionRecorded });
    } catch (error) {
      if (!(error instanceof ReplayedError)) throw error;
      if (await this.parts.decisions.exists(envelope.header.messageId)) return 'duplicate';
      await this.parts.replayStore.forget(replayKey);
      return this.parts.opener.open(envelope, { as: reader, payload: DecisionRecorded });
    }
  }

  private async refuse(message: BusMessage, header: EnvelopeHeader | undefined, code: string): Promise<void> {
    const objectId = header?.messageId ?? `${message.topic}/${String(message.partition)}/${message.offset}`;
    await this.parts.auditLog.record({
      actor: SERVICE_ACTOR,
      action: 'decision.receive',
      objectType: 'decision',
      objectId,
      result: 'denied',
      origin: 'kafka',
      reason: code,
    });
    await this.parts.deadLetters.write(message, `Refused: ${code}`);
    this.parts.logger.warn({ topic: message.topic, partition: message.partition, offset: message.offset, code }, 'decision refused');
  }
}

function parseEnvelope(value: Buffer): Envelope {
  let json: unknown;
  try {
    json = JSON.parse(value.toString('utf8'));
  } catch {
    throw new Refused('MALFORMED_ENVELOPE');
  }
  const parsed = Envelope.safeParse(json);
  if (!parsed.success) throw new Refused('MALFORMED_ENVELOPE');
  return parsed.data;
}

/** The code of a permanent refusal, or undefined for a transient failure that deserves a retry. */
function refusalCode(error: unknown): string | undefined {
  if (error instanceof Refused) return error.code;
  // A replay that survived the duplicate check above is a transient race: retry it.
  if (error instanceof ReplayedError) return undefined;
  if (error instanceof EnvelopeError) return error.code;
  return undefined;
}
