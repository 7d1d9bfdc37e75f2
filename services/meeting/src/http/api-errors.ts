import { ConflictException, NotFoundException, UnprocessableEntityException, type BadRequestException } from '@nestjs/common';
import type { ApiError, ValidationProblem } from '@signaalhub/contracts';
import { invalidInput } from '@signaalhub/service-kit';

/** The service's error bodies (contracts' ApiError); `message` is Dutch, for people. 403 and 404 come from @signaalhub/access. */
export function conflict(message: string): ConflictException {
  const body: ApiError = { error: 'conflict', message };
  return new ConflictException(body);
}

/** 400 naming every field (a problem of the whole body names `body`), as every API of the hub answers. */
export function invalid(problems: readonly ValidationProblem[]): BadRequestException {
  return invalidInput(problems);
}

/** 404 naming the path parameter that named nothing (the object's existence is told only after access checks). */
export function notFound(field: string, rule: string, message: string): NotFoundException {
  const body: ApiError = { error: 'not-found', message, problems: [{ field, rule, message }] };
  return new NotFoundException(body);
}

/** 422: well-formed, but against a rule (e.g. a meeting in the past); each problem names the field. */
export function unprocessable(problems: readonly ValidationProblem[]): UnprocessableEntityException {
  const body: ApiError = { error: 'validation', message: problems[0]?.message ?? 'De invoer is niet geldig.', problems };
  return new UnprocessableEntityException(body);
}
