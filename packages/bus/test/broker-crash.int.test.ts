import { type PrivateKafka, startPrivateKafka, uniqueName, waitUntil } from '@signaalhub/test-infra';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createEventBus, shutdownBus, type BusConsumer, type BusMessage, type BusProducer } from '../src/index.js';
import { testLogger } from './support/test-kafka.js';
import { messageId, testMessage } from './support/test-messages.js';

const MESSAGE_COUNT = 10_000;
const BATCH_SIZE = 200;
const KILL_AFTER_ACKED = 4_000;

/*
 * Why a SIGKILL loses nothing acknowledged on a single local broker: with one replica, acks=all means
 * "in the leader's log", i.e. in the OS page cache, not on disk (Kafka does not fsync per write). SIGKILL
 * ends the JVM but not the kernel, so the page cache is written out and the restarted broker recovers
 * every acknowledged batch. A power loss would not be covered by this; production covers it with
 * replication factor 3 and min.insync.replicas=2 (an ack then means two brokers have it).
 */
describe('BusProducer across a broker crash', () => {
  // A broker of its own: killing the shared one would fail every test file running beside this one.
  let kafka: PrivateKafka;
  beforeAll(async () => {
    kafka = await startPrivateKafka();
  });
  afterAll(async () => {
    await kafka.dispose();
  });
  const consumers: BusConsumer[] = [];
  const producers: BusProducer[] = [];
  afterEach(async () => {
    await shutdownBus({ consumers: consumers.splice(0), producers: producers.splice(0) });
  });

  it('loses no acknowledged message when the broker is SIGKILLed mid-stream and restarted', async () => {
    const logger = testLogger();
    const bus = createEventBus({ brokers: kafka.brokers, clientId: 'broker-crash-test', logger });
    const topic = uniqueName('broker-crash');
    await bus.provision([{ name: topic, partitions: 3, retentionMs: 3_600_000, cleanupPolicy: 'delete' }], { replicationFactor: 1 });
    const sut = bus.createProducer();
    producers.push(sut);
    await sut.connect();

    const acknowledged = new Set<number>();
    let failedSends = 0;
    const producing = (async () => {
      const deadline = Date.now() + 200_000;
      for (let first = 0; first < MESSAGE_COUNT; first += BATCH_SIZE) {
        const ids = Array.from({ length: Math.min(BATCH_SIZE, MESSAGE_COUNT - first) }, (_, index) => first + index);
        // The same batch again until the broker acknowledges it: only then are its ids counted.
        for (;;) {
          try {
            await sut.send(topic, ids.map((id) => testMessage(id)));
            ids.forEach((id) => acknowledged.add(id));
            break;
          } catch (error) {
            failedSends += 1;
            if (Date.now() > deadline) throw error;
          }
        }
      }
    })();

    await waitUntil(() => acknowledged.size >= KILL_AFTER_ACKED, { timeoutMs: 60_000, what: `${KILL_AFTER_ACKED} acknowledged messages` });
    await kafka.kill();
    await kafka.start();
    await producing;

    const received = new Set<number>();
    const reader = bus.createConsumer({
      groupId: uniqueName('broker-crash-reader'),
      topics: [topic],
      sessionTimeoutMs: 6_000,
      heartbeatIntervalMs: 500,
      handlers: {
        [topic]: (message: BusMessage) => {
          received.add(messageId(message));
          return Promise.resolve();
        },
      },
    });
    consumers.push(reader);
    await reader.start();
    await waitUntil(() => [...acknowledged].every((id) => received.has(id)), {
      timeoutMs: 120_000,
      intervalMs: 500,
      what: 'every acknowledged message id to be read back',
    });

    const lost = [...acknowledged].filter((id) => !received.has(id));
    logger.warn({ acknowledged: acknowledged.size, received: received.size, failedSends }, 'broker crash result');
    expect(lost).toEqual([]);
    expect(acknowledged.size).toBe(MESSAGE_COUNT);
    // The kill really hit the stream: at least one send failed and was retried.
    expect(failedSends).toBeGreaterThan(0);
  });
});
