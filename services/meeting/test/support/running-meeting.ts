import type { Role } from '@signaalhub/contracts';
import type { UserIdentity } from '@signaalhub/identity';
import { RunningService, serviceEnv, uniqueName } from '@signaalhub/test-infra';

/** The meeting's complete environment for a test: its own schema, queue prefix and replay namespace. */
export function meetingEnv(overrides: Record<string, string> = {}): Record<string, string> {
  return serviceEnv({
    MEETING_DATABASE_SCHEMA: uniqueName('meeting').replace(/-/g, '_'),
    MEETING_QUEUE_PREFIX: uniqueName('bull'),
    MEETING_REPLAY_NAMESPACE: uniqueName('meeting'),
    ...overrides,
  });
}

/** The compiled meeting service, ready. */
export function startMeeting(overrides: Record<string, string> = {}): Promise<RunningService> {
  return RunningService.start('meeting', meetingEnv(overrides), { schemaVariable: 'MEETING_DATABASE_SCHEMA' });
}

export function caller(party: string, roles: readonly Role[] = ['meeting-member']): UserIdentity {
  return { userId: uniqueName('user'), party, roles: [...roles] };
}
