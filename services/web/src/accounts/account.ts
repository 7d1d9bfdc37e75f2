import type { MunicipalityId, PartyId, Role, UserId } from '@signaalhub/contracts';

/** A local account of the web application. The password hash never leaves the account store. */
export interface Account {
  readonly id: UserId;
  readonly displayName: string;
  readonly party: PartyId;
  readonly roles: readonly Role[];
  /** Municipalities whose signals and agenda this user works on (inspectors: where they report). */
  readonly municipalities: readonly MunicipalityId[];
}

export interface AccountWithPassword extends Account {
  readonly passwordHash: string;
}
