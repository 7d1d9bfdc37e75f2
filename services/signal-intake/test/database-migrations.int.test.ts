import { itUpgradesSchemaFixture } from '@signaalhub/test-infra';
import { describe, expect, it } from 'vitest';
import { SIGNAL_INTAKE_MIGRATIONS } from '../src/database/migrations.js';

describe('SIGNAL_INTAKE_MIGRATIONS', () => {
  const fixture = new URL('./fixtures/schema-62849b8.sql', import.meta.url);
  const sut = itUpgradesSchemaFixture({ name: 'intake', fixture, migrations: SIGNAL_INTAKE_MIGRATIONS, applies: ['0001_initial', '0002_signal_imports'], auditEntries: 3 });

  it('keeps the signals, the outbox backlog and the outbox trigger of a database made at 62849b8', async () => {
    const signals = await sut.pool.query<{ municipality: string; idempotency_key: string }>(
      `SELECT municipality, idempotency_key FROM ${sut.schema}.signals ORDER BY created_at`,
    );
    expect(signals.rows).toEqual([
      { municipality: 'baarn', idempotency_key: 'key-0' },
      { municipality: 'baarn', idempotency_key: 'key-1' },
      { municipality: 'soest', idempotency_key: 'key-2' },
    ]);
    expect((await sut.pool.query(`SELECT count(*)::int AS unpublished FROM ${sut.schema}.outbox WHERE published_at IS NULL`)).rows).toEqual([{ unpublished: 2 }]);
    expect(sut.upgrade.after.shape.triggers).toHaveLength(3);
  });
});
