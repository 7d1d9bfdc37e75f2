import { BadRequestException, ConflictException } from '@nestjs/common';
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
