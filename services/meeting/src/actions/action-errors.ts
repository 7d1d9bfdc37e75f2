import type { ValidationProblem } from '@signaalhub/contracts';

/** The body broke a rule; each problem names the field. The HTTP layer answers 400. */
export class InvalidActionChange extends Error {
  override readonly name = 'InvalidActionChange';

  constructor(readonly problems: readonly ValidationProblem[]) {
    super(`invalid action change: ${String(problems.length)} problem(s)`);
  }
}

/** The action was marked done before: it can be neither done again nor moved. The HTTP layer answers 409. */
export class ActionAlreadyDone extends Error {
  override readonly name = 'ActionAlreadyDone';

  constructor() {
    super('the action is done');
  }
}
