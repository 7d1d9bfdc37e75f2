import { DEFAULT_MUNICIPALITIES, DEFAULT_POOL_PARTY } from '@signaalhub/contracts';
import type { Account } from './account.js';

/*
 * The demo coordinator pool: three coordinators of the shared Bibob pool. Their account ids are their ids
 * in the pool configuration (BIBOB_COORDINATORS), so "Mijn toetsen" and the automatic assignment agree.
 * Anouk leads; Bas declared a conflict of interest with Baarn; Carla is absent. Invented people.
 */
export const DEMO_LEAD_COORDINATOR = 'coordinator-anouk';
export const DEMO_CONFLICTED_COORDINATOR = 'coordinator-bas';
export const DEMO_ABSENT_COORDINATOR = 'coordinator-carla';

const ALL_MUNICIPALITIES = DEFAULT_MUNICIPALITIES.map((municipality) => municipality.id);

const coordinatorAccount = (id: string, displayName: string): Account => ({
  id,
  displayName,
  party: DEFAULT_POOL_PARTY,
  roles: ['bibob-coordinator'],
  municipalities: ALL_MUNICIPALITIES,
});

export const DEMO_COORDINATOR_ACCOUNTS: readonly Account[] = [
  coordinatorAccount(DEMO_LEAD_COORDINATOR, 'Anouk Jansen (Bibob-pool, leidinggevend)'),
  coordinatorAccount(DEMO_CONFLICTED_COORDINATOR, 'Bas de Wit (Bibob-pool)'),
  coordinatorAccount(DEMO_ABSENT_COORDINATOR, 'Carla Smit (Bibob-pool, afwezig)'),
  { id: 'auditor.bibob', displayName: 'Auditor Bibob-pool', party: DEFAULT_POOL_PARTY, roles: ['auditor'], municipalities: [] },
];

const isoDay = (today: Date, days: number): string => new Date(today.getTime() + days * 86_400_000).toISOString().slice(0, 10);

/** One coordinator as the bibob service's BIBOB_COORDINATORS lists them (validated there). */
export interface DemoCoordinator {
  readonly id: string;
  readonly name: string;
  readonly capacity: number;
  readonly lead?: boolean;
  readonly conflictsOfInterest?: { readonly municipalities: readonly string[] };
  readonly absences?: readonly { readonly from: string; readonly to: string }[];
}

/** The pool configuration (BIBOB_COORDINATORS) of the demo coordinators; Carla's absence runs around `today`. */
export function demoCoordinatorPool(today: Date): DemoCoordinator[] {
  return [
    { id: DEMO_LEAD_COORDINATOR, name: 'Anouk Jansen', capacity: 8, lead: true },
    { id: DEMO_CONFLICTED_COORDINATOR, name: 'Bas de Wit', capacity: 6, conflictsOfInterest: { municipalities: ['baarn'] } },
    { id: DEMO_ABSENT_COORDINATOR, name: 'Carla Smit', capacity: 6, absences: [{ from: isoDay(today, -3), to: isoDay(today, 21) }] },
  ];
}
