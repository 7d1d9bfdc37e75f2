import { z } from 'zod';
import { Approach } from '../decision-recorded.js';
import { MunicipalityId } from '../municipalities.js';
import { PartyId } from '../parties.js';
import type { Signal } from '../signal.js';
import type { Theme } from '../themes.js';
import type { AgendaItem, AgendaItemStatus, AgendaPriority, HitCount, Meeting } from './meeting-api.js';

/*
 * The meeting service's API for an item's history, the "Besproken" list and a meeting's own agenda
 * (services/meeting), shared with the web application. Routing facts only, except where a field says it
 * was opened for the caller's party (need-to-know, audited).
 */

/** `POST /api/meetings/:id/items`: put a pending item on the meeting's agenda (last). */
export const PlanItemRequest = z.strictObject({ itemId: z.uuid() });
export type PlanItemRequest = z.infer<typeof PlanItemRequest>;

/** How many items one meeting's agenda holds at most. */
export const MAX_ITEMS_PER_MEETING = 200;

/** `PUT /api/meetings/:id/items`: the new order, every planned item exactly once. */
export const ReorderAgendaRequest = z.strictObject({ itemIds: z.array(z.uuid()).max(MAX_ITEMS_PER_MEETING) });
export type ReorderAgendaRequest = z.infer<typeof ReorderAgendaRequest>;

/** `GET /api/agenda/discussed?municipality=&approach=&leadParty=`: both filters optional. */
export const DiscussedFilter = z.strictObject({
  municipality: MunicipalityId,
  approach: Approach.optional(),
  leadParty: PartyId.optional(),
});
export type DiscussedFilter = z.infer<typeof DiscussedFilter>;

/** The latest decision on an item, as routing facts (the approach is in the decision's header too). */
export interface DecisionFacts {
  readonly decisionId: string;
  readonly decidedAt: string;
  readonly approach: Approach;
  readonly leadParty: string;
  readonly decidedByParty: string;
}

/**
 * One line of "Besproken": an item with at least one decision, or a historically imported signal (discussed before
 * the hub, if at all: no decision here; listed only without filters), newest decision or report day first.
 */
export interface DiscussedItem {
  readonly id: string;
  readonly theme: Theme;
  readonly receivedAt: string;
  /** The day the signal was reported (region calendar); for an imported one its original report day. */
  readonly reportedOn: string;
  readonly status: AgendaItemStatus;
  /** Null for an imported signal. */
  readonly latestDecision: DecisionFacts | null;
}

/** An item on a meeting's agenda, in the meeting's order. */
export interface PlannedItem {
  readonly id: string;
  readonly theme: Theme;
  readonly receivedAt: string;
  readonly status: AgendaItemStatus;
  readonly priority: AgendaPriority;
  readonly hits: readonly HitCount[];
  readonly position: number;
}

/** `GET /api/meetings/:id` (and the answer of planning, unplanning and reordering). */
export interface MeetingAgenda {
  readonly meeting: Meeting;
  /** The meeting lies before today (application clock, Europe/Amsterdam): its agenda can no longer change. */
  readonly past: boolean;
  readonly items: readonly PlannedItem[];
}

/** `GET /api/meetings/:id/print/agenda`: the signal only where the caller's party is a recipient (opened, audited). */
export interface PrintableAgenda {
  readonly meeting: Meeting;
  readonly items: readonly (PlannedItem & { readonly signal: Signal | null })[];
}

/** A decision's content, opened as the caller's party (audited). */
export interface DecisionContent {
  readonly recordedBy: { readonly party: string; readonly userId: string };
  readonly actions: readonly { readonly description: string; readonly dueDate: string }[];
  readonly riecHandover: boolean;
  readonly feedback: string;
}

/** `GET /api/meetings/:id/print/decisions`: the decisions taken at the meeting; content only for recipients. */
export interface DecisionList {
  readonly meeting: Meeting;
  readonly decisions: readonly { readonly item: { readonly id: string; readonly theme: Theme }; readonly decision: DecisionFacts; readonly content: DecisionContent | null }[];
}

/** One step in an item's history, oldest first. */
export type HistoryEntry =
  | { readonly kind: 'received'; readonly at: string }
  | { readonly kind: 'planned' | 'unplanned'; readonly at: string; readonly party: string; readonly meeting: Meeting }
  | {
      readonly kind: 'decided';
      readonly at: string;
      readonly decision: DecisionFacts;
      /** The meeting the item was on when it was decided, if any. */
      readonly meeting: Meeting | null;
      /** Null when the caller's party is no recipient of the decision. */
      readonly content: DecisionContent | null;
    }
  | { readonly kind: 'returned-to-agenda'; readonly at: string; readonly decisionId: string }
  | { readonly kind: 'feedback-sent'; readonly at: string; readonly decisionId: string; readonly to: string }
  | {
      /** The RIEC's answer to a decision handed over to it (handover.accepted / .returned). */
      readonly kind: 'handover-accepted' | 'handover-returned';
      readonly at: string;
      readonly decisionId: string;
      /** Null when the caller's party is not the municipality the answer was sealed to. */
      readonly content: { readonly caseReference: string | null; readonly reason: string | null } | null;
    };

/** `GET /api/agenda/items/:id/history`: the item and every step, opened for the caller (audited). */
export interface ItemHistory {
  readonly item: AgendaItem;
  readonly entries: readonly HistoryEntry[];
}
