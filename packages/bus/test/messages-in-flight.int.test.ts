import { uniqueName, waitUntil } from '@signaalhub/test-infra';
import { afterEach, describe, expect, it } from 'vitest';
import { createEventBus, shutdownBus, type BusConsumer, type BusMessage, type BusProducer } from '../src/index.js';
import { testBrokers, testLogger } from './support/test-kafka.js';

const brokers = testBrokers();
const IN_FLIGHT = 4;
const MESSAGES = 40;

describe('BusConsumer with several messages of a partition in flight', () => {
  const consumers: BusConsumer[] = [];
  const producers: BusProducer[] = [];
  afterEach(async () => {
    await shutdownBus({ consumers: consumers.splice(0), producers: producers.splice(0) });
  });

  it('handles that many at once, retries a failure within its group, and commits past every group', async () => {
    const bus = createEventBus({ brokers, clientId: 'in-flight-test', logger: testLogger() });
    const topic = uniqueName('in-flight');
    await bus.provision([{ name: topic, partitions: 1, retentionMs: 3_600_000, cleanupPolicy: 'delete' }], { replicationFactor: 1 });
    const producer = bus.createProducer();
    producers.push(producer);
    await producer.connect();
    await producer.send(
      topic,
      Array.from({ length: MESSAGES }, (_, index) => ({ key: 'gemeente-soest', value: Buffer.from(`m-${index}`) })),
    );

    // The first group waits until all of it is in flight: handled one by one, it would never get there.
    let releaseFirstGroup: () => void = () => undefined;
    const firstGroupTogether = new Promise<void>((resolve) => {
      releaseFirstGroup = resolve;
    });
    let inFlight = 0;
    let mostInFlight = 0;
    let failedOnce = false;
    const handled = new Map<string, number>();
    const groupId = uniqueName('in-flight-group');
    const handler = async (message: BusMessage): Promise<void> => {
      inFlight += 1;
      mostInFlight = Math.max(mostInFlight, inFlight);
      try {
        const value = message.value.toString();
        if (Number(message.offset) < IN_FLIGHT) {
          if (inFlight === IN_FLIGHT) releaseFirstGroup();
          await firstGroupTogether;
        }
        if (value === 'm-6' && !failedOnce) {
          failedOnce = true;
          throw new Error('transient');
        }
        handled.set(value, (handled.get(value) ?? 0) + 1);
      } finally {
        inFlight -= 1;
      }
    };
    const settings = { groupId, topics: [topic], retry: { retries: 3, initialMs: 10, maxMs: 20 }, sessionTimeoutMs: 6_000, heartbeatIntervalMs: 500 };
    const sut = bus.createConsumer({ ...settings, messagesInFlightPerPartition: IN_FLIGHT, handlers: { [topic]: handler } });
    consumers.push(sut);
    await sut.start();
    await waitUntil(() => handled.size === MESSAGES, { timeoutMs: 60_000, what: `all ${MESSAGES} messages` });
    expect(mostInFlight).toBe(IN_FLIGHT);
    expect(failedOnce).toBe(true);
    expect([...handled.values()].every((times) => times === 1)).toBe(true);
    await sut.stop();

    // The same group again: only what was produced after the stop arrives, so every group was committed.
    const afterRestart: string[] = [];
    const restarted = bus.createConsumer({
      ...settings,
      messagesInFlightPerPartition: IN_FLIGHT,
      handlers: {
        [topic]: (message: BusMessage) => {
          afterRestart.push(message.value.toString());
          return Promise.resolve();
        },
      },
    });
    consumers.push(restarted);
    await producer.send(topic, [{ key: 'gemeente-soest', value: Buffer.from('after-stop') }]);
    await restarted.start();
    await waitUntil(() => afterRestart.length > 0, { timeoutMs: 60_000, what: 'the message produced after the stop' });
    expect(afterRestart).toEqual(['after-stop']);
  });

  it('refuses a number of messages in flight below 1', () => {
    const bus = createEventBus({ brokers, clientId: 'in-flight-test', logger: testLogger() });
    expect(() => bus.createConsumer({ groupId: uniqueName('g'), topics: ['t'], messagesInFlightPerPartition: 0, handlers: { t: () => Promise.resolve() } })).toThrow(
      'messagesInFlightPerPartition must be a whole number of at least 1',
    );
  });
});
