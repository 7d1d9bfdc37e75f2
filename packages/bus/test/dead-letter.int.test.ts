import { uniqueName, waitUntil } from '@signaalhub/test-infra';
import { afterEach, describe, expect, it } from 'vitest';
import { createEventBus, deadLetterTopic, DeadLetterHeaders, shutdownBus, type BusConsumer, type BusMessage, type BusProducer } from '../src/index.js';
import { testBrokers, testLogger } from './support/test-kafka.js';

const brokers = testBrokers();

describe('BusConsumer dead-lettering', () => {
  const consumers: BusConsumer[] = [];
  const producers: BusProducer[] = [];
  afterEach(async () => {
    await shutdownBus({ consumers: consumers.splice(0), producers: producers.splice(0) });
  });

  it('dead-letters a poison message with its original bytes after the configured retries and handles the next one', async () => {
    const bus = createEventBus({ brokers, clientId: 'dead-letter-test', logger: testLogger() });
    const topic = uniqueName('dead-letter');
    const dlq = deadLetterTopic(topic);
    await bus.provision([{ name: topic, partitions: 3, retentionMs: 3_600_000, cleanupPolicy: 'delete' }], { replicationFactor: 1 });
    const producer = bus.createProducer();
    producers.push(producer);
    await producer.connect();

    const poisonValue = Buffer.from([0x00, 0xff, 0x85, 0xc0, 0x01, 0x02]); // not valid UTF-8: bytes must survive as bytes
    const retries = 3;
    let poisonAttempts = 0;
    const handled: BusMessage[] = [];
    const sut = bus.createConsumer({
      groupId: uniqueName('dead-letter-group'),
      topics: [topic],
      retry: { retries, initialMs: 20, maxMs: 80 },
      sessionTimeoutMs: 6_000,
      heartbeatIntervalMs: 500,
      handlers: {
        [topic]: (message: BusMessage) => {
          if (message.headers.kind === 'poison') {
            poisonAttempts += 1;
            return Promise.reject(new TypeError('envelope signature does not verify'));
          }
          handled.push(message);
          return Promise.resolve();
        },
      },
    });
    const deadLetters: BusMessage[] = [];
    const dlqReader = bus.createConsumer({
      groupId: uniqueName('dlq-reader'),
      topics: [dlq],
      sessionTimeoutMs: 6_000,
      heartbeatIntervalMs: 500,
      handlers: {
        [dlq]: (message: BusMessage) => {
          deadLetters.push(message);
          return Promise.resolve();
        },
      },
    });
    consumers.push(sut, dlqReader);

    // Same key → same partition: the good message sits right behind the poison one.
    await producer.send(topic, [
      { key: 'gemeente-soest', value: poisonValue, headers: { kind: 'poison', 'message-id': 'm-1' } },
      { key: 'gemeente-soest', value: Buffer.from('fine'), headers: { kind: 'fine', 'message-id': 'm-2' } },
    ]);
    await sut.start();
    await dlqReader.start();

    await waitUntil(() => handled.length === 1 && deadLetters.length === 1, { timeoutMs: 60_000, what: 'the good message and the dead letter' });
    const [deadLetter] = deadLetters;
    const [next] = handled;
    expect(poisonAttempts).toBe(retries + 1);
    expect(deadLetter?.value.equals(poisonValue)).toBe(true);
    expect(deadLetter?.key).toBe('gemeente-soest');
    expect(deadLetter?.headers).toMatchObject({
      kind: 'poison',
      'message-id': 'm-1',
      [DeadLetterHeaders.reason]: 'TypeError: envelope signature does not verify',
      [DeadLetterHeaders.sourceTopic]: topic,
      [DeadLetterHeaders.sourceOffset]: '0',
      [DeadLetterHeaders.attempts]: String(retries + 1),
    });
    expect(deadLetter?.headers[DeadLetterHeaders.sourcePartition]).toBe(String(next?.partition));
    expect(Date.parse(deadLetter?.headers[DeadLetterHeaders.failedAt] ?? '')).not.toBeNaN();
    expect(next).toMatchObject({ offset: '1', headers: { 'message-id': 'm-2' } });
  });
});
