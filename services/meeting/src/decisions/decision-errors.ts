import type { ValidationProblem } from '@signaalhub/contracts';

/** The decision's body broke a rule; each problem names the field. The HTTP layer answers 400. */
export class InvalidDecision extends Error {
  override readonly name = 'InvalidDecision';

  constructor(readonly problems: readonly ValidationProblem[]) {
    super(`invalid decision: ${String(problems.length)} problem(s)`);
  }
}

/** The item is no longer pending: a decision was recorded first. The HTTP layer answers 409. */
export class AlreadyDecided extends Error {
  override readonly name = 'AlreadyDecided';

  constructor() {
    super('the agenda item is no longer pending');
  }
}
