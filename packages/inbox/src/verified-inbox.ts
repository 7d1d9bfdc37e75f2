import type { AuditLog } from '@signaalhub/audit';
import { deadLetterOf, type BusMessage, type BusProducer } from '@signaalhub/bus';
import { Envelope, type EnvelopeHeader, type EventType, type PartyId } from '@signaalhub/contracts';
import { EnvelopeError, ReplayedError } from '@signaalhub/envelope';
import type { Logger } from '@signaalhub/logging';
import type { InboxVerification } from './inbox-verification.js';
import { Refused } from './refused.js';

/** `applied`: the handler ran; `duplicate`: its effect already existed; `refused`: dead-lettered and audited. */
export type InboxOutcome = 'applied' | 'duplicate' | 'refused';

/** What one inbox takes in and what it does with it; the domain lives in `refuseUnverified` and `apply`. */
export interface InboxSettings<V> {
  readonly eventType: EventType;
  readonly verification: InboxVerification<V>;
  /** The party the message is read as (its seen marks are per reader). */
  readonly reader: PartyId | ((header: EnvelopeHeader) => PartyId);
  /** Audit action of a refusal, e.g. `signal.admit`. */
  readonly auditAction: string;
  /**
   * A refusal code for a header no retry can make acceptable (e.g. a municipality this service does not
   * serve), checked before verifying; undefined to go on. Only routing facts may be judged here.
   */
  readonly refuseUnverified?: (header: EnvelopeHeader) => string | undefined;
  /** Whether the handler's effect for this message exists: a replayed message is then a duplicate. */
  readonly alreadyApplied: (header: EnvelopeHeader) => Promise<boolean>;
  /**
   * The domain effect, idempotent under redelivery. Throw `Refused` for a permanent domain refusal;
   * anything else thrown is transient and the bus retries the message.
   */
  readonly apply: (verified: V, envelope: Envelope) => Promise<void>;
}

/** The service's clients the inbox writes refusals to. */
export interface InboxParts {
  /** Audit actor: this service's name. */
  readonly service: string;
  readonly deadLetters: Pick<BusProducer, 'send'>;
  readonly audit: Pick<AuditLog, 'record'>;
  readonly logger: Logger;
}

const DUPLICATE = Symbol('duplicate');

/**
 * Takes in one event type (DESIGN.md §4): parse once → type → the service's header check → verify as
 * the reader → replay rule → handler. A permanent failure (malformed, wrong type, refused header, any
 * EnvelopeError but a replay, a `Refused` from the handler) is dead-lettered at once (still ciphertext)
 * and audited, and the consumer goes on; anything else is thrown so the bus retries it.
 */
export class VerifiedInbox<V> {
  constructor(
    private readonly settings: InboxSettings<V>,
    private readonly parts: InboxParts,
  ) {}

  async receive(message: BusMessage): Promise<InboxOutcome> {
    let envelope: Envelope | undefined;
    try {
      envelope = parseEnvelope(message.value);
      return await this.admit(envelope);
    } catch (error) {
      const code = refusalCode(error);
      if (code === undefined) throw error;
      await this.refuse(message, envelope?.header.messageId, code);
      return 'refused';
    }
  }

  private async admit(envelope: Envelope): Promise<InboxOutcome> {
    const { header } = envelope;
    const { verification } = this.settings;
    if (header.type !== this.settings.eventType) throw new Refused('WRONG_EVENT_TYPE');
    const refusal = this.settings.refuseUnverified?.(header);
    if (refusal !== undefined) throw new Refused(refusal);
    const reader = typeof this.settings.reader === 'function' ? this.settings.reader(header) : this.settings.reader;
    if (!verification.canReadAs(reader)) throw new Refused('NO_KEY_FOR_READER');
    const verified = await this.verify(envelope, reader);
    if (verified === DUPLICATE) return 'duplicate';
    try {
      await this.settings.apply(verified, envelope);
    } catch (error) {
      // Verified but not applied: the redelivery must not be mistaken for a replay.
      await verification.forget(header, reader);
      throw error;
    }
    return 'applied';
  }

  /**
   * The replay rule: a ReplayedError means either a true duplicate (its effect exists: acknowledge) or
   * a crash after the first verification (no effect: forget the mark and verify again).
   */
  private async verify(envelope: Envelope, reader: PartyId): Promise<V | typeof DUPLICATE> {
    const { verification } = this.settings;
    try {
      return await verification.verify(envelope, reader);
    } catch (error) {
      if (!(error instanceof ReplayedError)) throw error;
      if (await this.settings.alreadyApplied(envelope.header)) return DUPLICATE;
      await verification.forget(envelope.header, reader);
      return verification.verify(envelope, reader);
    }
  }

  private async refuse(message: BusMessage, messageId: string | undefined, code: string): Promise<void> {
    await this.parts.audit.record({
      actor: { service: this.parts.service },
      action: this.settings.auditAction,
      objectType: 'envelope',
      objectId: messageId ?? `${message.topic}/${String(message.partition)}/${message.offset}`,
      result: 'denied',
      origin: 'kafka',
      reason: code,
    });
    const letter = deadLetterOf(message, new Refused(code), 1);
    await this.parts.deadLetters.send(letter.topic, [letter.message]);
    // Ids and the code only: nothing of an unverified message's content.
    const { eventType } = this.settings;
    const { topic, partition, offset } = message;
    this.parts.logger.warn({ eventType, topic, partition, offset, messageId, code }, `${entityOf(eventType)} refused and dead-lettered`);
  }
}

/** Event types are named `entity.past_tense`: `signal.submitted` → `signal`. */
function entityOf(eventType: EventType): string {
  return eventType.split('.')[0] ?? eventType;
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
  // A replay even after forgetting: another consumer is applying it right now; on retry it is a duplicate.
  if (error instanceof ReplayedError) return undefined;
  if (error instanceof EnvelopeError) return error.code;
  return undefined;
}
