import { ALLOWED, denied, type AccessDecision } from '@signaalhub/access';
import { municipalityPartyId, type Role } from '@signaalhub/contracts';
import type { UserIdentity } from '@signaalhub/identity';

/** Why the registry refuses access; a code, safe for the audit log. */
export type RegistryDenialReason = 'wrong-role' | 'other-municipality' | 'no-registry';

export const PERMIT_OFFICER_ROLE: Role = 'permit-officer';

/**
 * Need-to-know for the permit registry (DESIGN.md §2): a municipality's permit officers (role
 * `permit-officer`, party `gemeente-<id>`, the party the web gives their account) work on that
 * municipality's registry, and only if it runs one here. Everyone else is refused.
 */
export class RegistryAccessPolicy {
  constructor(private readonly municipalities: readonly string[]) {}

  /** Before anything is looked up: a caller who may work on no registry at all learns nothing (not even 404). */
  anyRegistry(caller: UserIdentity): AccessDecision {
    return caller.roles.includes(PERMIT_OFFICER_ROLE) ? ALLOWED : denied('wrong-role');
  }

  /** Read or change the registry of `municipality`. */
  registryOf(caller: UserIdentity, municipality: string): AccessDecision {
    if (!caller.roles.includes(PERMIT_OFFICER_ROLE)) return denied('wrong-role');
    if (caller.party !== municipalityPartyId(municipality)) return denied('other-municipality');
    return this.municipalities.includes(municipality) ? ALLOWED : denied('no-registry');
  }
}
