import { uniqueName, waitUntil } from '@signaalhub/test-infra';
import { Kafka, logLevel, type Admin } from 'kafkajs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createEventBus, shutdownBus, type BusConsumer, type BusProducer, type EventBus } from '../src/index.js';
import { testBrokers, testLogger } from './support/test-kafka.js';
import { testMessage } from './support/test-messages.js';

const brokers = testBrokers();

describe('BusConsumer offset commits', () => {
  const consumers: BusConsumer[] = [];
  const producers: BusProducer[] = [];
  let admin: Admin;
  beforeAll(async () => {
    admin = new Kafka({ brokers, clientId: 'offset-commits-test', logLevel: logLevel.NOTHING }).admin();
    await admin.connect();
  });
  afterAll(async () => {
    await admin.disconnect();
  });
  afterEach(async () => {
    await shutdownBus({ consumers: consumers.splice(0), producers: producers.splice(0) });
  });

  /** The group's committed offsets summed over the topic's partitions: how many messages it will not see again. */
  async function committed(groupId: string, topic: string): Promise<number> {
    const [offsets] = await admin.fetchOffsets({ groupId, topics: [topic] });
    return (offsets?.partitions ?? []).reduce((sum, { offset }) => sum + Math.max(Number(offset), 0), 0);
  }

  async function setUp(commitIntervalMs: number): Promise<{ bus: EventBus; topic: string; groupId: string; producer: BusProducer; handled: () => number; consumer: BusConsumer }> {
    const bus = createEventBus({ brokers, clientId: 'offset-commits-test', logger: testLogger() });
    const topic = uniqueName('offset-commits');
    const groupId = uniqueName('offset-commits-group');
    await bus.provision([{ name: topic, partitions: 3, retentionMs: 3_600_000, cleanupPolicy: 'delete' }], { replicationFactor: 1 });
    const producer = bus.createProducer();
    producers.push(producer);
    await producer.connect();
    let handled = 0;
    const consumer = bus.createConsumer({
      groupId,
      topics: [topic],
      commitIntervalMs,
      handlers: {
        [topic]: () => {
          handled += 1;
          return Promise.resolve();
        },
      },
    });
    consumers.push(consumer);
    await consumer.start();
    return { bus, topic, groupId, producer, handled: () => handled, consumer };
  }

  it('commits what was handled within the interval, also when no further message comes', async () => {
    const { topic, groupId, producer, handled } = await setUp(300);
    await producer.send(topic, Array.from({ length: 30 }, (_, index) => testMessage(index)));
    await waitUntil(() => handled() === 30, { timeoutMs: 30_000, what: '30 messages handled' });
    await waitUntil(async () => (await committed(groupId, topic)) === 30, { timeoutMs: 10_000, what: 'all 30 offsets committed while idle' });
  });

  it('holds commits back within the interval and sends every handled offset when it stops', async () => {
    const { topic, groupId, producer, handled, consumer } = await setUp(600_000);
    // The first batch is committed at once (no commit was sent yet); the interval then holds the rest back.
    await producer.send(topic, [testMessage(0)]);
    await waitUntil(async () => (await committed(groupId, topic)) === 1, { timeoutMs: 30_000, what: 'the first offset committed' });
    for (let index = 1; index < 30; index += 1) await producer.send(topic, [testMessage(index)]);
    await waitUntil(() => handled() === 30, { timeoutMs: 30_000, what: '30 messages handled' });
    expect(await committed(groupId, topic)).toBe(1);
    await consumer.stop();
    expect(await committed(groupId, topic)).toBe(30);
  });
});
