import { BadRequestException, ConflictException, UnprocessableEntityException } from '@nestjs/common';
import type { ApiError } from '@signaalhub/contracts';
import { PermitViolation } from '../permits/permit-lifecycle.js';
import { InvalidRegistryInput, RegistryConflict } from '../registry/registry-errors.js';

/**
 * The registry's domain errors as HTTP answers (contracts' ApiError, `message` in Dutch): a malformed body
 * 400, a broken rule of the registry 422, a request that does not fit what exists 409. 403 and 404 come
 * from @signaalhub/access. Anything else passes unchanged.
 */
export function asRegistryHttpError(error: unknown): unknown {
  if (error instanceof RegistryConflict) return new ConflictException({ error: 'conflict', message: error.message } satisfies ApiError);
  if (error instanceof PermitViolation) {
    if (error.kind === 'conflict') return new ConflictException({ error: 'conflict', message: error.message } satisfies ApiError);
    const problems = [{ field: error.field, rule: error.rule, message: error.message }];
    return new UnprocessableEntityException({ error: 'validation', message: error.message, problems } satisfies ApiError);
  }
  if (!(error instanceof InvalidRegistryInput)) return error;
  const answer: ApiError = { error: 'validation', message: 'De invoer is niet geldig.', problems: error.problems };
  return error.kind === 'rule' ? new UnprocessableEntityException(answer) : new BadRequestException(answer);
}

/** Runs a handler and answers its domain errors as above. */
export function answering<T>(work: () => Promise<T>): Promise<T> {
  return work().catch((error: unknown) => {
    throw asRegistryHttpError(error);
  });
}
