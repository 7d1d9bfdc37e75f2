import { BadRequestException, ConflictException, UnprocessableEntityException } from '@nestjs/common';
import type { ApiError } from '@signaalhub/contracts';
import { InvalidScreeningInput } from '../screenings/screening-errors.js';
import { LifecycleViolation } from '../screenings/screening-lifecycle.js';

/**
 * The pool's domain errors as HTTP answers (contracts' ApiError, `message` in Dutch): a malformed body
 * 400, a broken rule of the procedure 422, a step that does not fit the phase 409. 403 and 404 come from
 * @signaalhub/access. Anything else passes unchanged.
 */
export function asHttpError(error: unknown): unknown {
  if (error instanceof InvalidScreeningInput) {
    const body: ApiError = { error: 'validation', message: 'De invoer is niet geldig.', problems: error.problems };
    return error.kind === 'schema' ? new BadRequestException(body) : new UnprocessableEntityException(body);
  }
  if (error instanceof LifecycleViolation) {
    if (error.kind === 'conflict') return new ConflictException({ error: 'conflict', message: error.message } satisfies ApiError);
    const problems = [{ field: error.field ?? '', rule: 'procedure rule of the Wet Bibob', message: error.message }];
    return new UnprocessableEntityException({ error: 'validation', message: error.message, problems } satisfies ApiError);
  }
  return error;
}

/** Runs a handler and answers its domain errors as above. */
export async function answering<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw asHttpError(error);
  }
}
