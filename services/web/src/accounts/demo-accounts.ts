import { DEFAULT_MUNICIPALITIES } from '@signaalhub/contracts';
import type { Account } from './account.js';
import { DEMO_COORDINATOR_ACCOUNTS } from './demo-coordinators.js';

const ALL_MUNICIPALITIES = DEFAULT_MUNICIPALITIES.map((municipality) => municipality.id);

/**
 * Demo accounts for every role and every party of the BES partnership, seeded when SEED_DEMO_USERS=true.
 * All share DEMO_PASSWORD. Never seed these in production.
 */
export const DEMO_ACCOUNTS: readonly Account[] = [
  ...DEFAULT_MUNICIPALITIES.map((municipality) => ({
    id: `inspecteur.${municipality.id}`,
    displayName: `Toezichthouder ${municipality.name}`,
    party: municipality.party,
    roles: ['inspector' as const],
    municipalities: [municipality.id],
  })),
  ...DEFAULT_MUNICIPALITIES.map((municipality) => ({
    id: `overleg.${municipality.id}`,
    displayName: `Overleglid ${municipality.name}`,
    party: municipality.party,
    roles: ['meeting-member' as const],
    municipalities: [municipality.id],
  })),
  { id: 'politie.bes', displayName: 'Politie basisteam BES', party: 'politie-bes', roles: ['meeting-member'], municipalities: ALL_MUNICIPALITIES },
  {
    id: 'riec.liaison',
    displayName: 'RIEC-contactpersoon',
    party: 'riec-mn',
    roles: ['riec-liaison', 'meeting-member'],
    municipalities: ALL_MUNICIPALITIES,
  },
  { id: 'om.officier', displayName: 'Officier van justitie', party: 'om-mn', roles: ['meeting-member'], municipalities: [] },
  { id: 'fiscus.bes', displayName: 'Belastingdienst', party: 'belastingdienst', roles: ['meeting-member'], municipalities: [] },
  ...DEMO_COORDINATOR_ACCOUNTS,
  { id: 'vergunning.soest', displayName: 'Vergunningverlener Soest', party: 'gemeente-soest', roles: ['permit-officer'], municipalities: ['soest'] },
  { id: 'vergunning.baarn', displayName: 'Vergunningverlener Baarn', party: 'gemeente-baarn', roles: ['permit-officer'], municipalities: ['baarn'] },
  { id: 'auditor', displayName: 'Auditor', party: 'riec-mn', roles: ['auditor'], municipalities: [] },
  { id: 'beheer', displayName: 'Beheerder', party: 'riec-mn', roles: ['admin'], municipalities: [] },
];
