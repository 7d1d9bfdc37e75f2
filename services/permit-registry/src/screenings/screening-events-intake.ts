import type { BusMessage } from '@signaalhub/bus';
import {
  EventTypes,
  municipalityPartyId,
  ScreeningConcluded,
  ScreeningOpened,
  ScreeningProgressed,
  type EnvelopeHeaderOf,
  type EnvelopeOf,
  type EventType,
} from '@signaalhub/contracts';
import { withTransaction } from '@signaalhub/database';
import type { EnvelopeOpener, OpenedEnvelope } from '@signaalhub/envelope';
import { openedEnvelopes, Refused, VerifiedInbox, type InboxOutcome, type InboxParts } from '@signaalhub/inbox';
import type { Pool, PoolClient } from 'pg';
import type { MunicipalRecords } from '../registry/registry-records.js';

/** A conclusion as the registry keeps it: sealed to the municipality's own party (art. 28 Wet Bibob). */
export interface SealedConclusion {
  readonly version: number;
  readonly conclusionSealed: string;
  readonly approvedAt: string;
}

/**
 * What one screening was asked for (an application, or a re-screening of an establishment), locked in the
 * intake's transaction, found by the reference the registry gave: `screening.opened` links the pool's
 * screening to it. Throw `Refused` for an opening that does not fit.
 */
export interface RequestedSubject {
  readonly municipality: string;
  opened(client: PoolClient, payload: ScreeningOpened, messageId: string): Promise<void>;
}

/** The same once linked, found by the pool's screening id. Every effect is idempotent per pool message. */
export interface ScreenedSubject {
  readonly municipality: string;
  progressed(client: PoolClient, payload: ScreeningProgressed, messageId: string): Promise<void>;
  concluded(client: PoolClient, conclusion: SealedConclusion, messageId: string): Promise<void>;
}

/** One kind of thing the registry asks screenings for: finds the subject an event concerns, or none. */
export interface ScreeningTarget {
  /** By the reference the registry gave in `screening.requested` (named back by `screening.opened`). */
  byReference(client: PoolClient, reference: string): Promise<RequestedSubject | undefined>;
  /** By the pool's screening id, once `screening.opened` linked it. */
  byScreening(client: PoolClient, screeningId: string): Promise<ScreenedSubject | undefined>;
  /** Whether this pool message's effect was stored (a replay is then a duplicate). */
  hasMessage(messageId: string): Promise<boolean>;
}

export interface ScreeningEventsIntakeParts {
  readonly opener: EnvelopeOpener;
  readonly poolParty: string;
  readonly pool: Pool;
  /** Asked in this order: an event goes to the first target that knows its subject. */
  readonly targets: readonly ScreeningTarget[];
  readonly records: MunicipalRecords;
  readonly municipalities: readonly string[];
  readonly inbox: InboxParts;
}

type PoolEvent = typeof EventTypes.screeningOpened | typeof EventTypes.screeningProgressed | typeof EventTypes.screeningConcluded;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The header's municipality, to pass by another municipality's screenings; undefined when unreadable (the inbox refuses it). */
function municipalityOf(message: BusMessage): string | undefined {
  try {
    const parsed = JSON.parse(message.value.toString('utf8')) as { header?: { municipality?: unknown } };
    return typeof parsed.header?.municipality === 'string' ? parsed.header.municipality : undefined;
  } catch {
    return undefined;
  }
}

/**
 * What the pool tells a registry municipality about the screenings it asked for (for an application or a
 * re-screening), each event verified and opened by the inbox as that municipality's party:
 * `screening.opened` links the screening to its subject (the reference); `screening.progressed` records the
 * LBB milestone; `screening.concluded` keeps the conclusion sealed for the municipality's permit officers.
 * Screenings of other municipalities, or not asked for by this registry, pass by.
 */
export class ScreeningEventsIntake {
  private readonly inboxes: { readonly [T in PoolEvent]: VerifiedInbox<T, OpenedEnvelope<unknown>> };

