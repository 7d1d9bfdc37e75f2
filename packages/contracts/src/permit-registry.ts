import { z } from 'zod';
import { HUISNUMMER_MAX, HUISNUMMER_MIN, HUISNUMMER_RULE } from './canonical/address.js';
import { ruleError } from './canonical/canonical-schema.js';
import { Limits } from './limits.js';
import { Postcode, Toevoeging } from './location.js';
import { MunicipalityId } from './municipalities.js';
import type { RiskConclusion, ScreeningMilestone } from './screening.js';
import { BirthDate, KvkNumber, PersonName, Vestigingsnummer } from './subjects.js';

/*
 * The Soest autobranche permit registry (services/permit-registry, DESIGN.md §6): establishments,
 * applications and permits. The people responsible for an establishment and its KvK number travel only
 * in request bodies and sealed columns; lists carry routing facts, the trade name and the address.
 * Enum values are PERSISTED in the registry's store: never rename one.
 */

/** The autobranche activities of the APV permit duty; PERSISTED. Their SBI codes come from configuration. */
export const AUTOBRANCHE_ACTIVITIES = ['handel', 'reparatie', 'verhuur', 'sloop', 'wassen', 'spuiten-schadeherstel'] as const;
export const AutobrancheActivity = z.enum(AUTOBRANCHE_ACTIVITIES);
export type AutobrancheActivity = z.infer<typeof AutobrancheActivity>;

export const AUTOBRANCHE_ACTIVITY_LABELS: Readonly<Record<AutobrancheActivity, string>> = {
  handel: 'Handel',
  reparatie: 'Reparatie',
  verhuur: 'Verhuur',
  sloop: 'Sloop',
  wassen: 'Wassen',
  'spuiten-schadeherstel': 'Spuiten en schadeherstel',
};

const SBI_RULE = { rule: 'SBI code must be 4 or 5 digits', ruleNl: 'SBI-code moet 4 of 5 cijfers zijn' };

/** A code of the Standaard Bedrijfsindeling (CBS), e.g. `45201`. Which codes an activity accepts is configuration. */
export const SbiCode = z.string().regex(/^[0-9]{4,5}$/, ruleError(SBI_RULE));

export const EstablishmentActivity = z.strictObject({ activity: AutobrancheActivity, sbiCode: SbiCode });
export type EstablishmentActivity = z.infer<typeof EstablishmentActivity>;

const HUISNUMMER_ERROR = ruleError(HUISNUMMER_RULE);

/** The visiting address: postcode + huisnummer (+ toevoeging), canonicalised. */
export const VisitingAddress = z.strictObject({
  postcode: Postcode,
  huisnummer: z.int(HUISNUMMER_ERROR).min(HUISNUMMER_MIN, HUISNUMMER_ERROR).max(HUISNUMMER_MAX, HUISNUMMER_ERROR),
  toevoeging: Toevoeging.optional(),
});
export type VisitingAddress = z.infer<typeof VisitingAddress>;

/** Roles of the people responsible for an establishment; PERSISTED inside sealed records. */
export const RESPONSIBLE_ROLES = ['eigenaar', 'bestuurder', 'leidinggevende'] as const;
export const ResponsibleRole = z.enum(RESPONSIBLE_ROLES);
export type ResponsibleRole = z.infer<typeof ResponsibleRole>;

export const ResponsiblePerson = z.strictObject({ name: PersonName, birthDate: BirthDate, role: ResponsibleRole });
export type ResponsiblePerson = z.infer<typeof ResponsiblePerson>;

export const TradeName = z.string().trim().min(1).max(Limits.nameLength);

/** `POST /api/establishments`: the legal entity (KvK) and the establishment (vestigingsnummer), both required. */
export const EstablishmentRegistration = z.strictObject({
  municipality: MunicipalityId,
  kvkNumber: KvkNumber,
  vestigingsnummer: Vestigingsnummer,
  tradeName: TradeName,
  address: VisitingAddress,
  activities: z
    .array(EstablishmentActivity)
    .min(1, 'Kies ten minste één activiteit')
    .max(AUTOBRANCHE_ACTIVITIES.length * 4)
    .refine((activities) => new Set(activities.map((entry) => `${entry.activity}:${entry.sbiCode}`)).size === activities.length, 'Een activiteit met dezelfde SBI-code mag maar één keer voorkomen'),
  people: z.array(ResponsiblePerson).min(1, 'Geef ten minste één verantwoordelijke op').max(Limits.subjectsPerSignal),
});
export type EstablishmentRegistration = z.infer<typeof EstablishmentRegistration>;

