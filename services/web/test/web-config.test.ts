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
});
