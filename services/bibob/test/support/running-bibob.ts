import type { UserIdentity } from '@signaalhub/identity';
import { createLogger } from '@signaalhub/logging';
import { RunningService, serviceEnv, uniqueName } from '@signaalhub/test-infra';
import { composeBibob, type BibobService } from '../../src/composition.js';
import { BibobConfigSchema, type BibobConfig } from '../../src/config.js';

export const POOL = 'bibob-pool-bes';
export const LEAD = 'coordinator-lead';
export const ANNA = 'coordinator-anna';
export const ABSENT = 'coordinator-bram';

const inDays = (days: number): string => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/**
 * The tests' pool: the lead and Anna declared a conflict with Baarn, Bram is absent, so a Soest screening
 * goes to Anna (lowest load; the lead's tie loses on the id) and a Baarn screening waits, "niet toegewezen".
 */
export const TEST_POOL = [
  { id: LEAD, name: 'Lia Leiding', capacity: 50, lead: true, conflictsOfInterest: { municipalities: ['baarn'] } },
  { id: ANNA, name: 'Anna Aalders', capacity: 50, conflictsOfInterest: { municipalities: ['baarn'] } },
  { id: ABSENT, name: 'Bram Bos', capacity: 50, absences: [{ from: inDays(-1), to: inDays(30) }] },
];

/** The bibob service's complete environment for a test: its own schema and replay namespace. */
export function bibobEnv(overrides: Record<string, string> = {}): Record<string, string> {
  return serviceEnv({
    BIBOB_DATABASE_SCHEMA: uniqueName('bibob').replace(/-/g, '_'),
    BIBOB_REPLAY_NAMESPACE: uniqueName('bibob'),
    BIBOB_QUEUE_PREFIX: uniqueName('bibob-queue'),
    BIBOB_COORDINATORS: JSON.stringify(TEST_POOL),
    ...overrides,
  });
}

/** The compiled bibob service, ready. */
export function startBibob(overrides: Record<string, string> = {}): Promise<RunningService> {
  return RunningService.start('bibob', bibobEnv(overrides), { schemaVariable: 'BIBOB_DATABASE_SCHEMA' });
}

/** The service's real composition (no HTTP, no Nest), with the environment a started one gets. */
export async function testParts(overrides: Record<string, string> = {}): Promise<{ config: BibobConfig; parts: BibobService }> {
  const config = BibobConfigSchema.parse(bibobEnv({ LOG_LEVEL: 'warn', ...overrides }));
  return { config, parts: await composeBibob({ config, logger: createLogger('bibob-test', config.LOG_LEVEL) }) };
}

export function coordinator(userId: string = uniqueName('coordinator')): UserIdentity {
  return { userId, party: POOL, roles: ['bibob-coordinator'] };
}

export { testCaller as caller } from '@signaalhub/test-infra';

/** The composition's instance of a provider class (what Nest would inject), for tests that call it directly. */
export function provided<T>(parts: BibobService, type: abstract new (...args: never[]) => T): T {
  const entry = (parts.providers ?? []).find((provider) => typeof provider === 'object' && 'provide' in provider && provider.provide === type);
  if (entry === undefined || !('useValue' in entry)) throw new Error(`no ${type.name} in the composition`);
  return entry.useValue as T;
}
