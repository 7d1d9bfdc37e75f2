import { uniqueName } from '@signaalhub/test-infra';
import { describe, expect, it } from 'vitest';
import { createEventBus } from '../src/index.js';
import { testBrokers, testLogger } from './support/test-kafka.js';

const brokers = testBrokers();

describe('KafkaBusProducer connection', () => {
  it('connects on the first send, and refuses to send once disconnected', async () => {
    const bus = createEventBus({ brokers, clientId: 'producer-connection-test', logger: testLogger() });
    const topic = uniqueName('producer-connection');
    await bus.provision([{ name: topic, partitions: 1, retentionMs: 3_600_000, cleanupPolicy: 'delete' }], { replicationFactor: 1 });
    const sut = bus.createProducer();
    // No connect(): acknowledged by the broker all the same.
    await expect(sut.send(topic, [{ key: 'gemeente-soest', value: Buffer.from('first') }])).resolves.toBeUndefined();
    await sut.disconnect();
    await expect(sut.send(topic, [{ key: 'gemeente-soest', value: Buffer.from('late') }])).rejects.toThrow('bus producer was disconnected');
  });
});
