import { SignalSubmission, validateRequest, type ValidationProblem } from '@signaalhub/contracts';

export type SubmissionValidation =
  | { readonly success: true; readonly submission: SignalSubmission }
  | { readonly success: false; readonly problems: ValidationProblem[] };

/** The contracts' request validation: Dutch messages, English rules, unknown fields named (when identifier-shaped). */
export function validateSubmission(body: unknown): SubmissionValidation {
  const result = validateRequest(SignalSubmission, body);
  return result.success ? { success: true, submission: result.data } : { success: false, problems: result.problems };
}
