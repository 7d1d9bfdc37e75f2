import type { ValidationProblem } from '@signaalhub/contracts';

/** The response's body broke a rule; each problem names the field. The HTTP layer answers 400. */
export class InvalidInformationResponse extends Error {
  override readonly name = 'InvalidInformationResponse';

  constructor(readonly problems: readonly ValidationProblem[]) {
    super(`invalid information response: ${String(problems.length)} problem(s)`);
  }
}

/** The request was answered or refused already. The HTTP layer answers 409. */
export class AlreadyHandled extends Error {
  override readonly name = 'AlreadyHandled';

  constructor() {
    super('the information request is no longer open');
  }
}

/** The requested signal is not on this municipality's agenda (or not readable by it): it can only be refused. 409. */
export class SignalUnavailable extends Error {
  override readonly name = 'SignalUnavailable';

  constructor() {
    super('the requested signal is not available to answer with');
  }
}
