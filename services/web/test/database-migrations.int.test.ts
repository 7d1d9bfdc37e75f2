import { itUpgradesSchemaFixture } from '@signaalhub/test-infra';
import { describe, expect, it } from 'vitest';
import { AccountStore } from '../src/accounts/account-store.js';
import { WEB_MIGRATIONS } from '../src/database/migrations.js';

describe('WEB_MIGRATIONS', () => {
  const fixture = new URL('./fixtures/schema-62849b8.sql', import.meta.url);
  const sut = itUpgradesSchemaFixture({ name: 'web', fixture, migrations: WEB_MIGRATIONS, applies: ['0001_initial'] });

  it('keeps the accounts of a database made at 62849b8, password hashes included', async () => {
    const accounts = new AccountStore(sut.pool, sut.schema);
    await expect(accounts.find('overleg.soest')).resolves.toEqual({
      id: 'overleg.soest',
      displayName: 'Overleg Soest',
      party: 'gemeente-soest',
      roles: ['meeting-member'],
      municipalities: ['soest'],
    });
    await expect(accounts.findWithPassword('toezicht.baarn')).resolves.toMatchObject({ passwordHash: 'scrypt$fixture$aaaa' });
  });
});
