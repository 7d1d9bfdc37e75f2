import type { ValidationProblem } from '@signaalhub/contracts';

/**
 * Input that broke a rule, each problem naming the field. `schema`: the shape (HTTP 400); `rule`: a rule
 * of the procedure the shape cannot know, such as a date in the future (HTTP 422). Nothing was stored.
 */
export class InvalidScreeningInput extends Error {
  override readonly name = 'InvalidScreeningInput';

  constructor(
    readonly problems: readonly ValidationProblem[],
    readonly kind: 'schema' | 'rule' = 'schema',
  ) {
    super(`invalid screening input: ${String(problems.length)} problem(s)`);
  }
}