/** What `GET /api/establishments` may be narrowed to (one at a time or combined); municipality is required. */
export const EstablishmentSearch = z.strictObject({
  municipality: MunicipalityId,
  kvkNumber: KvkNumber.optional(),
  vestigingsnummer: Vestigingsnummer.optional(),
  tradeName: z.string().trim().min(2, 'Geef ten minste 2 tekens op').max(Limits.nameLength).optional(),
  postcode: Postcode.optional(),
});
export type EstablishmentSearch = z.infer<typeof EstablishmentSearch>;

/** One line of a list: no people, no KvK number. */
export interface EstablishmentSummary {
  readonly id: string;
  readonly municipality: string;
  readonly vestigingsnummer: string;
  readonly tradeName: string;
  readonly address: VisitingAddress;
  readonly activities: readonly EstablishmentActivity[];
  readonly registeredAt: string;
  /** How many signals hit the establishment's KvK number or address (its flags). */
  readonly flagCount: number;
}

/** What hit an establishment: its KvK number or its visiting address; PERSISTED in the registry's store. */
export const FLAG_MATCHES = ['kvk', 'address'] as const;
export type FlagMatch = (typeof FLAG_MATCHES)[number];

/**
 * A signal whose header's match tokens hit the establishment: routing facts only, never its content (the
 * registry is no recipient of signals). `recipient`: the officer's party was among the signal's recipients,
 * so its content reaches them through their own meeting's agenda; absent when the header did not say.
 */
export interface EstablishmentFlag {
  readonly theme: string;
  readonly reportedOn: string;
  readonly matchedOn: FlagMatch;
  readonly recipient?: boolean;
}

/** The permit officer who did something, as the registry's histories name them. */
export interface RegistryOfficer {
  readonly party: string;
  readonly userId: string;
}

/**
 * What happened to an establishment itself (its permits have their own history): a re-screening asked by a
 * permit officer, then what the pool told about it (opened, a milestone, the conclusion received); PERSISTED.
 */
export const ESTABLISHMENT_HISTORY_ACTIONS = ['herscreening-gevraagd', 'herscreening-geopend', 'herscreening-voortgang', 'herscreening-conclusie-ontvangen'] as const;
export type EstablishmentHistoryAction = (typeof ESTABLISHMENT_HISTORY_ACTIONS)[number];

export interface EstablishmentHistoryEntry {
  readonly at: string;
  readonly action: EstablishmentHistoryAction;
  /** A permit officer, or the service when the pool told it. */
  readonly actor: RegistryOfficer | { readonly service: string };
  /** The officer's reason, with a `herscreening-gevraagd`. */
  readonly reason?: string;
  /** The pool's LBB milestone and the day it happened, with a `herscreening-voortgang`. */
  readonly milestone?: ScreeningMilestone;
  readonly date?: string;
}

/** Where a re-screening stands, as the registry learnt it from the pool; PERSISTED. */
export const RESCREENING_STATES = ['gevraagd', 'geopend', 'lbb-advies-gevraagd', 'conclusie-ontvangen'] as const;
export type RescreeningState = (typeof RESCREENING_STATES)[number];

/** A Bibob conclusion the pool sent to the municipality (art. 28 Wet Bibob: its permit officers only). */
export interface ReceivedConclusion {
  readonly version: number;
  readonly conclusion: RiskConclusion;
  readonly approvedAt: string;
}

/** A re-screening of the establishment's holder: asked on, where it stands, and the conclusion once received. */
export interface EstablishmentRescreeningView {
  readonly askedOn: string;
  readonly status: RescreeningState;
  readonly screeningId: string | null;
  /** The highest version received (a corrected conclusion replaces the earlier one), or null. */
  readonly conclusion: ReceivedConclusion | null;
}

