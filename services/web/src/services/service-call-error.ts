import type { ValidationProblem } from '@signaalhub/contracts';

export type ServiceFailure = 'unauthenticated' | 'forbidden' | 'not-found' | 'conflict' | 'unavailable' | 'failed';

/**
 * A service call that did not succeed, classified for the page the user gets. Carries the status and
 * the service's Dutch message at most; never the request or response body (it may hold personal data).
 */
export class ServiceCallError extends Error {
  override readonly name = 'ServiceCallError';

  constructor(
    readonly service: string,
    readonly failure: ServiceFailure,
    readonly status: number | undefined,
    /** The service's Dutch message for people, when it gave one (409 conflicts). */
    readonly userMessage?: string,
  ) {
    super(`${service} call failed: ${failure}${status === undefined ? '' : ` (HTTP ${status})`}`);
  }
}

/** A 400 (or 422: a rule) with problems: the caller shows each message next to its field. */
export class ServiceValidationError extends Error {
  override readonly name = 'ServiceValidationError';

  constructor(
    readonly problems: readonly ValidationProblem[],
    readonly status: 400 | 422 = 400,
  ) {
    super(`validation failed on ${problems.length} field(s)`);
  }
}
