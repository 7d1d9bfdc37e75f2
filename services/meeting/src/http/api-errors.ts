import { BadRequestException, ConflictException, UnprocessableEntityException } from '@nestjs/common';
import type { ApiError, ValidationProblem } from '@signaalhub/contracts';

/** The service's error bodies (contracts' ApiError); `message` is Dutch, for people. 403 and 404 come from @signaalhub/access. */
export function conflict(message: string): ConflictException {
  const body: ApiError = { error: 'conflict', message };
  return new ConflictException(body);
}

export function invalid(problems: readonly ValidationProblem[]): BadRequestException {
  const body: ApiError = { error: 'validation', message: 'De invoer is niet geldig.', problems };
  return new BadRequestException(body);
}

/** 422: well-formed, but against a rule (e.g. a meeting in the past); each problem names the field. */
export function unprocessable(problems: readonly ValidationProblem[]): UnprocessableEntityException {
  const body: ApiError = { error: 'validation', message: problems[0]?.message ?? 'De invoer is niet geldig.', problems };
  return new UnprocessableEntityException(body);
}
