import { z } from 'zod';
import { lowercaseUuid } from './header-fields.js';
import { Limits } from './limits.js';
import { Huisnummer, Postcode } from './location.js';
import { MunicipalityId } from './municipalities.js';
import { PartyId } from './parties.js';
import { BirthDate, Kenteken, KvkNumber, PersonName, Vestigingsnummer } from './subjects.js';
import { UserId } from './user.js';

/*
 * The payloads of the Bibob screening events (DESIGN.md §6). Everything here travels only inside
 * envelopes: the people, the questionnaire and the conclusion are personal and art. 28 Wet Bibob data.
 * Enum values are PERSISTED (in envelopes and in the bibob service's store): never rename one.
 */

/** Kinds of decision a Bibob screening is requested for; PERSISTED (also a header fact of `screening.requested`). */
export const SCREENING_KINDS = [
  'exploitatievergunning-horeca',
  'drank-en-horecavergunning',
  'autobranche',
  'omgevingsvergunning',
  'vastgoedtransactie',
  'subsidie',
  'overig',
] as const;
export const ScreeningKind = z.enum(SCREENING_KINDS);
export type ScreeningKind = z.infer<typeof ScreeningKind>;

/** Dutch names of the kinds, for forms and pages. */
export const SCREENING_KIND_LABELS: Readonly<Record<ScreeningKind, string>> = {
  'exploitatievergunning-horeca': 'Exploitatievergunning horeca',
  'drank-en-horecavergunning': 'Drank- en horecavergunning',
  autobranche: 'Autobranche',
  omgevingsvergunning: 'Omgevingsvergunning',
  vastgoedtransactie: 'Vastgoedtransactie',
  subsidie: 'Subsidie',
  overig: 'Overig',
};

/** A screening is named by an opaque id; its subject never appears in a header. */
export const ScreeningId = lowercaseUuid('screeningId');

/** A calendar date `YYYY-MM-DD` that exists. */
export const CalendarDate = z.iso.date({ error: 'Moet een bestaande datum zijn (JJJJ-MM-DD)' });

export const ScreeningApplicant = z.strictObject({
  kvkNumber: KvkNumber,
  vestigingsnummer: Vestigingsnummer,
});
export type ScreeningApplicant = z.infer<typeof ScreeningApplicant>;

export const ScreeningPerson = z.strictObject({
  name: PersonName,
  birthDate: BirthDate,
  /** e.g. bestuurder, aandeelhouder, leidinggevende, financier. */
  role: z.string().trim().min(1).max(Limits.nameLength),
});
export type ScreeningPerson = z.infer<typeof ScreeningPerson>;

/** The business address of the application: postcode and huisnummer in the canonical form of a signal's location. */
export const ScreeningAddress = z.strictObject({
  postcode: Postcode,
  huisnummer: Huisnummer,
});
export type ScreeningAddress = z.infer<typeof ScreeningAddress>;

/** The vehicles (kentekens) of the application, e.g. of a car trader; each at most once. */
export const ScreeningVehicles = z
  .array(Kenteken)
  .max(Limits.subjectsPerSignal)
  .refine((kentekens) => new Set(kentekens).size === kentekens.length, { error: 'Een kenteken mag maar één keer voorkomen', params: { rule: 'each kenteken at most once' } });

/** Decision terms of the Awb and special laws stay well under two years. */
export const DecisionTermWeeks = z.number().int().min(1).max(104);

/** What a municipality asks the pool to screen: the body of `screening.requested` and of the coordinators' form. */
export const ScreeningApplication = z.strictObject({
  municipality: MunicipalityId,
  kind: ScreeningKind,
  applicant: ScreeningApplicant,
  people: z.array(ScreeningPerson).max(Limits.subjectsPerSignal),
  /** Optional (requests from before addresses and vehicles were screened have neither). */
  address: ScreeningAddress.optional(),
  vehicles: ScreeningVehicles.optional(),
  /** The date the application was received: the decision term runs from here. */
  receivedOn: CalendarDate,
  decisionTermWeeks: DecisionTermWeeks,
});
export type ScreeningApplication = z.infer<typeof ScreeningApplication>;

/** Who did something, by opaque ids only. */
export const ScreeningActor = z.strictObject({ party: PartyId, userId: UserId });
export type ScreeningActor = z.infer<typeof ScreeningActor>;

export const ScreeningRequested = ScreeningApplication.extend({
  /** The requesting municipality's own reference (e.g. its application id). */
  reference: z.string().trim().min(1).max(Limits.nameLength),
  requestedBy: ScreeningActor,
});
export type ScreeningRequested = z.infer<typeof ScreeningRequested>;

export const ScreeningOpened = z.strictObject({
  screeningId: ScreeningId,
  municipality: MunicipalityId,
  /** The request's reference, so the municipality can link the screening to its application. */
  reference: z.string().min(1).max(Limits.nameLength),
  openedAt: z.iso.datetime(),
});
export type ScreeningOpened = z.infer<typeof ScreeningOpened>;

/** Milestones of a screening's procedure (never its outcome); PERSISTED in headers. */
export const SCREENING_MILESTONES = ['lbb-requested', 'extended', 'waiting-for-information', 'information-received', 'advice-received'] as const;
export const ScreeningMilestone = z.enum(SCREENING_MILESTONES);
export type ScreeningMilestone = z.infer<typeof ScreeningMilestone>;