/** The opened establishment (audited): its KvK number, the people responsible, its signal flags, re-screenings and history. */
export interface EstablishmentDetail extends EstablishmentSummary {
  readonly kvkNumber: string;
  readonly people: readonly ResponsiblePerson[];
  /** Newest first. */
  readonly flags: readonly EstablishmentFlag[];
  /** Oldest first. */
  readonly rescreenings: readonly EstablishmentRescreeningView[];
  readonly history: readonly EstablishmentHistoryEntry[];
}

/** `POST /api/establishments/:id/rescreenings`: why the permit officer asks the pool to screen the holder again. */
export const RescreeningRequest = z.strictObject({ reason: z.string().trim().min(1, 'Geef een reden op').max(Limits.shortTextLength) });
export type RescreeningRequest = z.infer<typeof RescreeningRequest>;

/** Kinds of application; PERSISTED. */
export const APPLICATION_KINDS = ['nieuw', 'wijziging', 'verlenging'] as const;
export const ApplicationKind = z.enum(APPLICATION_KINDS);
export type ApplicationKind = z.infer<typeof ApplicationKind>;

export const APPLICATION_KIND_LABELS: Readonly<Record<ApplicationKind, string>> = {
  nieuw: 'Nieuwe vergunning',
  wijziging: 'Wijziging',
  verlenging: 'Verlenging',
};

const ApplicationDate = z.iso.date({ error: 'Moet een bestaande datum zijn (JJJJ-MM-DD)' });

/** `POST /api/applications`: an application of a registered establishment; the decision term runs from `receivedOn`. */
export const ApplicationRegistration = z.strictObject({
  establishmentId: z.uuid({ error: 'Moet een geldige UUID zijn' }),
  kind: ApplicationKind,
  receivedOn: ApplicationDate,
  /** The APV's term, or the Awb's reasonable term of at most 8 weeks (art. 4:13). */
  decisionTermWeeks: z.number().int().min(1).max(26).default(8),
});
export type ApplicationRegistration = z.infer<typeof ApplicationRegistration>;

/** `POST /api/applications/:id/completeness-requests`: what is missing, asked on `date` (the decision term stops). */
export const CompletenessRequest = z.strictObject({
  missing: z.array(z.string().trim().min(1).max(Limits.shortTextLength)).min(1, 'Noem ten minste één ontbrekend onderdeel').max(Limits.actionsPerDecision),
  date: ApplicationDate,
});
export type CompletenessRequest = z.infer<typeof CompletenessRequest>;

/** `POST /api/applications/:id/completeness-receipts`: the missing items received on `date` (the term runs again). */
export const CompletenessReceipt = z.strictObject({ date: ApplicationDate });
export type CompletenessReceipt = z.infer<typeof CompletenessReceipt>;

/** Where the application's Bibob screening stands, as the registry learnt it from the pool; PERSISTED. */
export const BIBOB_STATES = ['niet-gevraagd', 'gevraagd', 'geopend', 'lbb-advies-gevraagd', 'conclusie-ontvangen'] as const;
export type BibobState = (typeof BIBOB_STATES)[number];

export interface ApplicationSummary {
  readonly id: string;
  readonly municipality: string;
  readonly establishmentId: string;
  /** The permit the application decides on (status `aangevraagd` until then). */
  readonly permitId: string;
  readonly tradeName: string;
  readonly kind: ApplicationKind;
  readonly receivedOn: string;
  readonly decisionTermWeeks: number;
  readonly bibob: BibobState;
  /** The legal decision date (deadline engine), or null while a suspension leaves it open. */
  readonly decisionDate: string | null;
  readonly overdue: boolean;
}

/** One entry of the application's timeline: what moved the term, or what happened to the screening. */
export interface ApplicationTimelineEntry {
  readonly kind: string;
  readonly date: string;
  readonly at: string;
  /** A permit officer, or the service when the pool told it. */
  readonly actor: RegistryOfficer | { readonly service: string };
  /** The items asked for, with an `aanvulling-gevraagd`. */
  readonly missing?: readonly string[];
}

