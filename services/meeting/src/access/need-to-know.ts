import type { AuditLog } from '@signaalhub/audit';
import type { Logger } from '@signaalhub/logging';
import { forbidden } from '../http/api-errors.js';
import type { AccessDecision, Caller } from './meeting-access-policy.js';

/** What the caller tried, for the audit entry. */
export interface AccessAttempt {
  readonly caller: Caller;
  readonly action: string;
  readonly objectType: string;
  readonly objectId: string;
  readonly origin: string;
}

/**
 * Turns a policy decision into the request's outcome: a denial is audited and answered 403; an allowed
 * access is audited only where `auditAllowed` says so (opening content, deciding), the rest is routine.
 */
export class NeedToKnow {
  constructor(
    private readonly audit: AuditLog,
    private readonly logger: Logger,
  ) {}

  async enforce(decision: AccessDecision, attempt: AccessAttempt, auditAllowed = false): Promise<void> {
    if (decision.allowed) {
      if (auditAllowed) await this.record(attempt, 'allowed');
      return;
    }
    await this.record(attempt, 'denied', decision.reason);
    this.logger.info({ action: attempt.action, objectId: attempt.objectId, party: attempt.caller.party, reason: decision.reason }, 'access denied');
    throw forbidden();
  }

  async record(attempt: AccessAttempt, result: 'allowed' | 'denied', reason?: string): Promise<void> {
    await this.audit.record({
      actor: { userId: attempt.caller.userId, party: attempt.caller.party },
      action: attempt.action,
      objectType: attempt.objectType,
      objectId: attempt.objectId,
      result,
      origin: attempt.origin,
      ...(reason === undefined ? {} : { reason }),
    });
  }
}
