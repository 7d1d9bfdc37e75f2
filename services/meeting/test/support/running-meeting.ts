import type { Role } from '@signaalhub/contracts';
import { IDENTITY_HEADER, issueIdentityToken, type UserIdentity } from '@signaalhub/identity';
import { eventually, freePort, ServiceProcess, testInfrastructure, uniqueName } from '@signaalhub/test-infra';
import pg from 'pg';

export interface AuditRow {
  actor_user: string | null;
  actor_party: string | null;
  action: string;
  object_type: string;
  object_id: string;
  result: 'allowed' | 'denied';
  origin: string;
  reason: string | null;
}

/** The compiled meeting service on its own port, schema, queue prefix and consumer group. */
export class RunningMeeting {
  private poolEnded = false;

  private constructor(
    readonly base: string,
    readonly process: ServiceProcess,
    readonly schema: string,
    readonly queuePrefix: string,
    readonly pool: pg.Pool,
  ) {}

  /** A complete, valid environment of the service's own (port, schema, prefix, group). */
  static async env(): Promise<Record<string, string>> {
    const infrastructure = testInfrastructure();
    return {
      KAFKA_BROKERS: infrastructure.kafkaBrokers.join(','),
      REDIS_URL: infrastructure.redisUrl,
      DATABASE_URL: infrastructure.databaseUrl,
      KEYS_DIR: infrastructure.keysDir,
      HUB_KEY_PASSPHRASE: infrastructure.keyPassphrase,
      IDENTITY_TOKEN_SECRET: infrastructure.identitySecret,
      MEETING_PORT: String(await freePort()),
      KAFKA_GROUP_ID: uniqueName('meeting-group'),
      MEETING_DATABASE_SCHEMA: uniqueName('meeting').replace(/-/g, '_'),
      MEETING_QUEUE_PREFIX: uniqueName('bull'),
      MEETING_REPLAY_NAMESPACE: uniqueName('meeting'),
    };
  }

  static async start(extraEnv: Record<string, string> = {}): Promise<RunningMeeting> {
    const env = { ...(await RunningMeeting.env()), ...extraEnv };
    const service = ServiceProcess.start('meeting', env);
    const port = env.MEETING_PORT ?? '';
    const schema = env.MEETING_DATABASE_SCHEMA ?? '';
    const queuePrefix = env.MEETING_QUEUE_PREFIX ?? '';
    const base = `http://127.0.0.1:${port}`;
    await eventually(
      async () => {
        if (!service.running) throw new Error(`meeting exited during start-up:\n${service.log}`);
        const response = await fetch(`${base}/health/ready`).catch(() => undefined);
        return response?.status === 200 ? true : undefined;
      },
      { timeoutMs: 90_000, what: 'meeting to be ready' },
    );
    return new RunningMeeting(base, service, schema, queuePrefix, new pg.Pool({ connectionString: testInfrastructure().databaseUrl, max: 2 }));
  }

  /** SIGTERM and wait; resolves with the exit code. Safe to call twice. */
  async stop(): Promise<number | NodeJS.Signals | null> {
    if (this.process.running) this.process.stop('SIGTERM');
    const code = await this.process.exited;
    if (!this.poolEnded) {
      this.poolEnded = true;
      await this.pool.end();
    }
    return code;
  }

  async call(method: 'GET' | 'POST', path: string, caller: UserIdentity | undefined, body?: unknown): Promise<Response> {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (caller !== undefined) headers[IDENTITY_HEADER] = await issueIdentityToken(caller, { secret: testInfrastructure().identitySecret });
    return fetch(`${this.base}${path}`, { method, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  }

  async auditEntries(filter: { userId?: string; action?: string; objectId?: string }): Promise<AuditRow[]> {
    const result = await this.pool.query<AuditRow>(
      `SELECT actor_user, actor_party, action, object_type, object_id, result, origin, reason FROM ${this.schema}.audit_log
        WHERE ($1::text IS NULL OR actor_user = $1) AND ($2::text IS NULL OR action = $2) AND ($3::text IS NULL OR object_id = $3)
        ORDER BY seq`,
      [filter.userId ?? null, filter.action ?? null, filter.objectId ?? null],
    );
    return result.rows;
  }
}

export function caller(party: string, roles: readonly Role[] = ['meeting-member']): UserIdentity {
  return { userId: uniqueName('user'), party, roles: [...roles] };
}