export interface ApplicationDetail extends ApplicationSummary {
  readonly timeline: readonly ApplicationTimelineEntry[];
  /** The open completeness request's items, or none. */
  readonly missing: readonly string[];
  readonly deadlines: { readonly uitersteBeslisdatum: string | null; readonly lbbAdviesUiterlijk: string | null; readonly voorlopig: readonly string[]; readonly toelichting: readonly string[] };
  readonly screeningId: string | null;
  /** The approved risk conclusion(s) the pool sent to this municipality (art. 28 Wet Bibob: its permit officers only). */
  readonly conclusions: readonly ReceivedConclusion[];
}

/** A permit's status in the registry (Dutch, as the permit officers and the public register say it); PERSISTED. */
export const PERMIT_REGISTRY_STATUSES = ['aangevraagd', 'verleend', 'geweigerd', 'geschorst', 'ingetrokken', 'vervallen'] as const;
export const PermitRegistryStatus = z.enum(PERMIT_REGISTRY_STATUSES);
export type PermitRegistryStatus = z.infer<typeof PermitRegistryStatus>;

/** What a permit officer does to a permit (`POST /api/permits/:id/actions`); PERSISTED in its history. */
export const PERMIT_ACTIONS = ['zienswijze-vragen', 'zienswijze-ontvangen', 'verlenen', 'weigeren', 'schorsen', 'schorsing-opheffen', 'intrekken', 'laten-vervallen'] as const;
export const PermitAction = z.enum(PERMIT_ACTIONS);
export type PermitAction = z.infer<typeof PermitAction>;

/** Why a permit is revoked; PERSISTED. */
export const REVOCATION_REASONS = ['bibob', 'voorschrift-overtreden', 'op-verzoek'] as const;
/** Why a permit lapses; PERSISTED. */
export const EXPIRY_REASONS = ['geldigheid-verstreken', 'uitgeschreven'] as const;

const Reason = z.string().trim().min(1, 'Geef een reden op').max(Limits.shortTextLength);
const ActionDate = z.iso.date({ error: 'Moet een bestaande datum zijn (JJJJ-MM-DD)' });

/**
 * A case-specific condition with its legal basis. `fromBibob`: proposed by a Bibob conclusion, so art. 28
 * information: it stays in the municipality's own records and never reaches an event or the public register.
 */
export const CaseCondition = z.strictObject({
  text: z.string().trim().min(1).max(Limits.shortTextLength),
  legalBasis: z.string().trim().min(1).max(Limits.shortTextLength),
  fromBibob: z.boolean().default(false),
});
export type CaseCondition = z.infer<typeof CaseCondition>;

export const PermitActionRequest = z.discriminatedUnion('action', [
  z.strictObject({ action: z.literal('zienswijze-vragen'), date: ActionDate, reason: Reason }),
  z.strictObject({ action: z.literal('zienswijze-ontvangen'), date: ActionDate, reason: Reason }),
  z.strictObject({
    action: z.literal('verlenen'),
    date: ActionDate,
    permitNumber: z.string().trim().regex(/^[A-Za-z0-9][A-Za-z0-9./-]{0,39}$/, 'Een vergunningnummer bestaat uit letters, cijfers en . / -'),
    validFrom: ActionDate,
    validUntil: ActionDate,
    conditions: z.array(CaseCondition).max(Limits.actionsPerDecision).default([]),
    reason: Reason,
  }),
  z.strictObject({ action: z.literal('weigeren'), date: ActionDate, reason: Reason }),
  z.strictObject({ action: z.literal('schorsen'), date: ActionDate, from: ActionDate, until: ActionDate, reason: Reason }),
  z.strictObject({ action: z.literal('schorsing-opheffen'), date: ActionDate, reason: Reason }),
  z.strictObject({ action: z.literal('intrekken'), date: ActionDate, ground: z.enum(REVOCATION_REASONS), reason: Reason }),
  z.strictObject({ action: z.literal('laten-vervallen'), date: ActionDate, ground: z.enum(EXPIRY_REASONS), reason: Reason }),
]);
export type PermitActionRequest = z.infer<typeof PermitActionRequest>;

