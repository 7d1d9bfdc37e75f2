import { IDENTITY_HEADER, issueIdentityToken, type UserIdentity } from '@signaalhub/identity';
import { readServicesManifest } from '@signaalhub/stack';
import pg from 'pg';
import { eventually } from './eventually.js';
import { freePort } from './free-port.js';
import { ServiceProcess } from './service-process.js';
import { testInfrastructure } from './test-infrastructure.js';
import { uniqueName } from './unique-name.js';

/** One row of a service's audit log, as tests compare it. */
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

/**
 * The one environment builder: what every service reads to reach the test's servers, its keys and the
 * identity secret, with a consumer group of its own. A service's own variables come as `overrides`.
 */
export function serviceEnv(overrides: Record<string, string> = {}): Record<string, string> {
  const infrastructure = testInfrastructure();
  return {
    KAFKA_BROKERS: infrastructure.kafkaBrokers.join(','),
    REDIS_URL: infrastructure.redisUrl,
    DATABASE_URL: infrastructure.databaseUrl,
    KEYS_DIR: infrastructure.keysDir,
    HUB_KEY_PASSPHRASE: infrastructure.keyPassphrase,
    IDENTITY_TOKEN_SECRET: infrastructure.identitySecret,
    KAFKA_GROUP_ID: uniqueName('group'),
    ...overrides,
  };
}

export interface StartServiceOptions {
  /** The variable naming the service's PostgreSQL schema (tests read its tables and audit log). */
  readonly schemaVariable?: string;
  /** Wait for `/health/ready` (default) or only `/health/live` (a service whose broker is away). */
  readonly waitFor?: 'ready' | 'live';
  readonly deadlineMs?: number;
}

/** The one running-service helper: a compiled service of services/manifest.json on a free port, with a way in. */
export class RunningService {
  private poolEnded = false;

  private constructor(
    readonly name: string,
    readonly base: string,
    readonly process: ServiceProcess,
    readonly env: Readonly<Record<string, string>>,
    readonly schema: string,
    readonly pool: pg.Pool,
  ) {}

  /** Starts `name` with `env` (a free port is added under its manifest port variable) and waits until it answers. */
  static async start(name: string, env: Record<string, string>, options: StartServiceOptions = {}): Promise<RunningService> {
    const entry = readServicesManifest().find((service) => service.name === name);
    if (entry === undefined) throw new Error(`${name} is not in services/manifest.json`);
    const port = env[entry.portVariable] ?? String(await freePort());
    const fullEnv = { ...env, [entry.portVariable]: port };
    const process = ServiceProcess.start(name, fullEnv);
    const base = `http://127.0.0.1:${port}`;
    const waitFor = options.waitFor ?? 'ready';
    await eventually(
      async () => {
        if (!process.running) throw new Error(`${name} exited during start-up:\n${process.log}`);
        const response = await fetch(`${base}/health/${waitFor}`).catch(() => undefined);
        return response?.status === 200 ? true : undefined;
      },
      { timeoutMs: options.deadlineMs ?? 90_000, what: `${name} to be ${waitFor}` },
    );
    const schema = options.schemaVariable === undefined ? '' : (fullEnv[options.schemaVariable] ?? '');
    return new RunningService(name, base, process, fullEnv, schema, new pg.Pool({ connectionString: testInfrastructure().databaseUrl, max: 2 }));
  }

  get log(): string {
    return this.process.log;
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

  /** The identity header the web application would send for `identity`. */
  async identityHeaders(identity: UserIdentity): Promise<Record<string, string>> {
    return { [IDENTITY_HEADER]: await issueIdentityToken(identity, { secret: testInfrastructure().identitySecret }) };
  }

  /** A JSON request as `caller` (no identity header when undefined). */
  async call(method: 'GET' | 'POST' | 'PUT' | 'DELETE', path: string, caller: UserIdentity | undefined, body?: unknown): Promise<Response> {
    const headers: Record<string, string> = { 'content-type': 'application/json', ...(caller === undefined ? {} : await this.identityHeaders(caller)) };
    return fetch(`${this.base}${path}`, { method, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  }

  async get(path: string, caller: UserIdentity | undefined): Promise<Response> {
    return fetch(`${this.base}${path}`, { headers: caller === undefined ? {} : await this.identityHeaders(caller) });
  }

  async countRows(table: string): Promise<number> {
    const result = await this.pool.query<{ count: string }>(`SELECT count(*) AS count FROM "${this.schema}".${table}`);
    return Number(result.rows[0]?.count);
  }

  async auditEntries(filter: { userId?: string; action?: string; objectId?: string; result?: 'allowed' | 'denied' }): Promise<AuditRow[]> {
    const result = await this.pool.query<AuditRow>(
      `SELECT actor_user, actor_party, actor_service, action, object_type, object_id, result, origin, reason FROM "${this.schema}".audit_log
        WHERE ($1::text IS NULL OR actor_user = $1) AND ($2::text IS NULL OR action = $2) AND ($3::text IS NULL OR object_id = $3)
          AND ($4::text IS NULL OR result = $4)
        ORDER BY seq`,
      [filter.userId ?? null, filter.action ?? null, filter.objectId ?? null, filter.result ?? null],
    );
    return result.rows;
  }
}
