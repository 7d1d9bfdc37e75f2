import type { UserIdentity } from '@signaalhub/identity';
import { createLogger } from '@signaalhub/logging';
import { composedProvider, RunningService, serviceEnv, testCaller, uniqueName } from '@signaalhub/test-infra';
import { composeRiecFeed, type RiecFeedService } from '../../src/composition.js';
import { RiecFeedConfigSchema, type RiecFeedConfig } from '../../src/config.js';
import { periodsOf } from '../../src/projections/periods.js';

export const RIEC = 'riec-mn';

/** The feed's complete environment for a test: its own schema, replay namespace and consumer group. */
export function feedEnv(overrides: Record<string, string> = {}): Record<string, string> {
  return serviceEnv({
    RIEC_FEED_DATABASE_SCHEMA: uniqueName('riec_feed').replace(/-/g, '_'),
    RIEC_FEED_REPLAY_NAMESPACE: uniqueName('riec-feed'),
    ...overrides,
  });
}

/** The compiled feed service, ready. */
export function startFeed(env: Record<string, string> = feedEnv()): Promise<RunningService> {
  return RunningService.start('riec-feed', env, { schemaVariable: 'RIEC_FEED_DATABASE_SCHEMA' });
}

/** The service's real composition (no HTTP, no Nest, no consumer), with the environment a started one gets. */
export async function testParts(options: { overrides?: Record<string, string>; clock?: () => Date } = {}): Promise<{ config: RiecFeedConfig; parts: RiecFeedService }> {
  const config = RiecFeedConfigSchema.parse(feedEnv({ LOG_LEVEL: 'warn', ...options.overrides }));
  const logger = createLogger('riec-feed-test', config.LOG_LEVEL);
  return { config, parts: await composeRiecFeed({ config, logger, ...(options.clock === undefined ? {} : { clock: options.clock }) }) };
}

export function liaison(userId?: string): UserIdentity {
  return testCaller(RIEC, ['riec-liaison'], userId);
}

/** The composition's instance of a provider class, for tests that call it directly. */
export const provided = <T>(parts: RiecFeedService, type: abstract new (...args: never[]) => T): T => composedProvider(parts, type);

/** The month before this one in the region's calendar (it has ended, so it can be released), and a moment in it. */
export function lastMonth(): { period: string; middle: Date } {
  const [year, month] = periodsOf(new Date()).month.split('-').map(Number) as [number, number];
  const middle = new Date(Date.UTC(year, month - 2, 15, 12));
  return { period: periodsOf(middle).month, middle };
}
