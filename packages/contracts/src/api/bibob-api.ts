import { z } from 'zod';
import { Limits } from '../limits.js';
import {
  CalendarDate,
  DisclosureGround,
  RiskConclusion,
  ScreeningApplication,
  ScreeningId,
  type QuestionnaireAnswer,
  type ScreeningActor,
  type ScreeningAddress,
  type ScreeningApplicant,
  type ScreeningKind,
  type ScreeningPerson,
} from '../screening.js';
import type { DeadlineAlertMoment, ScreeningDeadline } from '../jobs.js';
import { lowercaseUuid } from '../header-fields.js';
import type { Signal } from '../signal.js';
import { UserId } from '../user.js';
import type { HitCount } from './meeting-api.js';

/*
 * The bibob service's HTTP API (services/bibob), shared with the web application. Lists hold routing
 * facts only; a screening's detail carries the opened personal data and is audited.
 */

/** The phases of a screening; PERSISTED in the bibob store. */
export const SCREENING_PHASES = [
  'ontvangen',
  'eigen-onderzoek',
  'aanvulling-gevraagd',
  'lbb-advies-gevraagd',
  'risicoconclusie',
  'advies-bestuursorgaan',
  'afgesloten',
] as const;
export const ScreeningPhase = z.enum(SCREENING_PHASES);
export type ScreeningPhase = z.infer<typeof ScreeningPhase>;

export const SCREENING_PHASE_LABELS: Readonly<Record<ScreeningPhase, string>> = {
  ontvangen: 'Ontvangen',
  'eigen-onderzoek': 'Eigen onderzoek',
  'aanvulling-gevraagd': 'Aanvulling gevraagd',
  'lbb-advies-gevraagd': 'LBB-advies gevraagd',
  risicoconclusie: 'Risicoconclusie (wacht op goedkeuring)',
  'advies-bestuursorgaan': 'Advies aan het bestuursorgaan',
  afgesloten: 'Afgesloten',
};

/** The steps a coordinator takes through `POST /api/screenings/:id/transitions`; PERSISTED in the history. */
export const SCREENING_STEPS = [
  'onderzoek-starten',
  'aanvulling-vragen',
  'aanvulling-ontvangen',
  'lbb-advies-vragen',
  'lbb-termijn-verlengen',
  'lbb-informatie-gevraagd',
  'lbb-informatie-ontvangen',
  'lbb-advies-ontvangen',
  'afsluiten',
] as const;
export const ScreeningStep = z.enum(SCREENING_STEPS);
export type ScreeningStep = z.infer<typeof ScreeningStep>;

/** Every kind of entry in a screening's history: the steps, and what other endpoints record. PERSISTED. */
export type ScreeningHistoryAction =
  | 'aangevraagd'
  | ScreeningStep
  | 'vragenlijst-bijgewerkt'
  | 'conclusie-voorgesteld'
  | 'conclusie-goedgekeurd'
  | 'toegewezen'
  | 'verstrekt-aan-riec';

/** The statutory questionnaire (Regeling vragenformulieren Bibob) as the coordinators' checklist; ids PERSISTED. */
export const BIBOB_QUESTIONNAIRE: readonly { readonly item: string; readonly label: string }[] = [
  { item: 'aanvrager', label: 'Gegevens van de aanvrager en de onderneming' },
  { item: 'zeggenschap', label: 'Bestuurders, vennoten en zeggenschap' },
  { item: 'vermogensverschaffers', label: 'Vermogensverschaffers en financiering' },
  { item: 'zakelijke-relaties', label: 'Zakelijke relaties en leidinggevenden' },
  { item: 'antecedenten', label: 'Strafrechtelijke en fiscale antecedenten' },
  { item: 'vastgoed', label: 'Pand: eigendom, huur en financiering' },
  { item: 'bijlagen', label: 'Verplichte bijlagen (jaarrekening, statuten, overeenkomsten)' },
];

/** `POST /api/screenings`: the coordinators' form for an application of a municipality without a registry in the hub. */
export const ScreeningForm = ScreeningApplication.extend({
  reference: z.string().trim().min(1).max(Limits.nameLength).optional(),
});
export type ScreeningForm = z.infer<typeof ScreeningForm>;

/** True when the text holds a control character other than tab, line feed or carriage return (a pasted NUL or escape). */
function hasControlCharacter(value: string): boolean {
  for (const character of value) {
    const code = character.charCodeAt(0);
    if ((code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) || (code >= 0x7f && code <= 0x9f)) return true;
  }
  return false;
}

const Reason = z
  .string()
  .trim()
  .min(1, 'Geef een reden op')
  .max(Limits.shortTextLength)
  .refine((value) => !hasControlCharacter(value), {
    error: 'Mag geen stuurtekens bevatten',
    params: { rule: 'must not contain control characters (tab and line breaks are allowed)' },
  });

/** `POST /api/screenings/:id/transitions`: one step; `date` is when it happened (default: today). */
export const ScreeningTransitionRequest = z.strictObject({
  step: ScreeningStep,
  reason: Reason,
  date: CalendarDate.optional(),
});
export type ScreeningTransitionRequest = z.infer<typeof ScreeningTransitionRequest>;

