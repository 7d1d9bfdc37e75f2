import { BadRequestException, ConflictException, NotFoundException } from '@nestjs/common';
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

/** 404 naming the path parameter that named nothing (the object's existence is told only after access checks). */
export function notFound(field: string, rule: string, message: string): NotFoundException {
  const body: ApiError = { error: 'not-found', message, problems: [{ field, rule, message }] };
  return new NotFoundException(body);
}
