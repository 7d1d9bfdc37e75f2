import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Logger } from '@signaalhub/logging';
import { Redis } from 'ioredis';
import { openServiceDatabase, postgresProbe, redisProbe, type ComposedService } from '@signaalhub/service-kit';
import { AccountStore } from './accounts/account-store.js';
import { importAccounts, readAccountsFile } from './accounts/accounts-file.js';
import { Authenticator } from './accounts/authenticator.js';
import { DEMO_ACCOUNTS } from './accounts/demo-accounts.js';
import { seedDemoAccounts } from './accounts/demo-seed.js';
import { SIGN_IN_WINDOW_SECONDS, SignInThrottle } from './accounts/sign-in-throttle.js';
import { WEB_MIGRATIONS } from './database/migrations.js';
import { undecodableAddresses } from './http/page-address.js';
import { securityHeaders } from './http/security-headers.js';
import { WebModule, type WebParts } from './http/web.module.js';
import type { WebConfig } from './config.js';
import { BibobClient } from './services/bibob-client.js';
import { RiecHandoverClient } from './services/riec-handover-client.js';
import { IntakeClient } from './services/intake-client.js';
import { MeetingClient } from './services/meeting-client.js';
import { FeedClient } from './services/feed-client.js';
import { RegistryClient } from './services/registry-client.js';
import { PublicRegisterClient } from './services/public-register-client.js';
import { ServiceClient } from './services/service-client.js';
import { SessionStore } from './sessions/session-store.js';

const ABSOLUTE_SESSION_SECONDS = 10 * 60 * 60;

const packageDirectory = (specifier: string): string => dirname(fileURLToPath(import.meta.resolve(specifier)));

/**
 * The client address from X-Forwarded-For only when the peer is a configured proxy; static files (NL
 * Design System CSS and tokens, own CSS) and the security headers of every response.
 */
function configureHttp(app: NestExpressApplication, config: WebConfig): void {
  app.set('trust proxy', config.WEB_TRUSTED_PROXIES.length === 0 ? false : config.WEB_TRUSTED_PROXIES);
  app.use(securityHeaders);
  app.use(undecodableAddresses);
  app.useStaticAssets(packageDirectory('@utrecht/component-library-css/package.json') + '/dist', { prefix: '/static/utrecht/component-library/' });
  app.useStaticAssets(packageDirectory('@utrecht/design-tokens/package.json') + '/dist', { prefix: '/static/utrecht/design-tokens/' });
  app.useStaticAssets(join(fileURLToPath(new URL('..', import.meta.url)), 'public'), { prefix: '/static/' });
}

/** Connects to Redis and PostgreSQL, migrates its schema, imports or seeds the accounts, and builds the pages' parts. */
export async function composeWeb({ config, logger }: { config: WebConfig; logger: Logger }): Promise<ComposedService & WebParts & { readonly redis: Redis }> {
  const redis = new Redis(config.REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 3 });
  await redis.connect();
  const postgres = await openServiceDatabase({ url: config.DATABASE_URL, schema: config.WEB_DB_SCHEMA, migrations: WEB_MIGRATIONS, maxConnections: 5 });
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
  const throttle = new SignInThrottle(redis, config.WEB_REDIS_PREFIX, {
    failuresPerAddress: config.SIGN_IN_FAILURES_PER_ADDRESS,
    failuresPerAccountAndAddress: config.SIGN_IN_FAILURES_PER_ACCOUNT_AND_ADDRESS,
    freeFailuresPerAccount: config.SIGN_IN_FREE_FAILURES_PER_ACCOUNT,
    maxAccountDelaySeconds: config.SIGN_IN_MAX_ACCOUNT_DELAY_SECONDS,
    windowSeconds: SIGN_IN_WINDOW_SECONDS,
  });
  const serviceClient = (service: string, baseUrl: string): ServiceClient =>
    new ServiceClient({ service, baseUrl, identitySecret: config.IDENTITY_TOKEN_SECRET, timeoutMs: config.SERVICE_TIMEOUT_MS });
  const parts: WebParts = {
    config,
    logger,
    accounts,
    sessions,
    authenticator: new Authenticator(accounts, throttle),
    intake: new IntakeClient(serviceClient('signal-intake', config.SIGNAL_INTAKE_URL)),
    meeting: new MeetingClient(serviceClient('meeting', config.MEETING_URL)),
    bibob: new BibobClient(serviceClient('bibob', config.BIBOB_URL)),
    registry: new RegistryClient(serviceClient('permit-registry', config.PERMIT_REGISTRY_URL)),
    publicRegister: new PublicRegisterClient(serviceClient('permit-registry', config.PERMIT_REGISTRY_URL)),
    feed: new FeedClient(serviceClient('riec-feed', config.RIEC_FEED_URL)),
    riecHandovers: new RiecHandoverClient(serviceClient('riec-feed', config.RIEC_FEED_URL)),
  };
  return {
    ...parts,
    redis,
    imports: [WebModule.register(parts)],
    configure: (app) => {
      configureHttp(app, config);
    },
    // Ready = sessions (Redis) and accounts (PostgreSQL) answer; the services have their own readiness.
    probes: [redisProbe(redis), postgresProbe(postgres)],
    async close() {
      await redis.quit();
      await postgres.end();
    },
  };
}
