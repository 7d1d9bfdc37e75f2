import { dutchIssueMessage, SignalSubmission, validationProblems, type ValidationProblem } from '@signaalhub/contracts';

export type SubmissionValidation =
  | { readonly success: true; readonly submission: SignalSubmission }
  | { readonly success: false; readonly problems: ValidationProblem[] };

/** A key that can be echoed back as a field name: shaped like a programmer's identifier, short. */
const SAFE_FIELD_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;

const UNKNOWN_FIELD_RULE = 'unknown field: not part of the signal submission';
const UNKNOWN_FIELD_MESSAGE = 'Dit veld is onbekend en niet toegestaan';

/**
 * The contracts' validation (`validate()` semantics: Dutch messages, English rules), with one addition:
 * an unknown field is reported under its own name (`location.extra`) so the client sees which one.
 * Only identifier-shaped names are echoed; any other key (it might hold a name or a number) is
 * reported as `(unknown)` under its parent.
 */
export function validateSubmission(body: unknown): SubmissionValidation {
  const result = SignalSubmission.safeParse(body, { error: dutchIssueMessage });
  if (result.success) return { success: true, submission: result.data };
  // validationProblems maps issue i to problem i; unknown-key issues are expanded per key.
  const problems = validationProblems(result.error).flatMap((problem, index) => {
    const issue = result.error.issues[index];
    if (issue?.code !== 'unrecognized_keys') return [problem];
    return issue.keys.map((key) => ({
      field: [...issue.path.map(String), SAFE_FIELD_NAME.test(key) ? key : '(unknown)'].join('.'),
      rule: UNKNOWN_FIELD_RULE,
      message: UNKNOWN_FIELD_MESSAGE,
    }));
  });
  return { success: false, problems };
}
