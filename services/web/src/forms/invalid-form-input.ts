import type { ValidationProblem } from '@signaalhub/contracts';

/** Input no form of ours sends (invalid UTF-8, control characters, a repeated or nested field): a 422 page naming each field. */
export class InvalidFormInput extends Error {
  override readonly name = 'InvalidFormInput';

  constructor(readonly problems: readonly ValidationProblem[]) {
    super(`invalid form input: ${problems.map((problem) => `${problem.field} ${problem.rule}`).join('; ')}`);
  }
}
