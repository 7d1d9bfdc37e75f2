import { z } from 'zod';
import { CanonicalisationError, type CanonicalRule } from './canonicalisation-error.js';


const englishRuleByDutchMessage = new Map<string, string>();

/**
 * The zod `error` option for a built-in check (max, regex, …) that enforces `rule`. Built-in checks
 * cannot carry params, so the English rule is remembered by its Dutch message for
 * {@link englishRuleFor}.
 */
export function ruleError(rule: CanonicalRule): { error: string } {
  englishRuleByDutchMessage.set(rule.ruleNl, rule.rule);
  return { error: rule.ruleNl };
}

/** The English rule behind a Dutch message set through {@link ruleError}, if any. */
export function englishRuleFor(ruleNl: string): string | undefined {
  return englishRuleByDutchMessage.get(ruleNl);
}

/**
 * Runs a canonicaliser inside a zod schema. A CanonicalisationError becomes a custom issue whose
 * message is the Dutch rule (it is shown next to the form field) and whose params carry the English
 * rule; any other error is a bug and propagates.
 */
export function applyCanonicaliser<Input, Output>(
  canonicalise: (input: Input) => Output,
  value: Input,
  ctx: z.RefinementCtx,
): Output {
  try {
    return canonicalise(value);
  } catch (error) {
    if (!(error instanceof CanonicalisationError)) throw error;
    const params: CanonicalRule = { rule: error.rule, ruleNl: error.ruleNl };
    ctx.addIssue({ code: 'custom', message: error.ruleNl, params });
    return z.NEVER;
  }
}

/**
 * A string field that is canonicalised on parse. Input is lenient (what people type); output is the
 * canonical form, re-checked against `canonicalPattern` — which is also what the generated JSON
 * Schema (output side) publishes, so partners validate against the canonical form.
 */
export function canonicalString(
  canonicalise: (input: string) => string,
  canonicalPattern: RegExp,
  maxInputLength: number,
  rule: CanonicalRule,
): z.ZodPipe<z.ZodPipe<z.ZodString, z.ZodTransform<string, string>>, z.ZodString> {
  return z
    .string()
    .max(maxInputLength, ruleError(rule))
    .transform((value, ctx) => applyCanonicaliser(canonicalise, value, ctx))
    .pipe(z.string().regex(canonicalPattern, ruleError(rule)));
}
