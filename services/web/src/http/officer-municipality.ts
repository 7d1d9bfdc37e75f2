import type { Viewer } from '../sessions/signed-in.guard.js';
import { requireRole } from './require-role.js';
import { RoleRequiredException } from './web-exceptions.js';

/** The municipality whose permit registry the permit officer works on (their account's first); none: no registry screens. */
export function officerMunicipality(viewer: Viewer): string {
  requireRole(viewer, 'permit-officer');
  const municipality = viewer.account.municipalities[0];
  if (municipality === undefined) throw new RoleRequiredException();
  return municipality;
}
