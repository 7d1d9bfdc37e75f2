import type { BusProducer } from '@signaalhub/bus';
import type { OutboxMessage, OutboxPublisher } from './outbox-message.js';

/**
 * Publishes through the bus producer (idempotent, acks=all, one request in flight). The producer
 * connects on the first send and again after a failed attempt, so a service started or running without
 * a broker keeps its outbox and catches up once the broker is back.
 */
export class BusOutboxPublisher implements OutboxPublisher {
  constructor(private readonly producer: BusProducer) {}

  async publish(topic: string, messages: readonly OutboxMessage[]): Promise<void> {
    // No headers: the envelope header inside the value carries every routing fact, and Kafka headers
    // are one more place personal data could leak into.
    await this.producer.send(
      topic,
      messages.map((message) => ({ key: message.key, value: message.value })),
    );
  }

  async close(): Promise<void> {
    await this.producer.disconnect();
  }
}
