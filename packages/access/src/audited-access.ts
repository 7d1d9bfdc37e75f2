import type { AuditLog } from '@signaalhub/audit';
import type { Role } from '@signaalhub/contracts';
import type { UserIdentity } from '@signaalhub/identity';
import type { Logger } from '@signaalhub/logging';
import { AccessDenied } from './access-errors.js';

/** A service's own policy table answers with this; `reason` is a code, safe for the audit log. */
export type AccessDecision = { readonly allowed: true } | { readonly allowed: false; readonly reason: string };

export const ALLOWED: AccessDecision = { allowed: true };
export const denied = (reason: string): AccessDecision => ({ allowed: false, reason });

/** What is accessed: ids and routing facts only. With `recipients`, the caller's party must be one of them. */
export interface AccessObject {
  readonly type: string;
  readonly id: string;
  readonly recipients?: readonly string[];
}

/** Who tries what on which object, from where (BIO2 8.15.01: actor, action, object, origin; the log adds the time). */
export interface AccessAttempt {
  readonly caller: UserIdentity;
  /** e.g. `signal.submit`, `signal.open`, `decision.record`. */
  readonly action: string;
  readonly object: AccessObject;
  /** From `requestOrigin`. */
  readonly origin: string;
}

export interface AccessCheck extends AccessAttempt {
  /** The caller needs one of these roles. */
  readonly roles?: readonly Role[];
  /** The service's own policy table's decision for this attempt. */
  readonly policy?: AccessDecision;
  /**
   * Also audit an allowed access (opening content, deciding). Routine reads are not audited when allowed;
   * an access whose object id is known only afterwards is recorded with `allowed` once it succeeded.
   */
  readonly auditAllowed?: boolean;
}

/** Where the decisions go: the service's audit log. */
export type AuditTrail = Pick<AuditLog, 'record'>;

/**
 * The one need-to-know check (DESIGN.md §8.4): role, then the service's policy, then recipients.
 * Every denial is audited and thrown as AccessDenied; the HTTP layer answers 403 `{ error: 'forbidden' }`
 * without the reason (it would tell the caller what exists).
 */
export class AuditedAccess {
  constructor(
    private readonly audit: AuditTrail,
    private readonly logger: Logger,
  ) {}

  async check(check: AccessCheck): Promise<void> {
    const decision = decide(check);
    if (!decision.allowed) return this.deny(check, decision.reason);
    if (check.auditAllowed === true) await this.allowed(check);
  }

  /** A denial found after the check (e.g. the envelope did not open for the caller's party). */
  async deny(attempt: AccessAttempt, reason: string): Promise<never> {
    await this.record(attempt, 'denied', reason);
    this.logger.info({ action: attempt.action, objectType: attempt.object.type, objectId: attempt.object.id, party: attempt.caller.party, reason }, 'access denied');
    throw new AccessDenied(reason);
  }

  /** Records an allowed access to personal data once it happened. */
  async allowed(attempt: AccessAttempt): Promise<void> {
    await this.record(attempt, 'allowed');
  }

  private async record(attempt: AccessAttempt, result: 'allowed' | 'denied', reason?: string): Promise<void> {
    await this.audit.record({
      actor: { userId: attempt.caller.userId, party: attempt.caller.party },
      action: attempt.action,
      objectType: attempt.object.type,
      objectId: attempt.object.id,
      result,
      origin: attempt.origin,
      ...(reason === undefined ? {} : { reason }),
    });
  }
}

function decide(check: AccessCheck): AccessDecision {
  const { caller, roles, policy, object } = check;
  if (roles !== undefined && !roles.some((role) => caller.roles.includes(role))) return denied(`role-${roles.join('-or-')}-required`);
  if (policy !== undefined && !policy.allowed) return policy;
  if (object.recipients !== undefined && !object.recipients.includes(caller.party)) return denied('not-a-recipient');
  return ALLOWED;
}
