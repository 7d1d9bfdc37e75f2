import { AuditedAccess } from '@signaalhub/access';
import { AuditLog } from '@signaalhub/audit';
import { createEventBus, type BusMessage, type EventBus } from '@signaalhub/bus';
import { Envelope, TOPIC_DEFINITIONS, Topics } from '@signaalhub/contracts';
import { runMigrations } from '@signaalhub/database';
import { EnvelopeSealer, loadKeyringFromDirectory, type PartyKeyring } from '@signaalhub/envelope';
import { createLogger } from '@signaalhub/logging';
import { eventually, type PrivateKafka, startPrivateKafka, testInfrastructure, uniqueName } from '@signaalhub/test-infra';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SIGNAL_INTAKE_MIGRATIONS } from '../src/database/migrations.js';
import { BusOutboxPublisher } from '../src/outbox/bus-outbox-publisher.js';
import type { OutboxMessage, OutboxPublisher } from '../src/outbox/outbox-message.js';
import { OutboxRelay } from '../src/outbox/outbox-relay.js';
import { PostgresOutboxSource } from '../src/outbox/postgres-outbox-source.js';
import { DEFAULT_DISTRIBUTION_POLICY } from '../src/policy/distribution-policy.js';
import { SignalStore } from '../src/signals/signal-store.js';
import { SignalSubmitter } from '../src/signals/signal-submitter.js';
import { identity } from './support/intake-service.js';
import { goodSubmission } from './support/submissions.js';

const infrastructure = testInfrastructure();
const logger = createLogger('outbox-relay-int', process.env.INTAKE_TEST_LOG_LEVEL ?? 'silent');

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

const messageIdOf = (message: BusMessage): string => Envelope.parse(JSON.parse(message.value.toString('utf8'))).header.messageId;

describe(OutboxRelay.name, () => {
  let pool: pg.Pool;
  let schema: string;
  let keyring: PartyKeyring;

  beforeAll(async () => {
    pool = new pg.Pool({ connectionString: infrastructure.databaseUrl, max: 8 });
    schema = uniqueName('relay').replace(/-/g, '_');
    await runMigrations(pool, { schema, migrations: SIGNAL_INTAKE_MIGRATIONS });
    keyring = await loadKeyringFromDirectory(infrastructure.keysDir, infrastructure.keyPassphrase);
  });

  afterAll(async () => {
    await pool.end();
  });

  async function unpublished(ids: readonly string[]): Promise<number> {
    const result = await pool.query<{ count: string }>(
      `SELECT count(*) AS count FROM ${schema}.outbox WHERE message_id = ANY($1::uuid[]) AND published_at IS NULL`,
      [ids],
    );
    return Number(result.rows[0]?.count);
  }

  describe('while the broker is down', () => {
    let kafka: PrivateKafka;
    beforeAll(async () => {
      kafka = await startPrivateKafka();
    });
    afterAll(async () => {
      await kafka.dispose();
    });

    it('keeps accepting signals, keeps them in the outbox, and publishes them once the broker is back', async () => {
      const bus = createEventBus({
        brokers: kafka.brokers,
        clientId: 'outbox-relay-int',
        logger,
        clientRetry: { retries: 1, initialRetryTimeMs: 100, maxRetryTimeMs: 500 },
      });
      await bus.provision(TOPIC_DEFINITIONS, { replicationFactor: 1 });
      const submitter = new SignalSubmitter({
        policy: DEFAULT_DISTRIBUTION_POLICY,
        sealer: new EnvelopeSealer(keyring),
        matchTokenKey: { version: 1, secret: new Uint8Array(32).fill(9) },
        store: new SignalStore(pool, schema),
        access: new AuditedAccess(await AuditLog.open(pool, schema), logger),
      });
      const submit = async (): Promise<string> => {
        const result = await submitter.submit({
          identity: identity('gemeente-soest', ['inspector']),
          idempotencyKey: uniqueName('key'),
          body: goodSubmission(),
          origin: 'test',
        });
        if (result.kind !== 'created') throw new Error(`not accepted: ${result.kind}`);
        return result.id;
      };
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
        before = await submit();
        await eventually(async () => ((await unpublished([before])) === 0 ? true : undefined), { timeoutMs: 60_000, what: 'the first signal published' });

        await kafka.kill();
        during = [await submit(), await submit(), await submit()];
        const failuresAtKill = publisher.failures;
        await eventually(() => (publisher.failures > failuresAtKill ? true : undefined), { timeoutMs: 60_000, what: 'a failed publish while the broker is down' });
        expect(await unpublished(during)).toBe(3);

        await kafka.start();
        await eventually(async () => ((await unpublished(during)) === 0 ? true : undefined), { timeoutMs: 120_000, what: 'the outbox drained after the restart' });
      } finally {
        await sut.stop();
      }

      await bus.close();
      // The reader gets kafkajs' patient defaults: a restarted broker needs a while to elect its group coordinator.
      const reader = createEventBus({ brokers: kafka.brokers, clientId: 'outbox-relay-int-reader', logger });
      const received = await readTopic(reader, Topics.signalSubmitted, (messages) => messages.length >= 4);
      // All keyed `soest`, so one partition: the broker's order is the outbox order.
      expect(received.map(messageIdOf)).toEqual([before, ...during]);
      expect(await allOutboxIds()).toEqual([before, ...during]);
      await reader.close();
    });
  });

  async function allOutboxIds(): Promise<string[]> {
    const result = await pool.query<{ message_id: string }>(`SELECT message_id FROM ${schema}.outbox ORDER BY id`);
    return result.rows.map((row) => row.message_id);
  }

  it('publishes every row exactly once and in order when two relays run on the same outbox', async () => {
    const bus = createEventBus({ brokers: infrastructure.kafkaBrokers, clientId: 'outbox-relay-int', logger });
    const topic = uniqueName('outbox-relay');
    await bus.provision([{ name: topic, partitions: 3, retentionMs: 3_600_000, cleanupPolicy: 'delete' }], { replicationFactor: 1 });
    const ownSchema = uniqueName('relay2').replace(/-/g, '_');
    await runMigrations(pool, { schema: ownSchema, migrations: SIGNAL_INTAKE_MIGRATIONS });
    const count = 300;
    const ids = Array.from({ length: count }, () => crypto.randomUUID());
    for (let index = 0; index < count; index += 1) {
      const envelopeLike = JSON.stringify({ header: { messageId: ids[index] } });
      await pool.query(`INSERT INTO ${ownSchema}.outbox (message_id, topic, message_key, message_value) VALUES ($1, $2, $3, $4)`, [
        ids[index],
        topic,
        index % 2 === 0 ? 'soest' : 'baarn',
        Buffer.from(envelopeLike),
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

    const idOf = (message: BusMessage): string => (JSON.parse(message.value.toString('utf8')) as { header: { messageId: string } }).header.messageId;
    const received = await readTopic(bus, topic, (messages) => messages.length >= count);
    const receivedIds = received.map(idOf);
    expect(receivedIds).toHaveLength(count);
    expect(new Set(receivedIds).size).toBe(count);
    for (const key of ['soest', 'baarn']) {
      const expected = ids.filter((_, index) => (index % 2 === 0 ? 'soest' : 'baarn') === key);
      expect(received.filter((message) => message.key === key).map(idOf)).toEqual(expected);
    }
    await bus.close();
  });
});
