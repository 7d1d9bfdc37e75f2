import type { BusMessage } from '@signaalhub/bus';
import { EventTypes, signalReportedAt, type EnvelopeHeaderV2, type EnvelopeHeaderV2Of, type EventType } from '@signaalhub/contracts';
import { withTransaction } from '@signaalhub/database';
import type { HeaderVerifier } from '@signaalhub/envelope';
import { Refused, verifiedHeaders, VerifiedInbox, type InboxOutcome, type InboxParts } from '@signaalhub/inbox';
import type { MatchTokenStore } from '@signaalhub/matching';
import type { Pool, PoolClient } from 'pg';
import type { HandoverStore } from '../handovers/handover-store.js';
import type { HitSummary } from '../hits/hit-summary.js';
import type { RiecEnvelopes } from '../hits/riec-envelopes.js';
import { Measures, NO_DIMENSION, type ProjectionStore } from './projection-store.js';

/** The events the projections count; each is read from its verified header alone. */
export const PROJECTED_EVENTS = [
  EventTypes.signalSubmitted,
  EventTypes.decisionRecorded,
  EventTypes.screeningOpened,
  EventTypes.screeningProgressed,
  EventTypes.screeningConcluded,
  EventTypes.permitDecided,
  EventTypes.permitSuspended,
  EventTypes.permitReinstated,
  EventTypes.permitRevoked,
  EventTypes.permitExpired,
] as const;
export type ProjectedEvent = (typeof PROJECTED_EVENTS)[number];
type ProjectedHeader = EnvelopeHeaderV2Of<ProjectedEvent>;

const PROJECTED: ReadonlySet<EventType> = new Set(PROJECTED_EVENTS);
const isProjected = (header: EnvelopeHeaderV2): header is ProjectedHeader => PROJECTED.has(header.type);

const SCREENING_EVENTS: ReadonlySet<EventType> = new Set([EventTypes.screeningOpened, EventTypes.screeningProgressed, EventTypes.screeningConcluded]);

export interface HeaderProjectionsParts {
  readonly pool: Pool;
  readonly store: ProjectionStore;
  readonly tokens: MatchTokenStore;
  /** The per-token summary the hit list reads, kept with the tokens. */
  readonly hitSummary: HitSummary;
  /** Where a signal sent to the RIEC is kept sealed, for the liaison to open. */
  readonly riecEnvelopes: RiecEnvelopes;
  /** The RIEC's hand-over inbox: decisions handed over to the RIEC, kept sealed as they arrived. */
  readonly handovers: HandoverStore;
  /** Checks the sender's header signature against its pinned key; backed by the feed's replay store. */
  readonly verifier: HeaderVerifier;
  readonly riecParty: string;
  readonly poolParty: string;
  readonly municipalities: readonly string[];
  readonly inbox: InboxParts;
  readonly clock: () => Date;
}

/**
 * The feed's projections, each event taken from its header after the sender's v2 header signature
 * verifies (the feed reads as the RIEC's party and never opens a body for a count): signals per theme
 * with their match tokens, decisions per approach and hand-over, screenings opened / progressed /
 * concluded (counts only: the header of a conclusion looks the same whatever was found), permits per
 * status. Each event counts once: its processed mark is written in the transaction that counts it.
 */
export class HeaderProjections {
  private readonly inboxes: { readonly [T in ProjectedEvent]: VerifiedInbox<T, EnvelopeHeaderV2> };

  constructor(private readonly parts: HeaderProjectionsParts) {
    const inbox = <T extends ProjectedEvent>(eventType: T): VerifiedInbox<T, EnvelopeHeaderV2> =>
      new VerifiedInbox<T, EnvelopeHeaderV2>(
        {
          eventType,
          verification: verifiedHeaders(parts.verifier),
          reader: parts.riecParty,
          auditAction: `${eventType}.project`,
          refuseUnverified: (header) => this.refusal(header),
          alreadyApplied: (header) => parts.store.isProcessed(header.messageId),
          apply: (header, envelope) => this.project(header, envelope.body),
        },
        parts.inbox,
      );
    this.inboxes = {
      [EventTypes.signalSubmitted]: inbox(EventTypes.signalSubmitted),
      [EventTypes.decisionRecorded]: inbox(EventTypes.decisionRecorded),
      [EventTypes.screeningOpened]: inbox(EventTypes.screeningOpened),
      [EventTypes.screeningProgressed]: inbox(EventTypes.screeningProgressed),
      [EventTypes.screeningConcluded]: inbox(EventTypes.screeningConcluded),
      [EventTypes.permitDecided]: inbox(EventTypes.permitDecided),
      [EventTypes.permitSuspended]: inbox(EventTypes.permitSuspended),
      [EventTypes.permitReinstated]: inbox(EventTypes.permitReinstated),
      [EventTypes.permitRevoked]: inbox(EventTypes.permitRevoked),
      [EventTypes.permitExpired]: inbox(EventTypes.permitExpired),
    };
  }

