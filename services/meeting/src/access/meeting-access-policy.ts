import { ALLOWED, denied, type AccessDecision } from '@signaalhub/access';
import { municipalityPartyId, type Role } from '@signaalhub/contracts';
import type { UserIdentity } from '@signaalhub/identity';

/** Why the meeting refuses access; a code, safe for the audit log. */
export type DenialReason = 'wrong-role' | 'other-municipality' | 'not-a-meeting-party' | 'not-the-lead-party';

const deny = (reason: DenialReason): AccessDecision => denied(reason);

/** The role every meeting endpoint needs. */
export const MEETING_ROLE: Role = 'meeting-member';

/**
 * Need-to-know for the local undermining meeting (DESIGN.md §2):
 * - only `meeting-member`s;
 * - a municipality's members use that municipality's agenda and meetings only;
 * - partner parties (police, RIEC; from configuration) sit at every municipality's meeting;
 * - opening or deciding on an item also needs the caller's party among the envelope's recipients
 *   (the shared check's recipient rule: pass the item's recipients as the object's).
 * - actions: a member sees those of the municipalities they sit at and those their party leads; only the
 *   lead party's members mark one done; they and the municipality's meeting may move its due date.
 * Everyone else is refused.
 */
export class MeetingAccessPolicy {
  private readonly partners: ReadonlySet<string>;
  private readonly municipalityParties: ReadonlySet<string>;

  constructor(
    private readonly municipalities: readonly string[],
    partnerParties: readonly string[],
  ) {
    this.partners = new Set(partnerParties);
    this.municipalityParties = new Set(municipalities.map(municipalityPartyId));
  }

  /** List the agenda, schedule or list meetings of `municipality`. */
  forMunicipality(caller: UserIdentity, municipality: string): AccessDecision {
    if (!caller.roles.includes(MEETING_ROLE)) return deny('wrong-role');
    if (caller.party === municipalityPartyId(municipality) || this.partners.has(caller.party)) return ALLOWED;
    return this.municipalityParties.has(caller.party) ? deny('other-municipality') : deny('not-a-meeting-party');
  }

  /** Role check before anything is looked up, so a caller without the role learns nothing (not even 404). */
  forAnyMeeting(caller: UserIdentity): AccessDecision {
    if (!caller.roles.includes(MEETING_ROLE)) return deny('wrong-role');
    return this.municipalityParties.has(caller.party) || this.partners.has(caller.party) ? ALLOWED : deny('not-a-meeting-party');
  }

  /** List actions: the role is enough; what is listed is narrowed by `municipalitiesOf` and the lead party. */
  forActions(caller: UserIdentity): AccessDecision {
    return caller.roles.includes(MEETING_ROLE) ? ALLOWED : deny('wrong-role');
  }

  /** The configured municipalities whose meeting the caller sits at. */
  municipalitiesOf(caller: UserIdentity): string[] {
    return this.municipalities.filter((municipality) => this.forMunicipality(caller, municipality).allowed);
  }

  /** Mark an action done: members of its lead party only. */
  forActionDone(caller: UserIdentity, action: { readonly leadParty: string }): AccessDecision {
    if (!caller.roles.includes(MEETING_ROLE)) return deny('wrong-role');
    return caller.party === action.leadParty ? ALLOWED : deny('not-the-lead-party');
  }

  /** Move an action's due date: its lead party or the meeting of its municipality. */
  forActionDueDate(caller: UserIdentity, action: { readonly leadParty: string; readonly municipality: string }): AccessDecision {
    if (!caller.roles.includes(MEETING_ROLE)) return deny('wrong-role');
    return caller.party === action.leadParty ? ALLOWED : this.forMunicipality(caller, action.municipality);
  }
}
