import { PartyId, Role, UserId } from '@signaalhub/contracts';
import { z } from 'zod';

/** Who is calling a service: enough to decide access, no names (it travels in a request header). */
export const UserIdentity = z.strictObject({
  userId: UserId,
  party: PartyId,
  roles: z.array(Role).min(1).max(16),
});
export type UserIdentity = z.infer<typeof UserIdentity>;

/** The header in which the web application passes the signed-in user's identity (kept in contracts, for the CLI too). */
export { IDENTITY_HEADER } from '@signaalhub/contracts';
