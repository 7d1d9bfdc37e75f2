import { randomUUID } from 'node:crypto';
import type { Role } from '@signaalhub/contracts';
import { IDENTITY_HEADER, issueIdentityToken, type UserIdentity } from '@signaalhub/identity';
import { eventually, freePort, ServiceProcess, testInfrastructure, uniqueName } from '@signaalhub/test-infra';
import pg from 'pg';

/** The compiled service on its own port, PostgreSQL schema and consumer group. */
export class RunningIntake {
  private constructor(
    readonly base: string,
    readonly process: ServiceProcess,
    readonly schema: string,
    readonly pool: pg.Pool,
    private readonly identitySecret: string,
  ) {}

  static env(port: number, schema: string): Record<string, string> {
    const infrastructure = testInfrastructure();
    return {
      KAFKA_BROKERS: infrastructure.kafkaBrokers.join(','),
      REDIS_URL: infrastructure.redisUrl,
      DATABASE_URL: infrastructure.databaseUrl,
      SIGNAL_INTAKE_PORT: String(port),
      KAFKA_GROUP_ID: uniqueName('intake-group'),
      KEYS_DIR: infrastructure.keysDir,
      HUB_KEY_PASSPHRASE: infrastructure.keyPassphrase,
      IDENTITY_TOKEN_SECRET: infrastructure.identitySecret,
      SIGNAL_INTAKE_DB_SCHEMA: schema,
      OUTBOX_POLL_MS: '200',
    };
  }

  static async start(extraEnv: Record<string, string> = {}): Promise<RunningIntake> {
    const infrastructure = testInfrastructure();
    const port = await freePort();
    const schema = uniqueName('intake').replace(/-/g, '_');
    const service = ServiceProcess.start('signal-intake', { ...RunningIntake.env(port, schema), ...extraEnv });
    const base = `http://127.0.0.1:${port}`;
    await eventually(
      async () => {
        if (!service.running) throw new Error(`signal-intake exited during start-up:\n${service.log}`);
        const response = await fetch(`${base}/health/live`).catch(() => undefined);
        return response?.status === 200 ? true : undefined;
      },
      { timeoutMs: 90_000, what: 'signal-intake to listen' },
    );
    const pool = new pg.Pool({ connectionString: infrastructure.databaseUrl, max: 2 });
    return new RunningIntake(base, service, schema, pool, infrastructure.identitySecret);
  }

  async stop(): Promise<void> {
    this.process.stop('SIGTERM');
    await this.process.exited;
    await this.pool.end();
  }

  async headersFor(identity: UserIdentity): Promise<Record<string, string>> {
    return { [IDENTITY_HEADER]: await issueIdentityToken(identity, { secret: this.identitySecret }) };
  }

  async postSignal(body: unknown, options: { identity: UserIdentity; key?: string | null; rawBody?: string; contentType?: string }): Promise<Response> {
    const headers: Record<string, string> = { ...(await this.headersFor(options.identity)), 'content-type': options.contentType ?? 'application/json' };
    if (options.key !== null) headers['idempotency-key'] = options.key ?? randomUUID();
    return fetch(`${this.base}/api/signals`, { method: 'POST', headers, body: options.rawBody ?? JSON.stringify(body) });
  }

  async get(path: string, identity: UserIdentity | undefined): Promise<Response> {
    return fetch(`${this.base}${path}`, { headers: identity === undefined ? {} : await this.headersFor(identity) });
  }

  async outboxCount(): Promise<number> {
    const result = await this.pool.query<{ count: string }>(`SELECT count(*) AS count FROM ${this.schema}.outbox`);
    return Number(result.rows[0]?.count);
  }

  async signalCount(): Promise<number> {
    const result = await this.pool.query<{ count: string }>(`SELECT count(*) AS count FROM ${this.schema}.signals`);
    return Number(result.rows[0]?.count);
  }

  async auditEntries(filter: { userId?: string; action?: string; result?: 'allowed' | 'denied' }): Promise<AuditRow[]> {
    const result = await this.pool.query<AuditRow>(
      `SELECT actor_user, actor_party, actor_service, action, object_type, object_id, result, origin, reason FROM ${this.schema}.audit_log
        WHERE ($1::text IS NULL OR actor_user = $1) AND ($2::text IS NULL OR action = $2) AND ($3::text IS NULL OR result = $3)
        ORDER BY seq`,
      [filter.userId ?? null, filter.action ?? null, filter.result ?? null],
    );
    return result.rows;
  }
}

export interface AuditRow {
  actor_user: string | null;
  actor_party: string | null;
  actor_service: string | null;
  action: string;
  object_type: string;
  object_id: string;
  result: 'allowed' | 'denied';
  origin: string;
  reason: string | null;
}

export function identity(party: string, roles: Role[], userId = uniqueName('user')): UserIdentity {
  return { userId, party, roles };
}
