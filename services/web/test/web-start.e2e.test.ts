import { ServiceProcess, testInfrastructure } from '@signaalhub/test-infra';
import { afterEach, describe, expect, it } from 'vitest';

const infrastructure = testInfrastructure();
const PRODUCTION_ENV = {
  REDIS_URL: infrastructure.redisUrl,
  DATABASE_URL: infrastructure.databaseUrl,
  IDENTITY_TOKEN_SECRET: infrastructure.identitySecret,
};

describe('web application start-up', () => {
  let sut: ServiceProcess | undefined;

  afterEach(async () => {
    sut?.stop('SIGKILL');
    await sut?.exited;
    sut = undefined;
  });

  it('refuses to start (78) when production configuration names no account source', async () => {
    sut = ServiceProcess.start('web', PRODUCTION_ENV);
    expect(await sut.exited).toBe(78);
    expect(sut.log).toContain('ACCOUNTS_FILE: is required unless SEED_DEMO_USERS=true');
  });

  it('refuses to start (78) when demo accounts are asked for without a password', async () => {
    sut = ServiceProcess.start('web', { ...PRODUCTION_ENV, SEED_DEMO_USERS: 'true' });
    expect(await sut.exited).toBe(78);
    expect(sut.log).toContain('DEMO_PASSWORD: is required when SEED_DEMO_USERS=true');
  });

  it('refuses to start (78) when the accounts file is not usable', async () => {
    sut = ServiceProcess.start('web', { ...PRODUCTION_ENV, ACCOUNTS_FILE: '/nonexistent/accounts.json' });
    expect(await sut.exited).toBe(78);
    expect(sut.log).toContain('ACCOUNTS_FILE: cannot be read');
  });
});
