import { uniqueName, waitUntil } from '@signaalhub/test-infra';
import { Kafka, logLevel } from 'kafkajs';
import { afterEach, describe, expect, it } from 'vitest';
import { createEventBus, type EventBus } from '../src/index.js';
import { testBrokers, testLogger } from './support/test-kafka.js';

const brokers = testBrokers();

describe('BusConsumer crash supervision', () => {
  const buses: EventBus[] = [];
  afterEach(async () => {
    await Promise.all(buses.splice(0).map((bus) => bus.close()));
  });

  it('restarts a crashed consumer a bounded number of times, then calls onFatal instead of dying silently', async () => {
    // Short kafkajs retries so each crash comes within a second instead of after ~10 s of riding it out.
    const bus = createEventBus({
      brokers,
      clientId: 'crash-test',
      logger: testLogger(),
      clientRetry: { retries: 1, initialRetryTimeMs: 100, maxRetryTimeMs: 300 },
    });
    buses.push(bus);
    const topic = uniqueName('crash');
    // The source topic WITHOUT its dead-letter topic: dead-lettering cannot succeed, so the consumer crashes.
    const admin = new Kafka({ clientId: 'crash-test-admin', brokers, logLevel: logLevel.NOTHING }).admin();
    await admin.connect();
    await admin.createTopics({ topics: [{ topic, numPartitions: 1, replicationFactor: 1 }], waitForLeaders: true });
    await admin.disconnect();

    let handlerAttempts = 0;
    const fatalErrors: Error[] = [];
    const maxRestarts = 1;
    const sut = bus.createConsumer({
      groupId: uniqueName('crash-group'),
      topics: [topic],
      retry: { retries: 0, initialMs: 1, maxMs: 1 },
      maxRestarts,
      sessionTimeoutMs: 6_000,
      heartbeatIntervalMs: 500,
      onFatal: (error) => fatalErrors.push(error),
      handlers: {
        [topic]: () => {
          handlerAttempts += 1;
          return Promise.reject(new Error('poison'));
        },
      },
    });
    const producer = bus.createProducer();
    await producer.connect();
    await producer.send(topic, [{ key: 'gemeente-eemnes', value: Buffer.from('poison') }]);

    await sut.start();
    await waitUntil(() => fatalErrors.length > 0, { timeoutMs: 90_000, what: 'onFatal to be called' });

    expect(fatalErrors).toHaveLength(1);
    expect(fatalErrors[0]).toBeInstanceOf(Error);
    // The first run plus one restart each tried to handle and dead-letter the message.
    expect(handlerAttempts).toBeGreaterThanOrEqual(maxRestarts + 1);
    expect(fatalErrors[0]?.message).toMatch(/does not host this topic-partition/);
  });
});
