import type { BusProducer } from '@signaalhub/bus';
import type { OutboxMessage, OutboxPublisher } from './outbox-message.js';

/**
 * Publishes through the bus producer (idempotent, acks=all, one request in flight). Connects lazily
 * and again after a failure, so a service started or running without a broker keeps its outbox and
 * catches up once the broker is back.
 */
export class BusOutboxPublisher implements OutboxPublisher {
  private connected: Promise<void> | undefined;

  constructor(private readonly producer: BusProducer) {}

  async publish(topic: string, messages: readonly OutboxMessage[]): Promise<void> {
    this.connected ??= this.producer.connect();
    try {
      await this.connected;
    } catch (error) {
      this.connected = undefined;
      throw error;
    }
    // No headers: the envelope header inside the value carries every routing fact, and Kafka headers
    // are one more place personal data could leak into.
    await this.producer.send(
      topic,
      messages.map((message) => ({ key: message.key, value: message.value })),
    );
  }

  async close(): Promise<void> {
    if (this.connected === undefined) return;
    await this.connected.catch(() => undefined);
    await this.producer.disconnect();
  }
}