  constructor(private readonly parts: ScreeningEventsIntakeParts) {
    const inbox = <T extends PoolEvent, P>(eventType: T, schema: { parse(value: unknown): P }, apply: (payload: P, header: EnvelopeHeaderOf<T>) => Promise<void>) =>
      new VerifiedInbox<T, OpenedEnvelope<unknown>>(
        {
          eventType,
          verification: openedEnvelopes(parts.opener, schema),
          reader: (header) => municipalityPartyId(header.municipality),
          auditAction: `${eventType}.receive`,
          // Only the pool speaks about screenings; the opener then pins the pool's key.
          refuseUnverified: (header) => (header.sender === parts.poolParty ? undefined : 'SENDER_NOT_THE_POOL'),
          alreadyApplied: (header) => this.hasMessage(header.messageId),
          apply: (opened, envelope: EnvelopeOf<T>) => apply(opened.payload as P, envelope.header),
        },
        parts.inbox,
      );
    this.inboxes = {
      [EventTypes.screeningOpened]: inbox(EventTypes.screeningOpened, ScreeningOpened, (payload, header) => this.opened(payload, header.messageId)),
      [EventTypes.screeningProgressed]: inbox(EventTypes.screeningProgressed, ScreeningProgressed, (payload, header) => this.progressed(payload, header.messageId)),
      [EventTypes.screeningConcluded]: inbox(EventTypes.screeningConcluded, ScreeningConcluded, (payload, header) => this.concluded(payload, header.messageId)),
    };
  }

  /** Undefined for another municipality's screening (not this registry's to take in). */
  async receive(type: PoolEvent, message: BusMessage): Promise<InboxOutcome | undefined> {
    const municipality = municipalityOf(message);
    if (municipality !== undefined && !this.parts.municipalities.includes(municipality)) return undefined;
    return (this.inboxes[type] as VerifiedInbox<EventType, unknown>).receive(message);
  }

  private async hasMessage(messageId: string): Promise<boolean> {
    for (const target of this.parts.targets) if (await target.hasMessage(messageId)) return true;
    return false;
  }

  private async opened(payload: ScreeningOpened, messageId: string): Promise<void> {
    if (!UUID.test(payload.reference)) return;
    await this.onSubject(
      (target, client) => target.byReference(client, payload.reference),
      payload.municipality,
      (client, subject) => subject.opened(client, payload, messageId),
    );
  }

  private async progressed(payload: ScreeningProgressed, messageId: string): Promise<void> {
    await this.onSubject(
      (target, client) => target.byScreening(client, payload.screeningId),
      payload.municipality,
      (client, subject) => subject.progressed(client, payload, messageId),
    );
  }

  private async concluded(payload: ScreeningConcluded, messageId: string): Promise<void> {
    await this.onSubject(
      (target, client) => target.byScreening(client, payload.screeningId),
      payload.municipality,
      async (client, subject) => {
        // Art. 28 Wet Bibob: the conclusion stays sealed to the municipality's own party.
        const conclusionSealed = await this.parts.records.of(subject.municipality).seal(payload.conclusion);
        await subject.concluded(client, { version: payload.version, conclusionSealed, approvedAt: payload.approvedAt }, messageId);
      },
    );
  }

  /** Runs `work` on the locked subject the event concerns; none (a screening the registry did not ask for): nothing. */
  private async onSubject<S extends { readonly municipality: string }>(
    find: (target: ScreeningTarget, client: PoolClient) => Promise<S | undefined>,
    municipality: string,
    work: (client: PoolClient, subject: S) => Promise<void>,
  ): Promise<void> {
    await withTransaction(this.parts.pool, async (client) => {
      for (const target of this.parts.targets) {
        const subject = await find(target, client);
        if (subject === undefined) continue;
        if (subject.municipality !== municipality) throw new Refused('OTHER_MUNICIPALITY');
        await work(client, subject);
        return;
      }
    });
  }
}
