import type { z } from 'zod';
import { englishRuleFor } from '../canonical/canonical-schema.js';
import { REQUIRED_MESSAGE, dutchIssueMessage, isDutchIssueMessage } from './dutch-messages.js';

/** One reason input was rejected: a machine-readable body for HTTP 422 and dead-letter entries. */
export interface ValidationProblem {
  /** Dotted path of the field, e.g. `location.postcode` or `subjects.0.kvkNumber`; `` for the root. */
  readonly field: string;
  /** The rule in English, for developers and logs. */
  readonly rule: string;
  /** The rule in Dutch, to show next to the form field. */
  readonly message: string;
}

type Issue = z.core.$ZodIssue;

function hasRule(params: unknown): params is { rule: string } {
  return typeof params === 'object' && params !== null && typeof (params as { rule?: unknown }).rule === 'string';
}

/** English rule for an issue; rules of our own checks travel in `params.rule`. */
function ruleOf(issue: Issue): string {
  if ('params' in issue && hasRule(issue.params)) return issue.params.rule;
  if (issue.message === REQUIRED_MESSAGE) return 'is required';
  const ownRule = englishRuleFor(issue.message);
  if (ownRule !== undefined) return ownRule;
  switch (issue.code) {
    case 'invalid_type':
      return `must be of type ${issue.expected}`;
    case 'too_big':
      return `must be at most ${String(issue.maximum)} (${issue.origin})`;
    case 'too_small':
      return `must be at least ${String(issue.minimum)} (${issue.origin})`;
    case 'invalid_format':
      return `must have format ${issue.format}`;
    case 'invalid_value':
      return `must be one of ${issue.values.map(String).join(', ')}`;
    case 'unrecognized_keys':
      return `must not contain unknown fields (${String(issue.keys.length)} found)`;
    case 'invalid_union':
      return 'must match one of the allowed shapes';
    case 'not_multiple_of':
      return `must be a multiple of ${String(issue.divisor)}`;
    case 'invalid_key':
      return 'must have valid keys';
    case 'invalid_element':
      return 'must have valid elements';
    case 'custom':
      return 'must be valid';
  }
}

/** A message people can read: the Dutch rule of one of our checks, or a Dutch message of zod's checks. */
function isDutchMessage(issue: Issue): boolean {
  return isDutchIssueMessage(issue.message) || englishRuleFor(issue.message) !== undefined || ('params' in issue && hasRule(issue.params));
}

/**
 * Turns a ZodError into problems that name the field and the rule, without echoing any input. The one
 * place that makes every message Dutch: a schema's own English message (a developer's rule) becomes the
 * rule, and the message the Dutch one of its issue code, so English never reaches a page.
 */
export function validationProblems(error: z.ZodError): ValidationProblem[] {
  return error.issues.map((issue) => {
    const dutch = isDutchMessage(issue);
    return {
      field: issue.path.map(String).join('.'),
      rule: dutch ? ruleOf(issue) : issue.message,
      // The issue without its input: the message is the code's, never "required" by mistake.
      message: dutch ? issue.message : dutchIssueMessage({ ...issue, input: null } as z.core.$ZodRawIssue),
    };
  });
}

export type ValidationResult<T> =
  | { readonly success: true; readonly data: T }
  | { readonly success: false; readonly problems: ValidationProblem[] };

/** Parses with Dutch messages for built-in checks; the one way services should validate input. */
export function validate<S extends z.ZodType>(schema: S, input: unknown): ValidationResult<z.output<S>> {
  const result = schema.safeParse(input, { error: dutchIssueMessage });
  return result.success
    ? { success: true, data: result.data }
    : { success: false, problems: validationProblems(result.error) };
}

/** A key that can be echoed back as a field name: shaped like a programmer's identifier, short. */
const ECHOABLE_KEY = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;

export const UNKNOWN_FIELD_PROBLEM = { rule: 'unknown field: not part of the request', message: 'Dit veld is onbekend en niet toegestaan' } as const;

/**
 * {@link validate} for a client's request body, with one addition: an unknown field is reported under
 * its own name (`location.extra`), so the client sees which one. Only identifier-shaped names are
 * echoed; any other key (it might hold a name or a number) is reported as `(unknown)` under its parent.
 */
export function validateRequest<S extends z.ZodType>(schema: S, input: unknown): ValidationResult<z.output<S>> {
  const result = schema.safeParse(input, { error: dutchIssueMessage });
  if (result.success) return { success: true, data: result.data };
  // validationProblems maps issue i to problem i; unknown-key issues are expanded per key.
  const problems = validationProblems(result.error).flatMap((problem, index) => {
    const issue = result.error.issues[index];
    if (issue?.code !== 'unrecognized_keys') return [problem];
    return issue.keys.map((key) => ({ field: [...issue.path.map(String), ECHOABLE_KEY.test(key) ? key : '(unknown)'].join('.'), ...UNKNOWN_FIELD_PROBLEM }));
  });
  return { success: false, problems };
}
