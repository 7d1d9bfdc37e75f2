import { loadConfig } from '@signaalhub/config';
import { describe, expect, it } from 'vitest';
import { WebConfigSchema } from '../src/config.js';

const BASE = {
  REDIS_URL: 'redis://127.0.0.1:6379',
  DATABASE_URL: 'postgres://u@127.0.0.1:5432/db',
  IDENTITY_TOKEN_SECRET: 'x'.repeat(32),
};

describe('WebConfigSchema', () => {
  it('refuses a production configuration without an account source', () => {
    expect(() => loadConfig(WebConfigSchema, BASE)).toThrow(/ACCOUNTS_FILE: is required unless SEED_DEMO_USERS=true/);
  });

  it('refuses demo accounts without an explicit password', () => {
    expect(() => loadConfig(WebConfigSchema, { ...BASE, SEED_DEMO_USERS: 'true' })).toThrow(/DEMO_PASSWORD: is required when SEED_DEMO_USERS=true/);
  });

  it('accepts an accounts file without demo accounts', () => {
    const sut = loadConfig(WebConfigSchema, { ...BASE, ACCOUNTS_FILE: '/etc/signaalhub/accounts.json' });
    expect(sut).toMatchObject({ SEED_DEMO_USERS: false, ACCOUNTS_FILE: '/etc/signaalhub/accounts.json' });
    expect(sut.DEMO_PASSWORD).toBeUndefined();
  });

  it('accepts demo accounts with their password', () => {
    const sut = loadConfig(WebConfigSchema, { ...BASE, SEED_DEMO_USERS: 'true', DEMO_PASSWORD: 'Een-lang-wachtwoord' });
    expect(sut).toMatchObject({ SEED_DEMO_USERS: true, DEMO_PASSWORD: 'Een-lang-wachtwoord' });
  });

  it('believes no proxy unless WEB_TRUSTED_PROXIES names one', () => {
    expect(loadConfig(WebConfigSchema, { ...BASE, ACCOUNTS_FILE: '/a.json' }).WEB_TRUSTED_PROXIES).toEqual([]);
    const sut = loadConfig(WebConfigSchema, { ...BASE, ACCOUNTS_FILE: '/a.json', WEB_TRUSTED_PROXIES: '10.0.0.1, 10.1.0.0/16,::1' });
    expect(sut.WEB_TRUSTED_PROXIES).toEqual(['10.0.0.1', '10.1.0.0/16', '::1']);
  });

  it.each(['proxy.example.nl', '10.0.0.1/33', '10.0.0.1/8/8', '10.0.0'])('rejects %s in WEB_TRUSTED_PROXIES, naming the rule', (entry) => {
    expect(() => loadConfig(WebConfigSchema, { ...BASE, ACCOUNTS_FILE: '/a.json', WEB_TRUSTED_PROXIES: entry })).toThrow(
      'WEB_TRUSTED_PROXIES: must be a comma-separated list of IP addresses or CIDR ranges',
    );
  });

  it('rejects a sign-in limit that is not a whole number in range, naming the variable', () => {
    expect(() => loadConfig(WebConfigSchema, { ...BASE, ACCOUNTS_FILE: '/a.json', SIGN_IN_FAILURES_PER_ADDRESS: '0' })).toThrow(
      'SIGN_IN_FAILURES_PER_ADDRESS: must be a whole number from 1 to 1000',
    );
  });
});
