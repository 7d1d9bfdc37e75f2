import type { Logger } from '@signaalhub/logging';
import { CompressionTypes, Partitioners, type Kafka, type Producer, type RetryOptions } from 'kafkajs';
import type { OutgoingMessage } from './bus-message.js';

/** Produces to the bus. `send` resolves only once every in-sync replica acknowledged the batch. */
export interface BusProducer {
  connect(): Promise<void>;
  send(topic: string, messages: readonly OutgoingMessage[]): Promise<void>;
  disconnect(): Promise<void>;
}

/** Idempotent, acks=all, one request in flight (ordering survives retries), no compression (ciphertext). */
export class KafkaBusProducer implements BusProducer {
  private readonly producer: Producer;

  constructor(
    kafka: Kafka,
    private readonly logger: Logger,
    retry?: RetryOptions,
  ) {
    this.producer = kafka.producer({
      // kafkajs' producer ignores the client's retry settings unless given its own.
      ...(retry === undefined ? {} : { retry }),
      idempotent: true,
      maxInFlightRequests: 1,
      // The Java client's murmur2 partitioner: the same key lands on the same partition as in other clients.
      createPartitioner: Partitioners.DefaultPartitioner,
      // A topic must be provisioned (partitions, retention); auto-creation would use broker defaults.
      allowAutoTopicCreation: false,
    });
  }

  async connect(): Promise<void> {
    await this.producer.connect();
    this.logger.info('bus producer connected');
  }

  async send(topic: string, messages: readonly OutgoingMessage[]): Promise<void> {
    if (messages.length === 0) return;
    await this.producer.send({
      topic,
      acks: -1,
      compression: CompressionTypes.None,
      messages: messages.map((message) => ({
        key: message.key,
        value: message.value,
        ...(message.headers === undefined ? {} : { headers: { ...message.headers } }),
      })),
    });
  }

  async disconnect(): Promise<void> {
    await this.producer.disconnect();
    this.logger.info('bus producer disconnected');
  }
}
