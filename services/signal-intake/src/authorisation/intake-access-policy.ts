import { ALLOWED, denied, type AccessDecision } from '@signaalhub/access';
import { municipalityPartyId, type Role } from '@signaalhub/contracts';
import type { UserIdentity } from '@signaalhub/identity';

/* The intake's need-to-know table (DESIGN.md §8.4); the shared check applies it and audits the outcome. */

/** The role every intake endpoint needs. */
export const INTAKE_ROLE: Role = 'inspector';

/** The historical import (`/api/admin/signal-imports`): the hub's admin only. */
export const IMPORT_ROLE: Role = 'admin';

/** Submitting for a municipality: the reporter acts for that municipality. */
export function submitFor(identity: UserIdentity, municipality: string): AccessDecision {
  return identity.party === municipalityPartyId(municipality) ? ALLOWED : denied('other-municipality');
}

/** Viewing one signal's status and feedback: only the reporting party. */
export function viewSignal(identity: UserIdentity, signal: { readonly reporterParty: string }): AccessDecision {
  return signal.reporterParty === identity.party ? ALLOWED : denied('not-the-reporting-party');
}
