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
import type { DeadlineCalendar } from '@signaalhub/deadlines';
import type { EnvelopeOpener, OpenedEnvelope } from '@signaalhub/envelope';
import { openedEnvelopes, Refused, VerifiedInbox, type InboxOutcome, type InboxParts } from '@signaalhub/inbox';
import type { Pool, PoolClient } from 'pg';
import type { MunicipalRecords } from '../registry/registry-records.js';
import { SERVICE_ACTOR } from '../registry/service-actor.js';
import type { ApplicationRow, ApplicationStore } from './application-store.js';
import { checkedDeadlines, MILESTONE_TIMELINE } from './application-timeline.js';

export interface ScreeningEventsIntakeParts {
  readonly opener: EnvelopeOpener;
  readonly poolParty: string;
  readonly pool: Pool;
  readonly store: ApplicationStore;
  readonly records: MunicipalRecords;
  readonly municipalities: readonly string[];
  readonly calendar: DeadlineCalendar;
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
 * What the pool tells a registry municipality about the screenings it asked for, each event verified and
 * opened by the inbox as that municipality's party: `screening.opened` links the screening to the
 * application (its reference); `screening.progressed` adds the LBB milestone to the application's timeline
 * (the decision date moves); `screening.concluded` keeps the conclusion sealed for the municipality's
 * permit officers. Screenings of other municipalities, or not asked for by this registry, pass by.
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
          alreadyApplied: (header) => parts.store.hasMessage(header.messageId),
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

  private async opened(payload: ScreeningOpened, messageId: string): Promise<void> {
    if (!UUID.test(payload.reference)) return;
    await this.onApplication(
      (client) => this.parts.store.find(payload.reference, client),
      payload.municipality,
      async (client, row) => {
        if (row.screeningRequestId === null || (row.screeningId !== null && row.screeningId !== payload.screeningId)) throw new Refused('NOT_THE_REQUESTED_SCREENING');
        await this.parts.store.setBibob(client, row.id, { bibob: row.bibob === 'gevraagd' ? 'geopend' : row.bibob, screeningId: payload.screeningId }, payload.openedAt);
        await this.parts.store.addTimeline(client, row.id, { kind: 'screening-geopend', date: payload.openedAt.slice(0, 10), at: payload.openedAt, actor: SERVICE_ACTOR, sourceMessageId: messageId, detailsSealed: null });
      },
    );
  }

  private async progressed(payload: ScreeningProgressed, messageId: string): Promise<void> {
    await this.onApplication(
      (client) => this.parts.store.findByScreening(client, payload.screeningId),
      payload.municipality,
      async (client, row) => {
        const at = new Date().toISOString();
        const entry = { kind: MILESTONE_TIMELINE[payload.milestone], date: payload.date, at, actor: SERVICE_ACTOR, sourceMessageId: messageId, detailsSealed: null };
        const timeline = (await this.parts.store.timelineOf([row.id], client)).get(row.id) ?? [];
        // A milestone the deadline engine cannot place would make the decision date wrong: refused, not guessed.
        if (!checkedDeadlines(row, [...timeline, entry], this.parts.calendar).ok) throw new Refused('MILESTONE_DOES_NOT_FIT_THE_TIMELINE');
        if (!(await this.parts.store.addTimeline(client, row.id, entry))) return;
        const bibob = payload.milestone === 'advice-received' ? 'geopend' : 'lbb-advies-gevraagd';
        if (row.bibob !== 'conclusie-ontvangen') await this.parts.store.setBibob(client, row.id, { bibob }, at);
      },
    );
  }

  private async concluded(payload: ScreeningConcluded, messageId: string): Promise<void> {
    await this.onApplication(
      (client) => this.parts.store.findByScreening(client, payload.screeningId),
      payload.municipality,
      async (client, row) => {
        // Art. 28 Wet Bibob: the conclusion stays sealed to the municipality's own party.
        const conclusionSealed = await this.parts.records.of(row.municipality).seal(payload.conclusion);
        if (!(await this.parts.store.addConclusion(client, row.id, messageId, { version: payload.version, conclusionSealed, approvedAt: payload.approvedAt }))) return;
        await this.parts.store.setBibob(client, row.id, { bibob: 'conclusie-ontvangen' }, payload.approvedAt);
        await this.parts.store.addTimeline(client, row.id, { kind: 'conclusie-ontvangen', date: payload.approvedAt.slice(0, 10), at: payload.approvedAt, actor: SERVICE_ACTOR, sourceMessageId: null, detailsSealed: null });
      },
    );
  }

  /** Runs `work` on the locked application the event concerns; none (a screening the registry did not ask for): nothing. */
  private async onApplication(
    find: (client: PoolClient) => Promise<ApplicationRow | undefined>,
    municipality: string,
    work: (client: PoolClient, row: ApplicationRow) => Promise<void>,
  ): Promise<void> {
    await withTransaction(this.parts.pool, async (client) => {
      const row = await find(client);
      if (row === undefined) return;
      if (row.municipality !== municipality) throw new Refused('OTHER_MUNICIPALITY');
      await work(client, row);
    });
  }
}
