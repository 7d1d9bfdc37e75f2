import type { ValidationProblem } from '@signaalhub/contracts';

/**
 * Input that broke a rule, each problem naming the field. `schema`: the shape (HTTP 400); `rule`: a rule
 * of the registry the shape cannot know, such as an SBI code outside the configured list (HTTP 422).
 * Nothing was stored.
 */
export class InvalidRegistryInput extends Error {
  override readonly name = 'InvalidRegistryInput';

  constructor(
    readonly problems: readonly ValidationProblem[],
    readonly kind: 'schema' | 'rule' = 'schema',
  ) {
    super(`invalid registry input: ${String(problems.length)} problem(s)`);
  }
}

/** The request does not fit what exists (HTTP 409), e.g. an establishment registered twice; the message is Dutch. */
export class RegistryConflict extends Error {
  override readonly name = 'RegistryConflict';
}

/** A rule of the registry broken by otherwise well-formed input (422). */
export function ruleBroken(field: string, rule: string, message: string): InvalidRegistryInput {
  return new InvalidRegistryInput([{ field, rule, message }], 'rule');
}
