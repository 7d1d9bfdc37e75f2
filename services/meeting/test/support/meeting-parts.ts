import { createLogger } from '@signaalhub/logging';
import { testInfrastructure, uniqueName } from '@signaalhub/test-infra';
import { MeetingConfigSchema, type MeetingConfig } from '../../src/config.js';
import { composeMeeting, type MeetingService } from '../../src/composition.js';

/** Configuration of one test's own meeting service: own schema, queue prefix, replay namespace and group. */
export function testConfig(overrides: Record<string, string> = {}): MeetingConfig {
  const infrastructure = testInfrastructure();
  return MeetingConfigSchema.parse({
    KAFKA_BROKERS: infrastructure.kafkaBrokers.join(','),
    REDIS_URL: infrastructure.redisUrl,
    DATABASE_URL: infrastructure.databaseUrl,
    KEYS_DIR: infrastructure.keysDir,
    HUB_KEY_PASSPHRASE: infrastructure.keyPassphrase,
    IDENTITY_TOKEN_SECRET: infrastructure.identitySecret,
    KAFKA_GROUP_ID: uniqueName('meeting-group'),
    MEETING_DATABASE_SCHEMA: uniqueName('meeting').replace(/-/g, '_'),
    MEETING_QUEUE_PREFIX: uniqueName('bull'),
    MEETING_REPLAY_NAMESPACE: uniqueName('meeting'),
    LOG_LEVEL: 'warn',
    ...overrides,
  });
}

/** The service's real composition (no HTTP, no Nest): stores, queues, workers, admission, reader. */
export async function testParts(config: MeetingConfig = testConfig()): Promise<MeetingService> {
  return composeMeeting({ config, logger: createLogger('meeting-test', config.LOG_LEVEL) });
}
