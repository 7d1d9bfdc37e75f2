import { ALLOWED, denied, type AccessDecision } from '@signaalhub/access';
import { municipalityPartyId, type Role } from '@signaalhub/contracts';
import type { UserIdentity } from '@signaalhub/identity';

/** Why the pool refuses access; a code, safe for the audit log. */
export type BibobDenialReason = 'wrong-role' | 'not-the-pool' | 'other-municipality' | 'not-a-lead-coordinator';

export const COORDINATOR_ROLE: Role = 'bibob-coordinator';
export const PERMIT_OFFICER_ROLE: Role = 'permit-officer';
export const AUDITOR_ROLE: Role = 'auditor';

/**
 * Need-to-know for the coordinator pool (DESIGN.md §2, art. 28 Wet Bibob):
 * - coordinators of the pool party work on every screening; lead coordinators (configuration) also reassign;
 * - a municipality's permit officers read that municipality's screenings and conclusions, nothing else;
 * - auditors read the disclosure register: the pool's auditor all of it, a municipality's its own lines.
 * Everyone else is refused.
 */
export class BibobAccessPolicy {
  private readonly leads: ReadonlySet<string>;

  constructor(
    private readonly poolParty: string,
    leadCoordinators: readonly string[],
  ) {
    this.leads = new Set(leadCoordinators);
  }

  /** Every step on a screening, the form, the questionnaire, conclusions and disclosures. */
  coordinator(caller: UserIdentity): AccessDecision {
    if (!caller.roles.includes(COORDINATOR_ROLE)) return denied('wrong-role');
    return caller.party === this.poolParty ? ALLOWED : denied('not-the-pool');
  }

  leadCoordinator(caller: UserIdentity): AccessDecision {
    const asCoordinator = this.coordinator(caller);
    if (!asCoordinator.allowed) return asCoordinator;
    return this.leads.has(caller.userId) ? ALLOWED : denied('not-a-lead-coordinator');
  }

  /** Before anything is looked up: a caller who may read no screening at all learns nothing (not even 404). */
  anyScreening(caller: UserIdentity): AccessDecision {
    if (this.coordinator(caller).allowed) return ALLOWED;
    return caller.roles.includes(PERMIT_OFFICER_ROLE) ? ALLOWED : denied('wrong-role');
  }

  /** Read a screening of `municipality` (or list them). */
  screeningOf(caller: UserIdentity, municipality: string): AccessDecision {
    if (this.coordinator(caller).allowed) return ALLOWED;
    if (!caller.roles.includes(PERMIT_OFFICER_ROLE)) return denied('wrong-role');
    return caller.party === municipalityPartyId(municipality) ? ALLOWED : denied('other-municipality');
  }

  /** Read the disclosure register: all of it (undefined) or one municipality's lines. */
  disclosureRegister(caller: UserIdentity, municipality: string | undefined): AccessDecision {
    if (!caller.roles.includes(AUDITOR_ROLE)) return denied('wrong-role');
    if (caller.party === this.poolParty) return ALLOWED;
    return municipality !== undefined && caller.party === municipalityPartyId(municipality) ? ALLOWED : denied('other-municipality');
  }
}
