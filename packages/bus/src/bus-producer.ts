import type { Logger } from '@signaalhub/logging';
import { CompressionTypes, Partitioners, type Kafka, type Producer, type RetryOptions } from 'kafkajs';
import type { OutgoingMessage } from './bus-message.js';

/** Produces to the bus. `send` resolves only once every in-sync replica acknowledged the batch. */
export interface BusProducer {
  /** Optional before `send`, which connects when needed; a failed attempt is retried by the next call. */
  connect(): Promise<void>;
  send(topic: string, messages: readonly OutgoingMessage[]): Promise<void>;
  disconnect(): Promise<void>;
}

/**
 * Broker answers after which this producer id can never send again: a broker that crashed lost the
 * id's sequence state, and kafkajs keeps counting from where it was. Only a new producer id (a new
 * kafkajs producer) recovers; the batch is then sent again, which may duplicate it (at-least-once;
 * receivers dedupe by message id).
 */
const FENCED_PRODUCER_ERRORS = new Set(['OUT_OF_ORDER_SEQUENCE_NUMBER', 'UNKNOWN_PRODUCER_ID', 'INVALID_PRODUCER_EPOCH']);

/** The protocol error type when `error` (or the error it wraps after retries) fenced the producer id. */
export function fencedProducerError(error: unknown): string | undefined {
  // By name, not instanceof: Node's ESM loader cannot see kafkajs' error classes as named exports.
  for (let current: unknown = error; current instanceof Error; current = current.cause) {
    const type: unknown = 'type' in current ? current.type : undefined;
    if (current.name === 'KafkaJSProtocolError' && typeof type === 'string' && FENCED_PRODUCER_ERRORS.has(type)) return type;
  }
  return undefined;
}

/** Idempotent, acks=all, one request in flight (ordering survives retries), no compression (ciphertext). */
export class KafkaBusProducer implements BusProducer {
  private producer: Producer;
  /** The current producer's connection, once asked for; forgotten when it fails or the producer is replaced. */
  private connection: Promise<void> | undefined;
  private disconnected = false;

  constructor(
    private readonly kafka: Kafka,
    private readonly logger: Logger,
    private readonly retry?: RetryOptions,
  ) {
    this.producer = this.createProducer();
  }

  /**
   * Connects once; callers may also leave it to `send`, so a service can start (and keep its outbox)
   * while the broker is away.
   */
  connect(): Promise<void> {
    if (this.disconnected) return Promise.reject(new Error('bus producer was disconnected'));
    if (this.connection === undefined) {
      const connection = this.producer.connect().then(
        () => {
          this.logger.info('bus producer connected');
        },
        (error: unknown) => {
          if (this.connection === connection) this.connection = undefined;
          throw error;
        },
      );
      this.connection = connection;
    }
    return this.connection;
  }

  async send(topic: string, messages: readonly OutgoingMessage[]): Promise<void> {
    if (messages.length === 0) return;
    await this.connect();
    try {
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
    } catch (error) {
      const fenced = fencedProducerError(error);
      if (fenced !== undefined) await this.replaceProducer(fenced);
      throw error;
    }
  }

  async disconnect(): Promise<void> {
    this.disconnected = true;
    await this.connection?.catch(() => undefined);
    this.connection = undefined;
    await this.producer.disconnect();
    this.logger.info('bus producer disconnected');
  }

  /** The caller retries the failed batch as with any other send error; the next attempt has a fresh id. */
  private async replaceProducer(reason: string): Promise<void> {
    this.logger.warn({ reason }, 'bus producer id no longer valid after a broker failure; starting a new producer');
    const stale = this.producer;
    this.producer = this.createProducer();
    // The next send (the caller's retry) connects the new producer.
    this.connection = undefined;
    await stale.disconnect().catch(() => undefined);
  }

  private createProducer(): Producer {
    return this.kafka.producer({
      // kafkajs' producer ignores the client's retry settings unless given its own.
      ...(this.retry === undefined ? {} : { retry: this.retry }),
      idempotent: true,
      maxInFlightRequests: 1,
      // The Java client's murmur2 partitioner: the same key lands on the same partition as in other clients.
      createPartitioner: Partitioners.DefaultPartitioner,
      // A topic must be provisioned (partitions, retention); auto-creation would use broker defaults.
      allowAutoTopicCreation: false,
    });
  }
}
