import type { Role } from '@signaalhub/contracts';
import type { UserIdentity } from '@signaalhub/identity';
import { createLogger } from '@signaalhub/logging';
import { RunningService, serviceEnv, uniqueName } from '@signaalhub/test-infra';
import { composeBibob, type BibobService } from '../../src/composition.js';
import { BibobConfigSchema, type BibobConfig } from '../../src/config.js';

export const POOL = 'bibob-pool-bes';
export const LEAD = 'coordinator-lead';

/** The bibob service's complete environment for a test: its own schema and replay namespace. */
export function bibobEnv(overrides: Record<string, string> = {}): Record<string, string> {
  return serviceEnv({
    BIBOB_DATABASE_SCHEMA: uniqueName('bibob').replace(/-/g, '_'),
    BIBOB_REPLAY_NAMESPACE: uniqueName('bibob'),
    BIBOB_LEAD_COORDINATORS: LEAD,
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

export function caller(party: string, roles: readonly Role[], userId: string = uniqueName('user')): UserIdentity {
  return { userId, party, roles: [...roles] };
}
