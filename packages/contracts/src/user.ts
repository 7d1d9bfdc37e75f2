import { z } from 'zod';
import { ruleError } from './canonical/canonical-schema.js';
import { Limits } from './limits.js';
import { PartyId } from './parties.js';
import { Role } from './roles.js';

/**
 * An opaque user id from the identity provider. `@` is not allowed, so an e-mail address (personal
 * data) cannot be used as an id and end up in places meant for pseudonymous ids.
 */
export const UserId = z
  .string()
  .regex(
    /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/,
    ruleError({ rule: 'user id must be 1-128 of A-Z a-z 0-9 . _ : -', ruleNl: 'Gebruikers-id mag alleen letters, cijfers en . _ : - bevatten (max. 128)' }),
  );
export type UserId = z.infer<typeof UserId>;

export const User = z.strictObject({
  id: UserId,
  party: PartyId,
  displayName: z.string().trim().min(1).max(Limits.nameLength),
  roles: z
    .array(Role)
    .min(1)
    .max(Limits.rolesPerUser)
    .refine((roles) => new Set(roles).size === roles.length, ruleError({ rule: 'roles must be distinct', ruleNl: 'Een rol mag maar één keer voorkomen' })),
});
export type User = z.infer<typeof User>;

/** The header in which the web application (or the `hub` CLI) passes the signed-in user's identity token to the services. */
export const IDENTITY_HEADER = 'x-signaalhub-identity';
