import { ForbiddenException } from '@nestjs/common';
import type { AuditLog } from '@signaalhub/audit';
import type { Role } from '@signaalhub/contracts';
import type { UserIdentity } from '@signaalhub/identity';

/** What a user tries to do to which object, and from where; routing facts and ids only. */
export interface AccessAttempt {
  readonly identity: UserIdentity;
  /** e.g. `signal.submit`, `signal.list-own`, `signal.view`, `decision.open`. */
  readonly action: string;
  readonly objectType: string;
  readonly objectId: string;
  readonly origin: string;
}

/**
 * Need-to-know decisions with their audit trail (DESIGN.md §8.4): a denial is recorded and answered
 * with 403 `{ error: 'forbidden' }` (no reason to the caller: it would tell what exists); an allowed
 * access to personal data is recorded by the caller through `allowed`.
 */
export class AccessControl {
  constructor(private readonly auditLog: AuditLog) {}

  async requireRole(attempt: AccessAttempt, role: Role): Promise<void> {
    if (!attempt.identity.roles.includes(role)) await this.deny(attempt, `role-${role}-required`);
  }

  /** `reason` is a code (e.g. `other-municipality`), never personal data. */
  async deny(attempt: AccessAttempt, reason: string): Promise<never> {
    await this.record(attempt, 'denied', reason);
    throw new ForbiddenException({ error: 'forbidden' });
  }

  async allowed(attempt: AccessAttempt): Promise<void> {
    await this.record(attempt, 'allowed');
  }

  private async record(attempt: AccessAttempt, result: 'allowed' | 'denied', reason?: string): Promise<void> {
    await this.auditLog.record({
      actor: { userId: attempt.identity.userId, party: attempt.identity.party },
      action: attempt.action,
      objectType: attempt.objectType,
      objectId: attempt.objectId,
      result,
      origin: attempt.origin,
      ...(reason === undefined ? {} : { reason }),
    });
  }
}