export const ScreeningProgressed = z.strictObject({
  screeningId: ScreeningId,
  municipality: MunicipalityId,
  milestone: ScreeningMilestone,
  /** The day the milestone happened: the municipality's decision date follows from it. */
  date: CalendarDate,
});
export type ScreeningProgressed = z.infer<typeof ScreeningProgressed>;

/** The risk levels of art. 3 Wet Bibob; PERSISTED inside envelopes and sealed records only. */
export const RISK_LEVELS = ['geen-gevaar', 'mindere-mate', 'ernstige-mate'] as const;
export const RiskLevel = z.enum(RISK_LEVELS);
export type RiskLevel = z.infer<typeof RiskLevel>;

/** Art. 3 lid 1 sub a (benefits from crime) and sub b (committing crimes); PERSISTED like the level. */
export const DANGER_GROUNDS = ['a', 'b'] as const;
export const DangerGround = z.enum(DANGER_GROUNDS);
export type DangerGround = z.infer<typeof DangerGround>;

const ConclusionText = z.string().trim().min(1).max(Limits.freeTextLength);

/**
 * A risk conclusion: `geen-gevaar` with no grounds and no conditions; `mindere-mate` with the proposed
 * voorschriften; `ernstige-mate` on ground a, b or both.
 */
export const RiskConclusion = z
  .strictObject({
    level: RiskLevel,
    grounds: z.array(DangerGround).max(2).default([]),
    proposedConditions: z.array(z.string().trim().min(1).max(Limits.shortTextLength)).max(Limits.actionsPerDecision).default([]),
    explanation: ConclusionText,
  })
  .superRefine((conclusion, ctx) => {
    if (new Set(conclusion.grounds).size !== conclusion.grounds.length) {
      ctx.addIssue({ code: 'custom', path: ['grounds'], message: 'Een grond mag maar één keer voorkomen', params: { rule: 'each ground at most once' } });
    }
    if (conclusion.level === 'ernstige-mate' && conclusion.grounds.length === 0) {
      ctx.addIssue({ code: 'custom', path: ['grounds'], message: 'Bij ernstige mate van gevaar hoort grond a, b of beide', params: { rule: 'serious danger needs ground a, b or both' } });
    }
    if (conclusion.level !== 'ernstige-mate' && conclusion.grounds.length > 0) {
      ctx.addIssue({ code: 'custom', path: ['grounds'], message: 'Alleen bij ernstige mate van gevaar hoort een grond', params: { rule: 'a ground only with serious danger' } });
    }
    if (conclusion.level === 'mindere-mate' && conclusion.proposedConditions.length === 0) {
      ctx.addIssue({ code: 'custom', path: ['proposedConditions'], message: 'Bij mindere mate van gevaar horen voorgestelde voorschriften', params: { rule: 'lesser danger needs proposed conditions' } });
    }
    if (conclusion.level !== 'mindere-mate' && conclusion.proposedConditions.length > 0) {
      ctx.addIssue({ code: 'custom', path: ['proposedConditions'], message: 'Alleen bij mindere mate van gevaar horen voorschriften', params: { rule: 'conditions only with lesser danger' } });
    }
  });
export type RiskConclusion = z.infer<typeof RiskConclusion>;

/** One item of the statutory questionnaire as the pool recorded it. */
export const QuestionnaireAnswer = z.strictObject({
  item: z.string().min(1).max(64),
  complete: z.boolean(),
  answer: z.string().max(Limits.freeTextLength).optional(),
});
export type QuestionnaireAnswer = z.infer<typeof QuestionnaireAnswer>;

export const ScreeningConcluded = z.strictObject({
  screeningId: ScreeningId,
  municipality: MunicipalityId,
  reference: z.string().min(1).max(Limits.nameLength),
  /** A corrected conclusion is a new version; the highest approved one is the advice. */
  version: z.number().int().min(1),
  conclusion: RiskConclusion,
  questionnaire: z.array(QuestionnaireAnswer),
  proposedBy: ScreeningActor,
  approvedBy: ScreeningActor,
  approvedAt: z.iso.datetime(),
});
export type ScreeningConcluded = z.infer<typeof ScreeningConcluded>;

/** The ground of art. 28 lid 2 Wet Bibob on which the pool passes a conclusion to the RIEC. */
export const DisclosureGround = z.strictObject({
  /** e.g. `art-28-lid-2-sub-d` (the RIEC convenant); a code, checked against the service's list. */
  code: z.string().regex(/^[a-z0-9-]{1,64}$/, 'Moet een code zijn: kleine letters, cijfers en koppeltekens'),
  explanation: ConclusionText,
});
export type DisclosureGround = z.infer<typeof DisclosureGround>;

export const ScreeningDisclosed = z.strictObject({
  screeningId: ScreeningId,
  municipality: MunicipalityId,
  version: z.number().int().min(1),
  conclusion: RiskConclusion,
  ground: DisclosureGround,
  disclosedBy: ScreeningActor,
  disclosedAt: z.iso.datetime(),
});
export type ScreeningDisclosed = z.infer<typeof ScreeningDisclosed>;
