import { NotFoundException } from '@nestjs/common';
import { z } from 'zod';
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

const Id = z.uuid();

export function isId(value: string): boolean {
  return Id.safeParse(value).success;
}

/** An id in a web address that cannot be one gets the Dutch 404 page, never a service's 400. */
export function idInAddress(value: string): string {
  if (!isId(value)) throw new NotFoundException();
  return value;
}

/** Today's date in the Netherlands (`YYYY-MM-DD`), to show only meetings still to come. */
export function todayInTheNetherlands(now: Date = new Date()): string {
  const parts = new Intl.DateTimeFormat('nl-NL', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(now);
  const part = (type: string): string => parts.find((entry) => entry.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}
