import { createLogger } from '@signaalhub/logging';
import { composeMeeting, type MeetingService } from '../../src/composition.js';
import { MeetingConfigSchema, type MeetingConfig } from '../../src/config.js';
import { meetingEnv } from './running-meeting.js';

/** Configuration of one test's own meeting service: the environment a started one gets (`meetingEnv`), parsed. */
export function testConfig(overrides: Record<string, string> = {}): MeetingConfig {
  return MeetingConfigSchema.parse(meetingEnv({ LOG_LEVEL: 'warn', ...overrides }));
}

/** The service's real composition (no HTTP, no Nest): stores, queues, workers, admission, reader. */
export async function testParts(config: MeetingConfig = testConfig()): Promise<MeetingService> {
  return composeMeeting({ config, logger: createLogger('meeting-test', config.LOG_LEVEL) });
}
