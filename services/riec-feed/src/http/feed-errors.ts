import { BadRequestException, ConflictException } from '@nestjs/common';
import type { ApiError, ValidationProblem } from '@signaalhub/contracts';

/** Input that does not fit the API's shapes, each problem naming the field (HTTP 400); nothing was stored. */
export class InvalidFeedInput extends Error {
  override readonly name = 'InvalidFeedInput';

  constructor(readonly problems: readonly ValidationProblem[]) {
    super(`invalid feed input: ${String(problems.length)} problem(s)`);
  }
}

/** The request does not fit what exists (HTTP 409); the message is Dutch. */
export class FeedConflict extends Error {
  override readonly name = 'FeedConflict';
}

/** A domain error as its HTTP answer (contracts' ApiError); 403 and 404 come from @signaalhub/access, anything else passes. */
function httpErrorOf(error: unknown): unknown {
  if (error instanceof InvalidFeedInput) return new BadRequestException({ error: 'validation', message: 'De invoer is niet geldig.', problems: error.problems } satisfies ApiError);
  if (error instanceof FeedConflict) return new ConflictException({ error: 'conflict', message: error.message } satisfies ApiError);
  return error;
}

/** Runs a handler, answering the feed's domain errors as HTTP errors. */
export function answering<T>(work: () => Promise<T>): Promise<T> {
  return work().then(undefined, (error: unknown) => Promise.reject(httpErrorOf(error) as Error));
}
