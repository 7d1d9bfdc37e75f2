import { uniqueName, waitUntil } from '@signaalhub/test-infra';
import { afterEach, describe, expect, it } from 'vitest';
import { createEventBus, shutdownBus, type BusConsumer, type BusMessage, type BusProducer } from '../src/index.js';
import { testBrokers, testLogger } from './support/test-kafka.js';
import { messageId, testMessage } from './support/test-messages.js';

const brokers = testBrokers();

const MESSAGE_COUNT = 10_000;
const BATCH_SIZE = 250;

describe('BusConsumer takeover', () => {
  const consumers: BusConsumer[] = [];
  const producers: BusProducer[] = [];
  afterEach(async () => {
    await shutdownBus({ consumers: consumers.splice(0), producers: producers.splice(0) });
  });

  it('hands every message to a handler when consumer A stops mid-stream and B in the same group takes over', async () => {
    const logger = testLogger();
    const bus = createEventBus({ brokers, clientId: 'takeover-test', logger });
    const topic = uniqueName('takeover');
    const groupId = uniqueName('takeover-group');
    await bus.provision([{ name: topic, partitions: 6, retentionMs: 3_600_000, cleanupPolicy: 'delete' }], { replicationFactor: 1 });
    const producer = bus.createProducer();
    producers.push(producer);
    await producer.connect();

    const handledBy = { a: [] as number[], b: [] as number[] };
    // A blocks on this message until stop() was called, so it is in flight while A stops.
    const blockAtCount = 1_000;
    let releaseInFlight: () => void = () => undefined;
    const inFlightReleased = new Promise<void>((resolve) => {
      releaseInFlight = resolve;
    });
    let inFlightId: number | undefined;
    const consumerOptions = { groupId, topics: [topic], sessionTimeoutMs: 6_000, heartbeatIntervalMs: 500 };
    const consumerA = bus.createConsumer({
      ...consumerOptions,
      handlers: {
        [topic]: async (message: BusMessage) => {
          if (handledBy.a.length === blockAtCount) {
            inFlightId = messageId(message);
            await inFlightReleased;
          }
          handledBy.a.push(messageId(message));
        },
      },
    });
    const consumerB = bus.createConsumer({
      ...consumerOptions,
      handlers: {
        [topic]: (message: BusMessage) => {
          handledBy.b.push(messageId(message));
          return Promise.resolve();
        },
      },
    });
    consumers.push(consumerA, consumerB);

    // Both members are in the group (B's start returns once the group rebalanced) before the stream starts.
    await consumerA.start();
    await consumerB.start();
    // The stream keeps flowing while A leaves: produced in acknowledged batches in the background.
    const producing = (async () => {
      for (let first = 0; first < MESSAGE_COUNT; first += BATCH_SIZE) {
        const batch = Array.from({ length: Math.min(BATCH_SIZE, MESSAGE_COUNT - first) }, (_, index) => testMessage(first + index, 512));
        await producer.send(topic, batch);
      }
    })();

    await waitUntil(() => inFlightId !== undefined, { timeoutMs: 120_000, what: 'consumer A to reach its blocking message' });
    const stopping = consumerA.stop();
    releaseInFlight();
    await stopping;
    const handledByAAtStop = handledBy.a.length;
    await producing;

    const allIds = (): Set<number> => new Set([...handledBy.a, ...handledBy.b]);
    await waitUntil(() => allIds().size === MESSAGE_COUNT, { timeoutMs: 180_000, what: `all ${MESSAGE_COUNT} message ids`, intervalMs: 200 });

    const duplicateIds = [...handledBy.a, ...handledBy.b].filter((id, index, all) => all.indexOf(id) !== index);
    logger.warn({ handledByA: handledBy.a.length, handledByB: handledBy.b.length, duplicates: duplicateIds.length }, 'takeover result');
    expect([...allIds()].every((id) => id >= 0 && id < MESSAGE_COUNT)).toBe(true);
    // The in-flight message finished on A (stop waited for it) and its offset was committed: B never repeats it.
    expect(handledBy.a.at(-1)).toBe(inFlightId);
    expect(handledBy.b).not.toContain(inFlightId);
    expect(handledBy.a).toHaveLength(handledByAAtStop);
    // At-least-once: a commit overtaken by the rebalance means a redelivery, recognisable by its id.
    expect(handledBy.a.length + handledBy.b.length).toBe(MESSAGE_COUNT + duplicateIds.length);
  });
});
