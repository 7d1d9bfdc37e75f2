import { randomUUID } from 'node:crypto';
import { createEventBus, type BusMessage } from '@signaalhub/bus';
import { runMigrations } from '@signaalhub/database';
import { createLogger } from '@signaalhub/logging';
import { TransactionalOutbox } from '@signaalhub/outbox';
import { eventually, testInfrastructure, uniqueName } from '@signaalhub/test-infra';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outboxUpgradeSql } from '../src/database/outbox-upgrade.js';
import { MEETING_MIGRATIONS } from '../src/database/migrations.js';

const infrastructure = testInfrastructure();
const logger = createLogger('outbox-upgrade-test', 'silent');

/** The meeting's outbox table as its schema code created it before the shared outbox (at 62849b8). */
const oldOutboxTableSql = (schema: string): string => `
  CREATE SCHEMA ${schema};
  CREATE TABLE ${schema}.outbox (
    id bigserial PRIMARY KEY,
    topic text NOT NULL,
    key text NOT NULL,
    value text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    published_at timestamptz
  );
  CREATE INDEX outbox_unpublished ON ${schema}.outbox (id) WHERE published_at IS NULL;
`;

describe(outboxUpgradeSql.name, () => {
  const pool = new pg.Pool({ connectionString: infrastructure.databaseUrl, max: 4 });

  afterAll(async () => {
    await pool.end();
  });

  describe('on an outbox of the old shape with a published and an unpublished decision', () => {
    const schema = uniqueName('meeting_upgrade').replace(/-/g, '_');
    const topic = uniqueName('decisions-upgrade');
    const published = randomUUID();
    const unpublished = randomUUID();
    // The old writer stored the envelope's JSON text; the relay sent its UTF-8 bytes.
    const valueOf = (messageId: string): string => JSON.stringify({ header: { messageId, theme: 'autobranche' }, body: 'ciphertext — é' });

    beforeAll(async () => {
      await pool.query(oldOutboxTableSql(schema));
      await pool.query(`INSERT INTO ${schema}.outbox (topic, key, value, published_at) VALUES ($1, 'soest', $2, now()), ($1, 'baarn', $3, NULL)`, [
        topic,
        valueOf(published),
        valueOf(unpublished),
      ]);
      await runMigrations(pool, { schema, migrations: MEETING_MIGRATIONS });
    });

    afterAll(async () => {
      await pool.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    });

    it('converts the table to the shared shape, keeping every row with its envelope id, key and bytes', async () => {
      const columns = await pool.query<{ column_name: string; data_type: string; is_nullable: string }>(
        `SELECT column_name, data_type, is_nullable FROM information_schema.columns WHERE table_schema = $1 AND table_name = 'outbox' ORDER BY column_name`,
        [schema],
      );
      expect(columns.rows).toEqual([
        { column_name: 'created_at', data_type: 'timestamp with time zone', is_nullable: 'NO' },
        { column_name: 'id', data_type: 'bigint', is_nullable: 'NO' },
        { column_name: 'message_id', data_type: 'uuid', is_nullable: 'NO' },
        { column_name: 'message_key', data_type: 'text', is_nullable: 'NO' },
        { column_name: 'message_value', data_type: 'bytea', is_nullable: 'NO' },
        { column_name: 'published_at', data_type: 'timestamp with time zone', is_nullable: 'YES' },
        { column_name: 'topic', data_type: 'text', is_nullable: 'NO' },
      ]);
      const rows = await pool.query<{ message_id: string; message_key: string; message_value: Buffer; published: boolean }>(
        `SELECT message_id, message_key, message_value, published_at IS NOT NULL AS published FROM ${schema}.outbox ORDER BY id`,
      );
      expect(rows.rows.map((row) => [row.message_id, row.message_key, row.message_value.toString('utf8'), row.published])).toEqual([
        [published, 'soest', valueOf(published), true],
        [unpublished, 'baarn', valueOf(unpublished), false],
      ]);
      const triggers = await pool.query<{ tgname: string }>(`SELECT tgname FROM pg_trigger WHERE tgrelid = $1::regclass AND NOT tgisinternal`, [`${schema}.outbox`]);
      expect(triggers.rows.map((row) => row.tgname)).toEqual(['outbox_inserted']);
      await expect(pool.query(`INSERT INTO ${schema}.outbox (message_id, topic, message_key, message_value) VALUES ($1, $2, 'x', '\\x00')`, [unpublished, topic])).rejects.toThrow(
        /outbox_message_id_key/,
      );
    });

    it('is a no-op when run again, and the relay then publishes the unpublished row exactly once', async () => {
      await runMigrations(pool, { schema, migrations: MEETING_MIGRATIONS });
      const bus = createEventBus({ brokers: infrastructure.kafkaBrokers, clientId: 'outbox-upgrade-test', logger });
      await bus.provision([{ name: topic, partitions: 1, retentionMs: 3_600_000, cleanupPolicy: 'delete' }], { replicationFactor: 1 });
      const sut = new TransactionalOutbox({ pool, databaseUrl: infrastructure.databaseUrl, schema, producer: bus.createProducer(), logger, pollMs: 100 });
      const received: BusMessage[] = [];
      const consumer = bus.createConsumer({
        groupId: uniqueName('upgrade-reader'),
        topics: [topic],
        handlers: { [topic]: (message: BusMessage) => Promise.resolve(void received.push(message)) },
      });
      const later = randomUUID();
      await sut.start();
      try {
        await eventually(async () => ((await sut.backlog()).pending === 0 ? true : undefined), { timeoutMs: 60_000, what: 'the upgraded row published' });
        // A new row is published after the old one, on the same relay.
        await pool.query(`INSERT INTO ${schema}.outbox (message_id, topic, message_key, message_value) VALUES ($1, $2, 'soest', $3)`, [
          later,
          topic,
          Buffer.from(valueOf(later)),
        ]);
        await eventually(async () => ((await sut.backlog()).pending === 0 ? true : undefined), { timeoutMs: 60_000, what: 'the new row published' });
      } finally {
        await sut.stop();
      }
      // One partition: everything the relay sent lies before this marker, so the list below is complete.
      const marker = bus.createProducer();
      await marker.send(topic, [{ key: 'marker', value: Buffer.from('marker') }]);
      await marker.disconnect();
      await consumer.start();
      try {
        await eventually(() => (received.some((message) => message.key === 'marker') ? true : undefined), { timeoutMs: 60_000, what: 'the marker on Kafka' });
      } finally {
        await bus.close();
      }
      expect(received.map((message) => message.value.toString('utf8'))).toEqual([valueOf(unpublished), valueOf(later), 'marker']);
      expect(received.map((message) => message.key)).toEqual(['baarn', 'soest', 'marker']);
    });
  });
});