  receive(type: ProjectedEvent, message: BusMessage): Promise<InboxOutcome> {
    return (this.inboxes[type] as VerifiedInbox<EventType, EnvelopeHeaderV2>).receive(message);
  }

  /** Routing facts only: a municipality outside the region, or a screening event not sent by the pool. */
  private refusal(header: { readonly type: EventType; readonly municipality: string; readonly sender: string }): string | undefined {
    if (!this.parts.municipalities.includes(header.municipality)) return 'UNKNOWN_MUNICIPALITY';
    if (SCREENING_EVENTS.has(header.type) && header.sender !== this.parts.poolParty) return 'SENDER_NOT_THE_POOL';
    return undefined;
  }

  private async project(header: EnvelopeHeaderV2, body: string): Promise<void> {
    // The inbox admits only its own event type; this narrows the header to the projected ones.
    if (!isProjected(header)) throw new Refused('WRONG_EVENT_TYPE');
    const now = this.parts.clock();
    await withTransaction(this.parts.pool, async (client) => {
      if (!(await this.parts.store.markProcessed(client, header.messageId, header.type, now))) return;
      if (header.type === EventTypes.signalSubmitted) await this.recordTokens(client, header);
      if (header.type === EventTypes.signalSubmitted && header.recipients.includes(this.parts.riecParty)) await this.parts.riecEnvelopes.keep(client, { header, body });
      if (header.type === EventTypes.decisionRecorded) await this.handover(client, { header, body }, now);
      await this.apply(client, header, eventTime(header), now);
    });
  }

  /**
   * A signal's tokens and the hit summary in the transaction that counts it: the summary takes only the token
   * rows this call inserted, so it always equals what match_tokens with signal_facts says.
   */
  private async recordTokens(client: PoolClient, header: EnvelopeHeaderV2Of<typeof EventTypes.signalSubmitted>): Promise<void> {
    const { tokens, hitSummary } = this.parts;
    const recorded = await tokens.record(header.messageId, header.municipality, header.matchTokens, header.theme, client);
    await hitSummary.add(client, recorded, { municipality: header.municipality, theme: header.theme, seenAt: eventTime(header) });
  }

  private async apply(client: PoolClient, header: ProjectedHeader, at: Date, now: Date): Promise<void> {
    const { store } = this.parts;
    const { municipality } = header;
    switch (header.type) {
      case EventTypes.signalSubmitted:
        await store.recordSignal(client, { messageId: header.messageId, municipality, theme: header.theme, submittedAt: at }, now);
        await store.count(client, { measure: Measures.signals, dimension: header.theme, municipality, at }, now);
        return;
      case EventTypes.decisionRecorded:
        await this.decision(client, header, at, now);
        return;
      case EventTypes.screeningOpened:
        await store.count(client, { measure: Measures.screeningsOpened, dimension: NO_DIMENSION, municipality, at }, now);
        return;
      case EventTypes.screeningProgressed:
        await store.count(client, { measure: Measures.screeningsProgressed, dimension: header.milestone, municipality, at }, now);
        return;
      case EventTypes.screeningConcluded:
        await store.count(client, { measure: Measures.screeningsConcluded, dimension: NO_DIMENSION, municipality, at }, now);
        return;
      case EventTypes.permitDecided:
      case EventTypes.permitSuspended:
      case EventTypes.permitReinstated:
      case EventTypes.permitRevoked:
      case EventTypes.permitExpired:
        await store.count(client, { measure: Measures.permits, dimension: header.status, municipality, at }, now);
        return;
    }
  }

  private async decision(client: PoolClient, header: EnvelopeHeaderV2Of<typeof EventTypes.decisionRecorded>, at: Date, now: Date): Promise<void> {
    const { store } = this.parts;
    const { municipality, approach } = header;
    await store.recordDecision(client, { messageId: header.messageId, municipality, approach, riecHandover: header.riecHandover, decidedAt: at, signalId: header.signalId ?? null }, now);
    await store.count(client, { measure: Measures.decisions, dimension: approach, municipality, at }, now);
    if (header.riecHandover) await store.count(client, { measure: Measures.handovers, dimension: approach, municipality, at }, now);
  }

  /** A decision handed over to the RIEC and sealed to it lands in its inbox, in the transaction that counts it. */
  private async handover(client: PoolClient, envelope: { readonly header: EnvelopeHeaderV2Of<typeof EventTypes.decisionRecorded>; readonly body: string }, now: Date): Promise<void> {
    const { header } = envelope;
    if (!header.riecHandover || !header.recipients.includes(this.parts.riecParty)) return;
    await this.parts.handovers.receive(client, {
      decisionId: header.messageId,
      municipality: header.municipality,
      approach: header.approach,
      signalId: header.signalId ?? null,
      decidedAt: header.createdAt,
      receivedAt: now,
      envelope,
    });
  }
}

/** When the event happened: a signal when it was reported (an imported one on its original day), anything else when sealed. */
function eventTime(header: ProjectedHeader): Date {
  return new Date(header.type === EventTypes.signalSubmitted ? signalReportedAt(header) : header.createdAt);
}
