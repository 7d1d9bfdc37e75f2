import { randomUUID } from 'node:crypto';
import { createEventBus, type BusMessage, type EventBus } from '@signaalhub/bus';
import { withTransaction } from '@signaalhub/database';
import { createLogger } from '@signaalhub/logging';
import { eventually, type PrivateKafka, startPrivateKafka, testInfrastructure, uniqueName } from '@signaalhub/test-infra';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BusOutboxPublisher } from '../src/bus-outbox-publisher.js';
import type { OutboxMessage, OutboxPublisher } from '../src/outbox-message.js';
import { OutboxRelay } from '../src/outbox-relay.js';
import { outboxTableSql } from '../src/outbox-schema.js';
import { OutboxWriter } from '../src/outbox-writer.js';
import { PostgresOutboxSource } from '../src/postgres-outbox-source.js';
import { TransactionalOutbox } from '../src/transactional-outbox.js';

const infrastructure = testInfrastructure();
const logger = createLogger('outbox-relay-int', process.env.OUTBOX_TEST_LOG_LEVEL ?? 'silent');

/** Counts failed sends, so a test can wait for "the relay tried while the broker was down". */
class CountingPublisher implements OutboxPublisher {
  failures = 0;

  constructor(private readonly inner: OutboxPublisher) {}

  async publish(topic: string, messages: readonly OutboxMessage[]): Promise<void> {
    try {
      await this.inner.publish(topic, messages);
    } catch (error) {
      this.failures += 1;
      throw error;
    }
  }

  close(): Promise<void> {
    return this.inner.close();
  }
}

async function readTopic(bus: EventBus, topic: string, until: (messages: BusMessage[]) => boolean): Promise<BusMessage[]> {
  const received: BusMessage[] = [];
  const consumer = bus.createConsumer({
    groupId: uniqueName('outbox-reader'),
    topics: [topic],
    handlers: {
      [topic]: (message: BusMessage) => {
        received.push(message);
        return Promise.resolve();
      },
    },
  });
  await consumer.start();
  try {
    await eventually(() => (until(received) ? true : undefined), { timeoutMs: 120_000, what: `messages on ${topic}` });
    return received;
  } finally {
    await consumer.stop();
  }
}

/** The relay forwards value bytes as they are; these stand in for envelopes. */
const envelopeLike = (messageId: string): Buffer => Buffer.from(JSON.stringify({ header: { messageId } }));
const messageIdOf = (message: BusMessage): string => (JSON.parse(message.value.toString('utf8')) as { header: { messageId: string } }).header.messageId;

