import { randomUUID } from 'node:crypto';
import { createEventBus, type BusMessage } from '@signaalhub/bus';
import { createLogger } from '@signaalhub/logging';
import { BusOutboxPublisher, OutboxRelay, OutboxWriter, PostgresOutboxSource } from '@signaalhub/outbox';
import { eventually, testInfrastructure, uniqueName } from '@signaalhub/test-infra';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MeetingService } from '../src/composition.js';
import { testParts } from './support/meeting-parts.js';

const logger = createLogger('outbox-test', 'silent');

/** The shared outbox on the meeting's own table, as its migration creates it. */
describe(OutboxRelay.name, () => {
  let parts: MeetingService;

  beforeAll(async () => {
    parts = await testParts();
  });

  afterAll(async () => {
    await parts.close();
  });

  it('keeps a committed message while Kafka cannot be reached and publishes it once it can', async () => {
    const schema = parts.config.MEETING_DATABASE_SCHEMA;
    const topic = uniqueName('decisions');
    const bus = createEventBus({ brokers: testInfrastructure().kafkaBrokers, clientId: 'outbox-test', logger });
    await bus.provision([{ name: topic, partitions: 1, retentionMs: 3_600_000, cleanupPolicy: 'delete' }], { replicationFactor: 1 });
    const value = JSON.stringify({ decision: uniqueName('value') });
    const client = await parts.postgres.connect();
    try {
      await client.query('BEGIN');
      await new OutboxWriter(schema).add(client, { messageId: randomUUID(), topic, key: 'soest', value: Buffer.from(value) });
      await client.query('COMMIT');
    } finally {
      client.release();
    }

    // The parts are not started, so no other relay takes the row.
    const source = new PostgresOutboxSource(parts.postgres, schema);
    const relayThrough = (publisher: BusOutboxPublisher): OutboxRelay => new OutboxRelay({ source, publisher, logger, pollMs: 60_000 });
    // Nothing listens on port 1: every attempt to reach the "broker" fails at once.
    const downBus = createEventBus({ brokers: ['127.0.0.1:1'], clientId: 'outbox-down', logger, clientRetry: { retries: 1, initialRetryTimeMs: 50, maxRetryTimeMs: 50 } });
    await expect(relayThrough(new BusOutboxPublisher(downBus.createProducer())).runRound()).resolves.toEqual({ kind: 'failed' });
    const waiting = await parts.postgres.query(`SELECT 1 FROM ${schema}.outbox WHERE topic = $1 AND published_at IS NULL`, [topic]);
    expect(waiting.rowCount).toBe(1);

    const sut = relayThrough(new BusOutboxPublisher(bus.createProducer()));
    await expect(sut.runRound()).resolves.toEqual({ kind: 'published', count: 1 });
    await expect(sut.runRound()).resolves.toEqual({ kind: 'idle' });

    const received: BusMessage[] = [];
    const consumer = bus.createConsumer({
      groupId: uniqueName('outbox-reader'),
      topics: [topic],
      handlers: { [topic]: (message: BusMessage) => Promise.resolve(void received.push(message)) },
    });
    await consumer.start();
    try {
      await eventually(() => (received.length > 0 ? true : undefined), { timeoutMs: 60_000, what: 'the published message' });
    } finally {
      await bus.close();
      await downBus.close().catch(() => undefined);
    }
    expect(received.map((message) => [message.key, message.value.toString('utf8')])).toEqual([['soest', value]]);
  });
});
