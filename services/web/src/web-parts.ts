import { runMigrations } from '@signaalhub/database';
import type { Logger } from '@signaalhub/logging';
import { Redis } from 'ioredis';
import pg from 'pg';
import { AccountStore } from './accounts/account-store.js';
import { importAccounts, readAccountsFile } from './accounts/accounts-file.js';
import { Authenticator } from './accounts/authenticator.js';
import { DEMO_ACCOUNTS } from './accounts/demo-accounts.js';
import { seedDemoAccounts } from './accounts/demo-seed.js';
import { SignInThrottle } from './accounts/sign-in-throttle.js';
import { WEB_MIGRATIONS } from './database/migrations.js';
import type { WebParts } from './app.module.js';
import type { WebConfig } from './config.js';
import { IntakeClient } from './services/intake-client.js';
import { MeetingClient } from './services/meeting-client.js';
import { ServiceClient } from './services/service-client.js';
import { SessionStore } from './sessions/session-store.js';

const ABSOLUTE_SESSION_SECONDS = 10 * 60 * 60;

/** Connects to Redis and PostgreSQL, migrates its schema and seeds the demo accounts if asked. */
export async function createWebParts(config: WebConfig, logger: Logger): Promise<WebParts> {
  const redis = new Redis(config.REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 3 });
  await redis.connect();
  const postgres = new pg.Pool({ connectionString: config.DATABASE_URL, max: 5 });
  await runMigrations(postgres, { schema: config.WEB_DB_SCHEMA, migrations: WEB_MIGRATIONS });
  const accounts = new AccountStore(postgres, config.WEB_DB_SCHEMA);
  if (config.ACCOUNTS_FILE !== undefined) {
    const imported = await importAccounts(accounts, await readAccountsFile(config.ACCOUNTS_FILE));
    logger.info({ accounts: imported }, 'accounts imported from ACCOUNTS_FILE');
  }
  // The configuration requires DEMO_PASSWORD with SEED_DEMO_USERS.
  if (config.SEED_DEMO_USERS && config.DEMO_PASSWORD !== undefined) {
    const seeded = await seedDemoAccounts(accounts, DEMO_ACCOUNTS, config.DEMO_PASSWORD);
    logger.info({ accounts: seeded }, 'demo accounts seeded');
  }
  const sessions = new SessionStore(redis, {
    prefix: config.WEB_REDIS_PREFIX,
    idleSeconds: config.SESSION_IDLE_MINUTES * 60,
    absoluteSeconds: ABSOLUTE_SESSION_SECONDS,
  });
  const throttle = new SignInThrottle(redis, config.WEB_REDIS_PREFIX);
  const serviceClient = (service: string, baseUrl: string): ServiceClient =>
    new ServiceClient({ service, baseUrl, identitySecret: config.IDENTITY_TOKEN_SECRET, timeoutMs: config.SERVICE_TIMEOUT_MS });
  return {
    config,
    logger,
    redis,
    postgres,
    accounts,
    sessions,
    authenticator: new Authenticator(accounts, throttle),
    intake: new IntakeClient(serviceClient('signal-intake', config.SIGNAL_INTAKE_URL)),
    meeting: new MeetingClient(serviceClient('meeting', config.MEETING_URL)),
  };
}
