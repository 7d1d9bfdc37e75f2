import { z } from 'zod';
import { ruleError } from './canonical/canonical-schema.js';
import { IndicatorCode, MAX_INDICATORS_PER_SIGNAL, isIndicatorOfTheme } from './indicators.js';
import { Limits } from './limits.js';
import { Location } from './location.js';
import { MunicipalityId } from './municipalities.js';
import { PartyId } from './parties.js';
import { Subject } from './subjects.js';
import { Theme } from './themes.js';
import { UserId } from './user.js';

const distinct = (values: readonly unknown[]): boolean => new Set(values).size === values.length;

export const Distribution = z.strictObject({
  recipients: z
    .array(PartyId)
    .min(1, ruleError({ rule: 'at least one recipient', ruleNl: 'Kies minstens één ontvanger' }))
    .max(Limits.recipientsPerMessage)
    .refine(distinct, ruleError({ rule: 'recipients must be distinct', ruleNl: 'Een ontvanger mag maar één keer voorkomen' })),
});
export type Distribution = z.infer<typeof Distribution>;

export const Reporter = z.strictObject({
  party: PartyId,
  userId: UserId,
});
export type Reporter = z.infer<typeof Reporter>;

/** What an inspector posts; the server adds id, reportedAt and reporter (see {@link Signal}). */
const submissionShape = {
  municipality: MunicipalityId,
  theme: Theme,
  location: Location,
  subjects: z
    .array(Subject)
    .min(
      1,
      ruleError({
        rule: 'at least one subject',
        ruleNl: 'Voeg minstens één betrokkene toe (bedrijf, persoon of voertuig)',
      }),
    )
    .max(
      Limits.subjectsPerSignal,
      ruleError({
        rule: `at most ${Limits.subjectsPerSignal} subjects`,
        ruleNl: `Maximaal ${Limits.subjectsPerSignal} betrokkenen per signaal`,
      }),
    ),
  indicators: z
    .array(IndicatorCode)
    .max(MAX_INDICATORS_PER_SIGNAL)
    .refine(distinct, ruleError({ rule: 'indicators must be distinct', ruleNl: 'Een indicator mag maar één keer voorkomen' })),
  freeText: z
    .string()
    .max(
      Limits.freeTextLength,
      ruleError({
        rule: `free text must be at most ${Limits.freeTextLength} characters`,
        ruleNl: `De toelichting mag maximaal ${Limits.freeTextLength} tekens zijn`,
      }),
    ),
  distribution: Distribution,
};

const INDICATOR_THEME_RULE = {
  rule: "indicator must belong to the signal's theme",
  ruleNl: 'Deze indicator hoort niet bij het gekozen thema',
};

/** Indicators are a per-theme checklist: one from another theme's list is an error on that item. */
function indicatorsMatchTheme(
  signal: { readonly theme: Theme; readonly indicators: readonly IndicatorCode[] },
  ctx: z.RefinementCtx,
): void {
  signal.indicators.forEach((code, index) => {
    if (!isIndicatorOfTheme(signal.theme, code)) {
      ctx.addIssue({
        code: 'custom',
        path: ['indicators', index],
        message: INDICATOR_THEME_RULE.ruleNl,
        params: INDICATOR_THEME_RULE,
      });
    }
  });
}

export const SignalSubmission = z.strictObject(submissionShape).superRefine(indicatorsMatchTheme);
export type SignalSubmission = z.infer<typeof SignalSubmission>;
/** What a form or partner may send before canonicalisation (e.g. `3761 ab`). */
export type SignalSubmissionInput = z.input<typeof SignalSubmission>;

/** A signal as accepted by the hub: canonical identifiers, server-assigned id, time and reporter. */
export const Signal = z
  .strictObject({
    id: z.uuid(),
    reportedAt: z.iso.datetime({ offset: true }),
    reporter: Reporter,
    ...submissionShape,
  })
  .superRefine(indicatorsMatchTheme);
export type Signal = z.infer<typeof Signal>;
export type SignalInput = z.input<typeof Signal>;
