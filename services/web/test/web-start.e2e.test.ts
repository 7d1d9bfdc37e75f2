import { killedAfterEachTest, serviceEnv } from '@signaalhub/test-infra';
import { describe, expect, it } from 'vitest';

/** What production sets: its servers and the identity secret, but neither demo accounts nor an account source. */
const PRODUCTION_ENV = serviceEnv();

describe('web application start-up', () => {
  const processes = killedAfterEachTest();

  it('refuses to start (78) when production configuration names no account source', async () => {
    const sut = processes.start('web', PRODUCTION_ENV);
    expect(await sut.exited).toBe(78);
    expect(sut.log).toContain('ACCOUNTS_FILE: is required unless SEED_DEMO_USERS=true');
  });

  it('refuses to start (78) when demo accounts are asked for without a password', async () => {
    const sut = processes.start('web', { ...PRODUCTION_ENV, SEED_DEMO_USERS: 'true' });
    expect(await sut.exited).toBe(78);
    expect(sut.log).toContain('DEMO_PASSWORD: is required when SEED_DEMO_USERS=true');
  });

  it('refuses to start (78) when the accounts file is not usable', async () => {
    const sut = processes.start('web', { ...PRODUCTION_ENV, ACCOUNTS_FILE: '/nonexistent/accounts.json' });
    expect(await sut.exited).toBe(78);
    expect(sut.log).toContain('ACCOUNTS_FILE: cannot be read');
  });
});
