import type { AuditLog } from '@signaalhub/audit';
import { deadLetterOf, type BusMessage, type BusProducer } from '@signaalhub/bus';
import { Envelope, hasEventType, type EnvelopeHeaderOf, type EnvelopeOf, type EventType, type PartyId } from '@signaalhub/contracts';
import { EnvelopeError, lacksHeaderSignature, ReplayedError } from '@signaalhub/envelope';
import type { Logger } from '@signaalhub/logging';
import type { InboxVerification } from './inbox-verification.js';
import { Refused } from './refused.js';

/**
 * `applied`: the handler ran; `duplicate`: its effect already existed; `refused`: dead-lettered and audited;
 * `not-addressed`: a message on a shared topic for another reader, acknowledged without effect.
 */
export type InboxOutcome = 'applied' | 'duplicate' | 'refused' | 'not-addressed';

/** What one inbox takes in and what it does with it; the domain lives in `refuseUnverified` and `apply`. */
export interface InboxSettings<T extends EventType, V> {
  readonly eventType: T;
  readonly verification: InboxVerification<V>;
  /** The party the message is read as (its seen marks are per reader). */
  readonly reader: PartyId | ((header: EnvelopeHeaderOf<T>) => PartyId);
  /** Audit action of a refusal, e.g. `signal.admit`. */
  readonly auditAction: string;
  /**
   * Whether a message is for another reader of the same topic (e.g. an answer to another requester's
   * request): acknowledged without effect, no dead letter, no audit. Judged on the unverified header, so
   * only a message that does not concern this reader may be skipped: a forged copy that names the reader
   * is verified (and refused) as usual.
   */
  readonly addressedToOther?: (header: EnvelopeHeaderOf<T>) => boolean;
  /**
   * A refusal code for a header no retry can make acceptable (e.g. a municipality this service does not
   * serve), checked before verifying; undefined to go on. Only routing facts may be judged here.
   */
  readonly refuseUnverified?: (header: EnvelopeHeaderOf<T>) => string | undefined;
  /** Whether the handler's effect for this message exists: a replayed message is then a duplicate. */
  readonly alreadyApplied: (header: EnvelopeHeaderOf<T>) => Promise<boolean>;
  /**
   * The domain effect, idempotent under redelivery. Throw `Refused` for a permanent domain refusal;
   * anything else thrown is transient and the bus retries the message.
   */
  readonly apply: (verified: V, envelope: EnvelopeOf<T>) => Promise<void>;
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
export class VerifiedInbox<T extends EventType, V> {
  constructor(
    private readonly settings: InboxSettings<T, V>,
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

  private async admit({ header: anyHeader, body }: Envelope): Promise<InboxOutcome> {
    const { verification } = this.settings;
    if (!hasEventType(anyHeader, this.settings.eventType)) throw new Refused('WRONG_EVENT_TYPE');
    const header: EnvelopeHeaderOf<T> = anyHeader;
    const envelope: EnvelopeOf<T> = { header, body };
    if (this.settings.addressedToOther?.(header) === true) return 'not-addressed';
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
  private async verify(envelope: EnvelopeOf<T>, reader: PartyId): Promise<V | typeof DUPLICATE> {
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
  if (parsed.success) return parsed.data;
  // A v2 header stripped of its sender's signature is named as such, not as a malformed envelope.
  const header = typeof json === 'object' && json !== null ? (json as { header?: unknown }).header : undefined;
  const strippedV2 = typeof header === 'object' && header !== null && 'headerVersion' in header && lacksHeaderSignature(header);
  throw new Refused(strippedV2 ? 'HEADER_SIGNATURE_MISSING' : 'MALFORMED_ENVELOPE');
}

/** The code of a permanent refusal, or undefined for a transient failure that deserves a retry. */
function refusalCode(error: unknown): string | undefined {
  if (error instanceof Refused) return error.code;
  // A replay even after forgetting: another consumer is applying it right now; on retry it is a duplicate.
  if (error instanceof ReplayedError) return undefined;
  if (error instanceof EnvelopeError) return error.code;
  return undefined;
}