/** `PUT /api/screenings/:id/questionnaire/:item`. */
export const QuestionnaireUpdate = z.strictObject({
  complete: z.boolean(),
  answer: z.string().max(Limits.freeTextLength).optional(),
});
export type QuestionnaireUpdate = z.infer<typeof QuestionnaireUpdate>;

/** `POST /api/screenings/:id/conclusions`: a proposed conclusion (also a correction of an approved one). */
export const ConclusionProposal = z.strictObject({ conclusion: RiskConclusion, reason: Reason });
export type ConclusionProposal = z.infer<typeof ConclusionProposal>;

/** `POST /api/screenings/:id/conclusions/:version/approval`: the second coordinator's approval. */
export const ConclusionApproval = z.strictObject({ reason: Reason });
export type ConclusionApproval = z.infer<typeof ConclusionApproval>;

/** `POST /api/screenings/:id/disclosures`: pass the approved conclusion to the RIEC on an art. 28 lid 2 ground. */
export const DisclosureRequest = z.strictObject({ ground: DisclosureGround });
export type DisclosureRequest = z.infer<typeof DisclosureRequest>;

/** `POST /api/screenings/assignments`: a lead coordinator reassigns one or more screenings. */
export const ReassignmentRequest = z.strictObject({
  screeningIds: z
    .array(ScreeningId)
    .min(1, 'Kies ten minste één toets')
    .max(500)
    .refine((ids) => new Set(ids).size === ids.length, 'Een toets mag maar één keer voorkomen'),
  assignee: UserId,
  reason: Reason,
});
export type ReassignmentRequest = z.infer<typeof ReassignmentRequest>;

/** One line of a list: routing facts only. `assignee` null = "niet toegewezen". */
export interface ScreeningSummary {
  readonly id: string;
  readonly municipality: string;
  readonly kind: ScreeningKind;
  readonly phase: ScreeningPhase;
  readonly assignee: string | null;
  readonly receivedOn: string;
  readonly decisionTermWeeks: number;
  readonly openedAt: string;
}

/** An alert on a hard deadline: `nadert` the lead time before it, `verstreken` when it passed. */
export interface ScreeningAlert {
  readonly deadline: ScreeningDeadline;
  readonly deadlineDate: string;
  readonly moment: DeadlineAlertMoment;
  readonly firedAt: string;
  /** For the deadline as it stands now (a later suspension may have moved it since). */
  readonly current: boolean;
}

/**
 * The hard deadline a coordinator watches next: the nearest decision date or LBB advice due date (the latter
 * only while the advice is awaited) still to come, or, when every one has passed, the latest that passed.
 */
export interface ScreeningNextDeadline {
  readonly deadline: ScreeningDeadline;
  /** `YYYY-MM-DD`, the last day allowed (the deadline engine's date). */
  readonly date: string;
  /** An open suspension can still move it. */
  readonly provisional: boolean;
  /** The day has passed by the service's clock. */
  readonly passed: boolean;
}

/**
 * A line of the pool overview (`GET /api/screenings`), in the pool's order: overdue ones first, then by
 * the next deadline (none last), then oldest first.
 */
export interface ScreeningListItem extends ScreeningSummary {
  /** A current hard deadline of this open screening has passed. */
  readonly overdue: boolean;
  readonly alerts: readonly ScreeningAlert[];
  /** Null for a closed screening, or while an open suspension leaves every date open. */
  readonly nextDeadline: ScreeningNextDeadline | null;
}

/** An absence of a coordinator, both days included (`YYYY-MM-DD`). */
export interface CoordinatorAbsence {
  readonly from: string;
  readonly to: string;
}

/**
 * A line of the capacity screen (`GET /api/coordinators`): configuration and counts only. Conflict-of-interest
 * declarations are about people and stay out (the assignment honours them without showing them).
 */
export interface CoordinatorCapacity {
  /** The coordinator's user id. */
  readonly id: string;
  readonly name: string;
  readonly lead: boolean;
  /** Open screenings assigned to them, started or not. */
  readonly open: number;
  readonly capacity: number;
  /** Absences that have not ended by today (the current one first), in date order. */
  readonly absences: readonly CoordinatorAbsence[];
  /** Not absent today and below capacity: a new screening may go to them. */
  readonly availableToday: boolean;
  readonly absentToday: boolean;
}

/** A day in the screening's procedure that moves its deadlines (the deadline engine's input). */
export interface ScreeningTimelineEvent {
  readonly soort: string;
  readonly datum: string;
}

export interface ScreeningHistoryEntry {
  readonly at: string;
  readonly action: ScreeningHistoryAction;
  readonly actor: ScreeningActor | { readonly service: string };
  readonly fromPhase: ScreeningPhase | null;
  readonly toPhase: ScreeningPhase;
  readonly reason: string | null;
  readonly date: string | null;
}

export type ConclusionStatus = 'voorgesteld' | 'goedgekeurd' | 'vervangen';