const PermitId = z.uuid();

/**
 * The body of every permit event (`permit.decided`, `.suspended`, `.reinstated`, `.revoked`, `.expired`),
 * sealed by the municipality to itself, the pool and the RIEC: status and dates only. A refusal or
 * revocation ground and conditions from a Bibob conclusion are art. 28 information and never travel here.
 */
export const PermitEvent = z.strictObject({
  permitId: PermitId,
  municipality: MunicipalityId,
  status: PermitRegistryStatus,
  /** The day of the decision. */
  date: ActionDate,
  validFrom: ActionDate.nullable(),
  validUntil: ActionDate.nullable(),
  suspendedFrom: ActionDate.nullable(),
  suspendedUntil: ActionDate.nullable(),
});
export type PermitEvent = z.infer<typeof PermitEvent>;

/** A condition of a granted permit as a permit officer sees it. */
export interface PermitCondition {
  readonly kind: 'standaard' | 'specifiek';
  readonly text: string;
  readonly legalBasis: string;
  readonly fromBibob: boolean;
}

/** `GET /api/permits/:id` (audited): the permit, its conditions and its history with who, when and why. */
export interface PermitDetail {
  readonly id: string;
  readonly applicationId: string;
  readonly municipality: string;
  readonly establishmentId: string;
  readonly status: PermitRegistryStatus;
  readonly zienswijze: 'geen' | 'gevraagd' | 'ontvangen';
  readonly permitNumber: string | null;
  readonly validFrom: string | null;
  readonly validUntil: string | null;
  readonly suspendedFrom: string | null;
  readonly suspendedUntil: string | null;
  readonly conditions: readonly PermitCondition[];
  readonly history: readonly {
    readonly at: string;
    readonly action: PermitAction;
    /** A permit officer, or the service when time ended a suspension or the validity (the permit clock). */
    readonly actor: RegistryOfficer | { readonly service: string };
    readonly fromStatus: PermitRegistryStatus;
    readonly toStatus: PermitRegistryStatus;
    readonly date: string;
    readonly reason: string;
  }[];
}

/*
 * The public register (no sign-in): a registry municipality's permits as published. Only the fields its
 * configuration makes public are present; never people, KvK number, grounds, reasons or conditions.
 */

/** The fields the public register may show; each is public or not by the registry's configuration, with the reason. */
export const PUBLIC_REGISTER_FIELDS = ['tradeName', 'address', 'activities', 'permitNumber', 'validFrom', 'validUntil', 'status', 'publishedOn'] as const;
export type PublicRegisterField = (typeof PUBLIC_REGISTER_FIELDS)[number];

/** The statuses the public register shows: ingetrokken and vervallen only until the publication term ends. */
export const PUBLIC_REGISTER_STATUSES = ['verleend', 'geschorst', 'ingetrokken', 'vervallen'] as const;
export type PublicRegisterStatus = (typeof PUBLIC_REGISTER_STATUSES)[number];

/** `GET /api/public-register/:municipality?date=`: the `date` the register is asked as it stood on (default today). */
export const PublicRegisterQuery = z.strictObject({ date: ActionDate.optional() });

/** One permit in the public register; a field the configuration keeps private is absent. */
export interface PublicRegisterEntry {
  readonly tradeName?: string;
  readonly address?: VisitingAddress;
  readonly activities?: readonly AutobrancheActivity[];
  readonly permitNumber?: string;
  readonly validFrom?: string;
  readonly validUntil?: string;
  readonly status?: PublicRegisterStatus;
  readonly publishedOn?: string;
}

/** The register of one municipality as it stood on `date`; a tombstone says only that an entry was withdrawn and when. */
export interface PublicRegister {
  readonly municipality: string;
  readonly date: string;
  readonly fields: readonly PublicRegisterField[];
  readonly entries: readonly PublicRegisterEntry[];
  readonly withdrawn: readonly { readonly withdrawnOn: string }[];
}

/** `GET /api/public-register`: the municipalities that run a registry, each with a public register. */
export interface PublicRegisterIndex {
  readonly municipalities: readonly string[];
}
