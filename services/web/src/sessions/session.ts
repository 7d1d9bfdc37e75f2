import { PartyId, Role, UserId } from '@signaalhub/contracts';
import { z } from 'zod';

/**
 * What the server keeps per session: ids only, no names. A session exists before sign-in too (user
 * undefined), so the sign-in form carries a CSRF token bound to a session as well.
 */
export const SessionData = z.strictObject({
  csrfToken: z.string().min(32),
  createdAt: z.iso.datetime(),
  user: z
    .strictObject({
      userId: UserId,
      party: PartyId,
      roles: z.array(Role).min(1),
    })
    .optional(),
});
export type SessionData = z.infer<typeof SessionData>;

export interface Session {
  /** The random id as the browser holds it; only its hash is stored. */
  readonly id: string;
  readonly data: SessionData;
}

export type SignedInSession = Session & { readonly data: SessionData & { readonly user: NonNullable<SessionData['user']> } };

export function isSignedIn(session: Session | undefined): session is SignedInSession {
  return session?.data.user !== undefined;
}
