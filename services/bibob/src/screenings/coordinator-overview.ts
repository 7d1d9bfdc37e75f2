import type { AuditedAccess } from '@signaalhub/access';
import type { CoordinatorCapacity } from '@signaalhub/contracts';
import type { UserIdentity } from '@signaalhub/identity';
import type { BibobAccessPolicy } from '../access/bibob-access-policy.js';
import { capacityOf } from '../assignment/coordinator-capacity.js';
import type { Coordinator } from '../assignment/coordinator-config.js';
import type { ScreeningStore } from './screening-store.js';

/** The pool's coordinators with their load and absences, for the pool's own coordinators only (audited: it is about people). */
export class CoordinatorOverview {
  constructor(
    private readonly coordinators: readonly Coordinator[],
    private readonly store: ScreeningStore,
    private readonly policy: BibobAccessPolicy,
    private readonly access: AuditedAccess,
    private readonly clock: () => Date,
  ) {}

  async list(caller: UserIdentity, origin: string): Promise<CoordinatorCapacity[]> {
    const attempt = { caller, action: 'coordinator.list', object: { type: 'coordinators', id: '*' }, origin };
    await this.access.check({ ...attempt, policy: this.policy.coordinator(caller), auditAllowed: true });
    return capacityOf(this.coordinators, await this.store.openCountsByAssignee(), this.clock().toISOString().slice(0, 10));
  }
}
