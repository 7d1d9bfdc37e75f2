import { BadRequestException, ConflictException, ForbiddenException, NotFoundException } from '@nestjs/common';
import type { ApiError, ValidationProblem } from '@signaalhub/contracts';

/** The service's error bodies (contracts' ApiError); `message` is Dutch, for people. */
export function forbidden(): ForbiddenException {
  const body: ApiError = { error: 'forbidden', message: 'U heeft geen toegang tot deze gegevens.' };
  return new ForbiddenException(body);
}

export function notFound(): NotFoundException {
  const body: ApiError = { error: 'not-found', message: 'Dit agendapunt bestaat niet.' };
  return new NotFoundException(body);
}

export function conflict(message: string): ConflictException {
  const body: ApiError = { error: 'conflict', message };
  return new ConflictException(body);
}

export function invalid(problems: readonly ValidationProblem[]): BadRequestException {
  const body: ApiError = { error: 'validation', message: 'De invoer is niet geldig.', problems };
  return new BadRequestException(body);
}
