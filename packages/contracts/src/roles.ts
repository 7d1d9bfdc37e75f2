import { z } from 'zod';

/** User roles. PERSISTED in sessions and audit entries: never rename one. */
export const ROLES = [
  'inspector',
  'meeting-member',
  'bibob-coordinator',
  'permit-officer',
  'riec-liaison',
  'auditor',
  'admin',
] as const;

export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;

/** Dutch names of the roles, for the web application. */
export const ROLE_LABELS: Readonly<Record<Role, string>> = {
  inspector: 'Toezichthouder',
  'meeting-member': 'Lid lokaal ondermijningsoverleg',
  'bibob-coordinator': 'Bibob-coördinator',
  'permit-officer': 'Vergunningverlener',
  'riec-liaison': 'RIEC-contactpersoon',
  auditor: 'Auditor',
  admin: 'Beheerder',
};
