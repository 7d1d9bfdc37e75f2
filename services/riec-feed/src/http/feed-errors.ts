import { BadRequestException, ConflictException, UnprocessableEntityException } from '@nestjs/common';
import type { ApiError, ValidationProblem } from '@signaalhub/contracts';

/**
 * Input that broke a rule, each problem naming the field; nothing was stored. `schema`: the shape (HTTP 400);
 * `rule`: a rule the shape cannot know, such as a signal that is not one of the hit's (HTTP 422).
 */
export class InvalidFeedInput extends Error {
  override readonly name = 'InvalidFeedInput';

  constructor(
    readonly problems: readonly ValidationProblem[],
    readonly kind: 'schema' | 'rule' = 'schema',
  ) {
    super(`invalid feed input: ${String(problems.length)} problem(s)`);
  }
}

/** The request does not fit what exists (HTTP 409); the message is Dutch. */
export class FeedConflict extends Error {
  override readonly name = 'FeedConflict';
}

/** A domain error as its HTTP answer (contracts' ApiError); 403 and 404 come from @signaalhub/access, anything else passes. */
function httpErrorOf(error: unknown): unknown {
  if (error instanceof InvalidFeedInput) {
    const answer: ApiError = { error: 'validation', message: 'De invoer is niet geldig.', problems: error.problems };
    return error.kind === 'rule' ? new UnprocessableEntityException(answer) : new BadRequestException(answer);
  }
  if (error instanceof FeedConflict) return new ConflictException({ error: 'conflict', message: error.message } satisfies ApiError);
  return error;
}

/** Runs a handler, answering the feed's domain errors as HTTP errors. */
export function answering<T>(work: () => Promise<T>): Promise<T> {
  return work().then(undefined, (error: unknown) => Promise.reject(httpErrorOf(error) as Error));
}