export interface ScreeningConclusionVersion {
  readonly version: number;
  readonly status: ConclusionStatus;
  readonly conclusion: RiskConclusion;
  readonly proposedBy: ScreeningActor;
  readonly proposedAt: string;
  readonly approvedBy: ScreeningActor | null;
  readonly approvedAt: string | null;
}

/** The deadline engine's answer for the screening's timeline (packages/deadlines, `hub termijnen`'s shape). */
export interface ScreeningDeadlines {
  readonly uitersteBeslisdatum: string | null;
  readonly lbbAdviesUiterlijk: string | null;
  readonly voorlopig: readonly string[];
  readonly toelichting: readonly string[];
}

/** Earlier signals sharing a subject's match token: counts per municipality and theme, never their content. */
export interface SignalHitCounts {
  readonly total: number;
  readonly byMunicipality: readonly HitCount[];
  readonly byTheme: readonly { readonly theme: string; readonly count: number }[];
}

/** An earlier screening of the same business (art. 11a/29 Wet Bibob: its advice may be reused); routing facts only. */
export interface EarlierScreeningHit {
  readonly id: string;
  readonly municipality: string;
  readonly kind: ScreeningKind;
  readonly phase: ScreeningPhase;
  readonly receivedOn: string;
}

/** Hit/no-hit for a screening: per subject the earlier signals, and the business's earlier screenings. */
export interface ScreeningHits {
  readonly business: SignalHitCounts;
  /** Null when the screening has no business address. */
  readonly address: SignalHitCounts | null;
  /** In the order of the screening's `people`. */
  readonly people: readonly SignalHitCounts[];
  /** In the order of the screening's `vehicles`. */
  readonly vehicles: readonly SignalHitCounts[];
  /** Opened in the last two years, newest first. */
  readonly earlierScreenings: readonly EarlierScreeningHit[];
  /** The hit signals' ids per owning municipality (sorted): what a "verzoek om informatie" names. */
  readonly signals: readonly HitSignals[];
}

/** Routing facts of a hit: which municipality owns which signals (ids only, never what matched). */
export interface HitSignals {
  readonly municipality: string;
  readonly signalIds: readonly string[];
}

/** `GET /api/screenings/:id`: the screening opened for the caller (audited). */
export interface ScreeningDetail extends ScreeningSummary {
  readonly reference: string;
  readonly applicant: ScreeningApplicant;
  readonly people: readonly ScreeningPerson[];
  readonly address: ScreeningAddress | null;
  readonly vehicles: readonly string[];
  readonly questionnaire: readonly QuestionnaireAnswer[];
  readonly lbbExtended: boolean;
  readonly lbbWaitingForInformation: boolean;
  readonly timeline: { readonly ontvangen: string; readonly beslistermijnWeken: number; readonly gebeurtenissen: readonly ScreeningTimelineEvent[] };
  /** Computed from `timeline` on every read, so every step that moves a term moves them at once. */
  readonly deadlines: ScreeningDeadlines;
  readonly history: readonly ScreeningHistoryEntry[];
  readonly conclusions: readonly ScreeningConclusionVersion[];
  readonly hits: ScreeningHits;
}

/** A line of the art. 28 disclosure register (`GET /api/disclosures`). */
export interface DisclosureRecord {
  readonly id: string;
  readonly screeningId: string;
  readonly municipality: string;
  /** What was disclosed: the event type and the conclusion's version. */
  readonly what: string;
  readonly conclusionVersion: number;
  readonly recipient: string;
  readonly groundCode: string;
  readonly disclosedAt: string;
  readonly disclosedBy: ScreeningActor;
}

/**
 * `POST /api/screenings/:id/information-requests`: a coordinator asks the municipality that owns a hit
 * signal of this screening for its content ("verzoek om informatie"). The purpose is free text: it is
 * sealed, never in a column, header or log.
 */
export const PoolInformationRequestForm = z.strictObject({
  signalId: lowercaseUuid('signalId'),
  purpose: z.string().trim().min(1, 'Geef het doel van het verzoek op').max(Limits.freeTextLength),
});
export type PoolInformationRequestForm = z.infer<typeof PoolInformationRequestForm>;

/** Where a request of the pool stands; PERSISTED in the bibob store. */
export const POOL_INFORMATION_STATUSES = ['open', 'beantwoord', 'geweigerd'] as const;
export type PoolInformationStatus = (typeof POOL_INFORMATION_STATUSES)[number];

/** A request of the pool as coordinators see it (`GET /api/screenings/:id/information-requests`, audited). */
export interface PoolInformationRequest {
  readonly id: string;
  readonly screeningId: string;
  /** The municipality that owns the signal (and the request's only recipient). */
  readonly municipality: string;
  readonly signalId: string;
  readonly status: PoolInformationStatus;
  readonly purpose: string;
  readonly requestedBy: ScreeningActor;
  readonly requestedAt: string;
  readonly answeredBy: ScreeningActor | null;
  readonly answeredAt: string | null;
  /** The owner's reason, when it refused. */
  readonly refusalReason: string | null;
}

/** `GET /api/screenings/:id/information-requests/:requestId/answer`: the answered signal's content (coordinators, audited). */
export interface PoolInformationAnswer {
  readonly request: PoolInformationRequest;
  readonly signal: Signal;
}
