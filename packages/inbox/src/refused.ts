/**
 * A message no retry can make acceptable: the inbox dead-letters it at once and audits it. Raised by
 * the inbox itself, or by a service's check or handler for a domain rule (e.g. `UNKNOWN_SIGNAL`). The
 * code goes to the audit entry, the log and the dead letter's reason header (`Refused: <code>`), so it
 * names a rule, never content.
 */
export class Refused extends Error {
  override readonly name = 'Refused';

  constructor(readonly code: string) {
    super(code);
  }
}