describe(OutboxRelay.name, () => {
  let pool: pg.Pool;

  beforeAll(() => {
    pool = new pg.Pool({ connectionString: infrastructure.databaseUrl, max: 8 });
  });

  afterAll(async () => {
    await pool.end();
  });

  async function newOutboxSchema(prefix: string): Promise<string> {
    const schema = uniqueName(prefix).replace(/-/g, '_');
    await pool.query(`CREATE SCHEMA ${schema}; ${outboxTableSql(schema)}`);
    return schema;
  }

  /** Adds messages the way a service does: each in its own committed transaction, through the writer. */
  async function write(schema: string, topic: string, key = 'soest'): Promise<string> {
    const messageId = randomUUID();
    await withTransaction(pool, (client) => new OutboxWriter(schema).add(client, { messageId, topic, key, value: envelopeLike(messageId) }));
    return messageId;
  }

  async function unpublished(schema: string, ids: readonly string[]): Promise<number> {
    const result = await pool.query<{ count: string }>(
      `SELECT count(*) AS count FROM ${schema}.outbox WHERE message_id = ANY($1::uuid[]) AND published_at IS NULL`,
      [ids],
    );
    return Number(result.rows[0]?.count);
  }

  async function allOutboxIds(schema: string): Promise<string[]> {
    const result = await pool.query<{ message_id: string }>(`SELECT message_id FROM ${schema}.outbox ORDER BY id`);
    return result.rows.map((row) => row.message_id);
  }

  describe('while the broker is down', () => {
    let kafka: PrivateKafka;
    beforeAll(async () => {
      kafka = await startPrivateKafka();
    });
    afterAll(async () => {
      await kafka.dispose();
    });

    it('keeps accepting messages, keeps them in the outbox, and publishes them once the broker is back', async () => {
      const schema = await newOutboxSchema('relay');
      const topic = uniqueName('outbox-outage');
      const bus = createEventBus({
        brokers: kafka.brokers,
        clientId: 'outbox-relay-int',
        logger,
        clientRetry: { retries: 1, initialRetryTimeMs: 100, maxRetryTimeMs: 500 },
      });
      await bus.provision([{ name: topic, partitions: 3, retentionMs: 3_600_000, cleanupPolicy: 'delete' }], { replicationFactor: 1 });
      const publisher = new CountingPublisher(new BusOutboxPublisher(bus.createProducer()));
      const sut = new OutboxRelay({
        source: new PostgresOutboxSource(pool, schema),
        publisher,
        logger,
        pollMs: 100,
        backoff: { initialMs: 100, maxMs: 1_000 },
      });
      sut.start();
      let before: string;
      let during: string[];
      try {
        before = await write(schema, topic);
        await eventually(async () => ((await unpublished(schema, [before])) === 0 ? true : undefined), { timeoutMs: 60_000, what: 'the first message published' });

        await kafka.kill();
        during = [await write(schema, topic), await write(schema, topic), await write(schema, topic)];
        const failuresAtKill = publisher.failures;
        await eventually(() => (publisher.failures > failuresAtKill ? true : undefined), { timeoutMs: 60_000, what: 'a failed publish while the broker is down' });
        expect(await unpublished(schema, during)).toBe(3);

        await kafka.start();
        await eventually(async () => ((await unpublished(schema, during)) === 0 ? true : undefined), { timeoutMs: 120_000, what: 'the outbox drained after the restart' });
      } finally {
        await sut.stop();
      }

      await bus.close();
      // The reader gets kafkajs' patient defaults: a restarted broker needs a while to elect its group coordinator.
      const reader = createEventBus({ brokers: kafka.brokers, clientId: 'outbox-relay-int-reader', logger });
      const received = await readTopic(reader, topic, (messages) => messages.length >= 4);
      // All keyed `soest`, so one partition: the broker's order is the outbox order.
      expect(received.map(messageIdOf)).toEqual([before, ...during]);
      expect(await allOutboxIds(schema)).toEqual([before, ...during]);
      await reader.close();
    });
  });

  it('publishes every row exactly once and in order when two relays run on the same outbox', async () => {
    const bus = createEventBus({ brokers: infrastructure.kafkaBrokers, clientId: 'outbox-relay-int', logger });
    const topic = uniqueName('outbox-relay');
    await bus.provision([{ name: topic, partitions: 3, retentionMs: 3_600_000, cleanupPolicy: 'delete' }], { replicationFactor: 1 });
    const ownSchema = await newOutboxSchema('relay2');
    const count = 300;
    const ids = Array.from({ length: count }, () => crypto.randomUUID());
    for (let index = 0; index < count; index += 1) {
      await pool.query(`INSERT INTO ${ownSchema}.outbox (message_id, topic, message_key, message_value) VALUES ($1, $2, $3, $4)`, [
        ids[index],
        topic,
        index % 2 === 0 ? 'soest' : 'baarn',
        envelopeLike(ids[index] ?? ''),
      ]);
    }
    const relays = [1, 2].map(
      () =>
        new OutboxRelay({
          source: new PostgresOutboxSource(pool, ownSchema),
          publisher: new BusOutboxPublisher(bus.createProducer()),
          logger,
          pollMs: 20,
          batchSize: 25,
        }),
    );
    relays.forEach((relay) => {
      relay.start();
    });
    try {
      await eventually(
        async () => {
          const result = await pool.query(`SELECT 1 FROM ${ownSchema}.outbox WHERE published_at IS NULL LIMIT 1`);
          return result.rowCount === 0 ? true : undefined;
        },
        { timeoutMs: 120_000, what: 'the outbox drained by two relays' },
      );
    } finally {
      await Promise.all(relays.map((relay) => relay.stop()));
    }

    const received = await readTopic(bus, topic, (messages) => messages.length >= count);
    const receivedIds = received.map(messageIdOf);
    expect(receivedIds).toHaveLength(count);
    expect(new Set(receivedIds).size).toBe(count);
    for (const key of ['soest', 'baarn']) {
      const expected = ids.filter((_, index) => (index % 2 === 0 ? 'soest' : 'baarn') === key);
      expect(received.filter((message) => message.key === key).map(messageIdOf)).toEqual(expected);
    }
    await bus.close();
  });

  describe(PostgresOutboxSource.name, () => {
    it('lets one claim hold the outbox at a time and hands the same rows, in order, to the next claim after a release', async () => {
      const schema = await newOutboxSchema('claim');
      const ids = [await write(schema, 'claim-topic'), await write(schema, 'claim-topic'), await write(schema, 'claim-topic')];
      const first = new PostgresOutboxSource(pool, schema);
      const second = new PostgresOutboxSource(pool, schema);

      const held = await first.claimBatch(2);
      expect(held?.messages.map((entry) => entry.messageId)).toEqual(ids.slice(0, 2));
      await expect(second.claimBatch(10)).resolves.toBeUndefined();
      await held?.release();

      const again = await second.claimBatch(10);
      expect(again?.messages.map((entry) => entry.messageId)).toEqual(ids);
      await again?.markPublished();
      expect(await unpublished(schema, ids)).toBe(0);
      await expect(first.claimBatch(10)).resolves.toBeUndefined();
      await expect(first.claimBatch(0)).rejects.toThrow('outbox batch limit must be a positive whole number, got 0');
    });

    // Regression: a failed mark used to keep its connection, its aborted transaction and so the relay lock,
    // and every later claim of every relay found the outbox held.
    it('frees the outbox when marking fails: the rows stay unpublished and the next claim gets them', async () => {
      const schema = await newOutboxSchema('markfail');
      const ids = [await write(schema, 'mark-topic'), await write(schema, 'mark-topic')];
      await pool.query(`
        CREATE FUNCTION ${schema}.refuse_update() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'refused for the test'; END $$;
        CREATE TRIGGER refuse_update BEFORE UPDATE ON ${schema}.outbox FOR EACH ROW EXECUTE FUNCTION ${schema}.refuse_update();`);
      const source = new PostgresOutboxSource(pool, schema);
      const claimed = await source.claimBatch(10);
      await expect(claimed?.markPublished()).rejects.toThrow('refused for the test');
      expect(pool.totalCount - pool.idleCount).toBe(0);

      await pool.query(`DROP TRIGGER refuse_update ON ${schema}.outbox`);
      const retried = await source.claimBatch(10);
      expect(retried?.messages.map((entry) => entry.messageId)).toEqual(ids);
      await retried?.markPublished();
      expect(await unpublished(schema, ids)).toBe(0);
    });
  });

  describe(TransactionalOutbox.name, () => {
    it('publishes a committed message at once through NOTIFY, never a rolled-back one, and shows the backlog until then', async () => {
      const schema = await newOutboxSchema('outbox');
      const topic = uniqueName('outbox-notify');
      const bus = createEventBus({ brokers: infrastructure.kafkaBrokers, clientId: 'outbox-notify-int', logger });
      await bus.provision([{ name: topic, partitions: 1, retentionMs: 3_600_000, cleanupPolicy: 'delete' }], { replicationFactor: 1 });
      // A poll far beyond the test's deadline: only the insert trigger's NOTIFY can start the round in time.
      const sut = new TransactionalOutbox({ pool, databaseUrl: infrastructure.databaseUrl, schema, producer: bus.createProducer(), logger, pollMs: 3_600_000 });
      await expect(sut.backlog()).resolves.toEqual({ pending: 0, oldestAgeSeconds: null });

      const committed = randomUUID();
      const rolledBack = randomUUID();
      await withTransaction(pool, (client) => sut.writer.add(client, { messageId: committed, topic, key: 'soest', value: envelopeLike(committed) }));
      await expect(
        withTransaction(pool, async (client) => {
          await sut.writer.add(client, { messageId: rolledBack, topic, key: 'soest', value: envelopeLike(rolledBack) });
          throw new Error('the caller failed after writing');
        }),
      ).rejects.toThrow('the caller failed after writing');
      await expect(withTransaction(pool, (client) => sut.writer.add(client, { messageId: committed, topic, key: 'soest', value: envelopeLike(committed) }))).resolves.toBe(false);
      await expect(sut.backlog()).resolves.toMatchObject({ pending: 1, oldestAgeSeconds: expect.any(Number) as unknown });

      await sut.start();
      try {
        // The start-up round runs first; wait for it so the message below can only be found through NOTIFY.
        await eventually(async () => ((await sut.backlog()).pending === 0 ? true : undefined), { timeoutMs: 60_000, what: 'the start-up round' });
        const woken = randomUUID();
        await withTransaction(pool, (client) => sut.writer.add(client, { messageId: woken, topic, key: 'soest', value: envelopeLike(woken) }));
        await eventually(async () => ((await unpublished(schema, [woken])) === 0 ? true : undefined), { timeoutMs: 30_000, what: 'the woken round' });
        await expect(sut.backlog()).resolves.toEqual({ pending: 0, oldestAgeSeconds: null });

        const received = await readTopic(bus, topic, (messages) => messages.length >= 2);
        expect(received.map(messageIdOf)).toEqual([committed, woken]);
        expect(await allOutboxIds(schema)).toEqual([committed, woken]);
      } finally {
        await sut.stop();
        await bus.close();
      }
    });
  });
});
