import { randomUUID } from 'node:crypto';
import type { Envelope } from '@signaalhub/contracts';
import { runMigrations } from '@signaalhub/database';
import { outboxChannel } from '@signaalhub/outbox';
import { eventually, testInfrastructure, uniqueName } from '@signaalhub/test-infra';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SIGNAL_INTAKE_MIGRATIONS } from '../src/database/migrations.js';
import type { SignalRecord } from '../src/signals/signal-record.js';
import { SignalStore } from '../src/signals/signal-store.js';

const infrastructure = testInfrastructure();

/** Only the store's behaviour matters here; the envelope is stored as given. */
const envelope = { header: { messageId: 'not-read-here' }, body: 'ciphertext' } as unknown as Envelope;

function record(idempotencyKey: string): SignalRecord {
  return {
    id: randomUUID(),
    reporterUserId: 'inspecteur.soest',
    reporterParty: 'gemeente-soest',
    municipality: 'soest',
    theme: 'autobranche',
    createdAt: new Date().toISOString(),
    idempotencyKey,
    requestFingerprint: 'fingerprint',
    envelope,
  };
}

describe(`${SignalStore.name}.insertWithOutbox`, () => {
  const pool = new pg.Pool({ connectionString: infrastructure.databaseUrl, max: 4 });
  const listener = new pg.Client({ connectionString: infrastructure.databaseUrl });
  const schema = uniqueName('intake_store').replaceAll('-', '_');
  const notifications: string[] = [];
  let sut: SignalStore;

  beforeAll(async () => {
    await runMigrations(pool, { schema, migrations: SIGNAL_INTAKE_MIGRATIONS });
    sut = new SignalStore(pool, schema);
    await listener.connect();
    listener.on('notification', (notification) => notifications.push(notification.payload ?? ''));
    await listener.query(`LISTEN ${outboxChannel(schema)}`);
  });

  afterAll(async () => {
    await listener.end();
    await pool.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await pool.end();
  });

  it('stores a signal with its outbox row once per key, and wakes the relay only for what it stored', async () => {
    const first = record('key-0001');
    const outboxOf = (signal: SignalRecord) => ({ messageId: signal.id, topic: 'signal.submitted', key: 'soest', value: Buffer.from('sealed') });
    await expect(sut.insertWithOutbox(first, outboxOf(first))).resolves.toEqual({ kind: 'inserted' });
    const retry = record('key-0001');
    await expect(sut.insertWithOutbox(retry, outboxOf(retry))).resolves.toEqual({ kind: 'key-taken' });
    const second = record('key-0002');
    await expect(sut.insertWithOutbox(second, outboxOf(second))).resolves.toEqual({ kind: 'inserted' });

    // Notifications arrive in commit order, so once this marker is in, every earlier one is too.
    await pool.query(`SELECT pg_notify($1, 'marker')`, [outboxChannel(schema)]);
    await eventually(() => (notifications.includes('marker') ? true : undefined), { timeoutMs: 10_000, what: 'the marker notification' });
    expect(notifications).toEqual(['', '', 'marker']);
    const outbox = await pool.query<{ message_id: string }>(`SELECT message_id FROM ${schema}.outbox ORDER BY id`);
    expect(outbox.rows.map((row) => row.message_id)).toEqual([first.id, second.id]);
    await expect(sut.findEarlier('inspecteur.soest', 'key-0001')).resolves.toEqual({ signalId: first.id, fingerprint: 'fingerprint' });
  });
});
