import type { Role } from '@signaalhub/contracts';
import type { Viewer } from '../sessions/signed-in.guard.js';
import { RoleRequiredException } from './web-exceptions.js';

/** The web checks roles for a friendly page; the services check again and decide (need-to-know, audit). */
export function requireRole(viewer: Viewer, role: Role): void {
  if (!viewer.identity.roles.includes(role)) throw new RoleRequiredException();
}
