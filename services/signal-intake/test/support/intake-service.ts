import { randomUUID } from 'node:crypto';
import type { Role } from '@signaalhub/contracts';
import type { UserIdentity } from '@signaalhub/identity';
import { RunningService, serviceEnv, uniqueName } from '@signaalhub/test-infra';

/** The intake's complete environment for a test: its own schema and a fast outbox poll. */
export function intakeEnv(overrides: Record<string, string> = {}): Record<string, string> {
  return serviceEnv({ SIGNAL_INTAKE_DB_SCHEMA: uniqueName('intake').replace(/-/g, '_'), OUTBOX_POLL_MS: '200', ...overrides });
}

/** The compiled intake, listening (it is live without Kafka: accepting signals needs PostgreSQL only). */
export function startIntake(overrides: Record<string, string> = {}): Promise<RunningService> {
  return RunningService.start('signal-intake', intakeEnv(overrides), { schemaVariable: 'SIGNAL_INTAKE_DB_SCHEMA', waitFor: 'live' });
}

/** POST /api/signals as `identity`, with a fresh idempotency key unless one (or `null`: none) is given. */
export async function postSignal(
  intake: RunningService,
  body: unknown,
  options: { identity: UserIdentity; key?: string | null; rawBody?: string; contentType?: string },
): Promise<Response> {
  const headers: Record<string, string> = { ...(await intake.identityHeaders(options.identity)), 'content-type': options.contentType ?? 'application/json' };
  if (options.key !== null) headers['idempotency-key'] = options.key ?? randomUUID();
  return fetch(`${intake.base}/api/signals`, { method: 'POST', headers, body: options.rawBody ?? JSON.stringify(body) });
}

export function identity(party: string, roles: Role[], userId = uniqueName('user')): UserIdentity {
  return { userId, party, roles };
}
