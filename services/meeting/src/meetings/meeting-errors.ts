import type { ValidationProblem } from '@signaalhub/contracts';

/**
 * The request is well-formed but breaks a rule of the meeting's agenda (a meeting in the past, an item
 * that is not pending or of another municipality, an order that is not the planned items). HTTP 422.
 */
export class AgendaRuleBroken extends Error {
  override readonly name = 'AgendaRuleBroken';

  constructor(readonly problems: readonly ValidationProblem[]) {
    super(`agenda rule broken: ${problems.map((problem) => problem.field).join(', ')}`);
  }
}

/** The request cannot be done in the meeting's current state (already planned, no decisions yet). HTTP 409. */
export class AgendaConflict extends Error {
  override readonly name = 'AgendaConflict';

  constructor(readonly userMessage: string) {
    super('agenda conflict');
  }
}

/** The body does not fit the request's schema; each problem names the field. HTTP 400. */
export class InvalidAgendaRequest extends Error {
  override readonly name = 'InvalidAgendaRequest';

  constructor(readonly problems: readonly ValidationProblem[]) {
    super(`invalid agenda request: ${problems.map((problem) => problem.field).join(', ')}`);
  }
}
