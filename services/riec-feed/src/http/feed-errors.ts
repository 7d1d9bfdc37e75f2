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

/** The feed's domain errors as HTTP answers (contracts' ApiError); 403 and 404 come from @signaalhub/access. */
export async function answering<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof InvalidFeedInput) throw new BadRequestException({ error: 'validation', message: 'De invoer is niet geldig.', problems: error.problems } satisfies ApiError);
    if (error instanceof FeedConflict) throw new ConflictException({ error: 'conflict', message: error.message } satisfies ApiError);
    throw error;
  }
}
