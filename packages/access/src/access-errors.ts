/**
 * Domain errors of an access decision. They carry no HTTP status: the HTTP layer maps them
 * (AccessErrorFilter), so domain code never imports a web framework's exceptions.
 */

/** The caller may not do this. `reason` is a code for the audit log (e.g. `not-a-recipient`), never told to the caller. */
export class AccessDenied extends Error {
  override readonly name = 'AccessDenied';

  constructor(readonly reason: string) {
    super(`access denied: ${reason}`);
  }
}

/** The object does not exist, told only to a caller who passed the checks that come before the lookup. */
export class ObjectNotFound extends Error {
  override readonly name = 'ObjectNotFound';

  constructor(readonly objectType: string) {
    super(`${objectType} not found`);
  }
}
