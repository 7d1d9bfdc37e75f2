import type { Viewer } from '../sessions/signed-in.guard.js';
import { requireRole } from './require-role.js';
import { RoleRequiredException } from './web-exceptions.js';

/** The requested municipality if the meeting member works on it, else their first; none at all: no agenda for this user. */
export function viewerMunicipality(viewer: Viewer, requested: string | undefined): string {
  requireRole(viewer, 'meeting-member');
  const municipalities = viewer.account.municipalities;
  if (requested !== undefined && municipalities.includes(requested)) return requested;
  const first = municipalities[0];
  if (first === undefined) throw new RoleRequiredException();
  return first;
}

/** Today's date in the Netherlands (`YYYY-MM-DD`), to show only meetings still to come. */
export function todayInTheNetherlands(now: Date = new Date()): string {
  const parts = new Intl.DateTimeFormat('nl-NL', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(now);
  const part = (type: string): string => parts.find((entry) => entry.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}
