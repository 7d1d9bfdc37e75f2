import { ALLOWED, denied, type AccessDecision } from '@signaalhub/access';
import type { Role } from '@signaalhub/contracts';
import type { UserIdentity } from '@signaalhub/identity';

export const LIAISON_ROLE: Role = 'riec-liaison';

/**
 * Need-to-know for the feed: the RIEC's own liaison (role `riec-liaison` of the RIEC's party) sees the
 * regional picture, the hits and the exclusion list. A municipality's account, whatever its role, is
 * refused (its own figures come with the releases).
 */
export class FeedAccessPolicy {
  constructor(private readonly riecParty: string) {}

  liaison(caller: UserIdentity): AccessDecision {
    if (!caller.roles.includes(LIAISON_ROLE)) return denied('wrong-role');
    return caller.party === this.riecParty ? ALLOWED : denied('not-the-riec');
  }
}
