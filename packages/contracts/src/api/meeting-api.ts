import { z } from 'zod';
import { Approach, DecisionAction } from '../decision-recorded.js';
import { Limits } from '../limits.js';
import { MunicipalityId } from '../municipalities.js';
import { PartyId } from '../parties.js';
import type { Signal } from '../signal.js';
import { Theme } from '../themes.js';

/*
 * The meeting service's HTTP API (services/meeting), shared with the web application. Responses hold
 * routing facts and counts only, except `OpenedAgendaItem.signal`, which the service returns after a
 * need-to-know check and an audit entry.
 */

/** `POST /api/meetings`: schedule a local undermining meeting. */
export const MeetingRequest = z.strictObject({
  municipality: MunicipalityId,
  date: z.iso.date(),
});
export type MeetingRequest = z.infer<typeof MeetingRequest>;

export interface Meeting {
  readonly id: string;
  readonly municipality: string;
  readonly date: string;
}

/** Items with hits in other signals come first: a hit is what the CCV protocol takes up. */
export const AGENDA_PRIORITIES = ['hoog', 'normaal'] as const;
export type AgendaPriority = (typeof AGENDA_PRIORITIES)[number];

/** "ook gemeld in Baarn (2)": other signals sharing a match token, counted per municipality, never their content. */
export interface HitCount {
  readonly municipality: string;
  readonly count: number;
}

/**
 * A hit count with when those signals were reported (days, region calendar; an imported signal on its original
 * report day): "ook gemeld in Baarn (2, gemeld 3 maart 2024 – 9 mei 2025, waarvan 1 geïmporteerd)".
 */
export interface DatedHitCount extends HitCount {
  /** Null while none of them has reached the meeting's record yet (moments after admission). */
  readonly firstReportedOn: string | null;
  readonly lastReportedOn: string | null;
  /** How many of them came in by the historical import. */
  readonly imported: number;
}

/** One line of `GET /api/agenda?municipality=`: no personal data. */
export interface AgendaEntry {
  readonly id: string;
  readonly theme: Theme;
  /** When the signal was sealed by the intake (the envelope's signed creation time). */
  readonly receivedAt: string;
  readonly priority: AgendaPriority;
  readonly hits: readonly DatedHitCount[];
}

/**
 * pending: on the agenda; closed: decided; imported: a historical import (signal.submitted with `reportedOn`),
 * discussed before the hub if at all: kept for hits and history, never on an agenda, never decided on here.
 */
export type AgendaItemStatus = 'pending' | 'closed' | 'imported';

export interface AgendaItem {
  readonly id: string;
  readonly signalId: string;
  readonly municipality: string;
  readonly theme: Theme;
  readonly receivedAt: string;
  /** The day the signal was reported (region calendar): an imported signal's original report day. */
  readonly reportedOn: string;
  readonly status: AgendaItemStatus;
  readonly priority: AgendaPriority;
}

/** `GET /api/agenda/items/:id`: the item, the opened signal and its hits. */
export interface OpenedAgendaItem {
  readonly item: AgendaItem;
  readonly signal: Signal;
  readonly hits: readonly DatedHitCount[];
}

/** `POST /api/agenda/items/:id/decision`: the meeting's decision; the server adds signal, time and recorder. */
export const DecisionRequest = z.strictObject({
  approach: Approach,
  leadParty: PartyId,
  actions: z.array(DecisionAction).max(Limits.actionsPerDecision),
  riecHandover: z.boolean(),
  feedback: z.string().max(Limits.freeTextLength),
});
export type DecisionRequest = z.infer<typeof DecisionRequest>;

export interface DecisionReceipt {
  readonly decisionId: string;
  readonly itemId: string;
  readonly status: AgendaItemStatus;
  readonly recipients: readonly PartyId[];
}

/** Error bodies of every endpoint; `message` is Dutch, for people. */
export interface ApiError {
  readonly error: 'unauthenticated' | 'forbidden' | 'not-found' | 'conflict' | 'validation';
  readonly message?: string;
  readonly problems?: readonly { readonly field: string; readonly rule: string; readonly message: string }[];
}
