import { ALLOWED, denied, type AccessDecision } from '@signaalhub/access';
import { municipalityPartyId, type Role } from '@signaalhub/contracts';
import type { UserIdentity } from '@signaalhub/identity';

export const LIAISON_ROLE: Role = 'riec-liaison';
export const MEMBER_ROLE: Role = 'meeting-member';

/**
 * Need-to-know for the feed: the RIEC's own liaison (role `riec-liaison` of the RIEC's party) sees the
 * regional picture, the hits and the exclusion list. A municipality's account, whatever its role, is
 * refused there; a municipality's meeting members read their own municipality's releases only.
 */
export class FeedAccessPolicy {
  private readonly municipalityParties: ReadonlySet<string>;

  constructor(
    private readonly riecParty: string,
    municipalities: readonly string[] = [],
  ) {
    this.municipalityParties = new Set(municipalities.map(municipalityPartyId));
  }

  liaison(caller: UserIdentity): AccessDecision {
    if (!caller.roles.includes(LIAISON_ROLE)) return denied('wrong-role');
    return caller.party === this.riecParty ? ALLOWED : denied('not-the-riec');
  }

  /** The ledger the caller may read: the RIEC's for its liaison, a municipality's for its meeting members; undefined for anyone else. */
  releaseRecipientOf(caller: UserIdentity): string | undefined {
    if (this.liaison(caller).allowed) return this.riecParty;
    return caller.roles.includes(MEMBER_ROLE) && this.municipalityParties.has(caller.party) ? caller.party : undefined;
  }

  /** Reading releases: the reason names what is missing. */
  releaseReader(caller: UserIdentity): AccessDecision {
    if (this.releaseRecipientOf(caller) !== undefined) return ALLOWED;
    return caller.roles.includes(LIAISON_ROLE) || caller.roles.includes(MEMBER_ROLE) ? denied('not-a-release-recipient') : denied('wrong-role');
  }
}
