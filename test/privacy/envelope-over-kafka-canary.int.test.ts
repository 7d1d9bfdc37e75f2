import { createEventBus, type BusMessage } from '@signaalhub/bus';
import { Envelope } from '@signaalhub/contracts';
import { EnvelopeSealer, loadKeyringFromDirectory } from '@signaalhub/envelope';
import { createLogger } from '@signaalhub/logging';
import { testInfrastructure, uniqueName } from '@signaalhub/test-infra';
import { describe, expect, it } from 'vitest';

/** Planted personal data (DESIGN.md §8.3): none of it may reach any cleartext byte on the broker. */
const CANARIES = ['Canarius Pietersen-Vogelaar', '987654321', 'Kanarieweg 77', '3761KV', 'KN-417-V', 'KN417V', '1971-04-17'];

describe('sealed envelope on Kafka', () => {
  it('carries no planted personal data in the Kafka key, the Kafka headers, the envelope header or any value byte', async () => {
    const infrastructure = testInfrastructure();
    const keyring = await loadKeyringFromDirectory(infrastructure.keysDir, infrastructure.keyPassphrase);
    const sut = new EnvelopeSealer(keyring);
    const envelope = await sut.seal(
      {
        subjects: [{ kind: 'person', name: CANARIES[0], bsn: CANARIES[1], birthDate: CANARIES[6] }, { kind: 'vehicle', kenteken: CANARIES[4] }],
        location: { street: CANARIES[2], postcode: CANARIES[3] },
        freeText: CANARIES.join(' '),
      },
      { from: 'gemeente-soest', to: ['gemeente-soest', 'politie-bes', 'riec-mn'], type: 'signal.submitted', municipality: 'soest', theme: 'autobranche' },
    );

    const bus = createEventBus({ brokers: infrastructure.kafkaBrokers, clientId: 'canary-test', logger: createLogger('canary-test', 'warn') });
    const topic = uniqueName('canary');
    await bus.provision([{ name: topic, partitions: 1, retentionMs: 3_600_000, cleanupPolicy: 'delete' }], { replicationFactor: 1 });
    const producer = bus.createProducer();
    await producer.connect();
    await producer.send(topic, [{ key: envelope.header.municipality, value: Buffer.from(JSON.stringify(envelope)) }]);

    const received = await new Promise<BusMessage>((resolve, reject) => {
      const consumer = bus.createConsumer({
        groupId: uniqueName('canary-group'),
        topics: [topic],
        handlers: {
          [topic]: (message: BusMessage) => {
            resolve(message);
            return Promise.resolve();
          },
        },
      });
      consumer.start().catch(reject);
    });
    await bus.close();

    const onTheWire = [received.key, JSON.stringify(received.headers), JSON.stringify(Envelope.parse(JSON.parse(received.value.toString('utf8'))).header), received.value.toString('latin1')];
    for (const canary of CANARIES) {
      for (const cleartext of onTheWire) expect(cleartext.toLowerCase(), `canary ${canary}`).not.toContain(canary.toLowerCase());
    }
    expect(received.key).toBe('soest');
  });
});
