import type { Logger } from '@signaalhub/logging';
import { logLevel, type Kafka, type RetryOptions } from 'kafkajs';
import { KafkaBusConsumer, type BusConsumer, type ConsumerTuning, type SubscriptionConsumerSettings } from './bus-consumer.js';
import { KafkaBusProducer, type BusProducer } from './bus-producer.js';
import { shutdownBus } from './graceful-shutdown.js';
import { createKafkaClient } from './kafka-client.js';
import { kafkaLogCreator } from './kafka-log-creator.js';
import { provisionTopics, type ProvisionOptions, type ProvisionReport } from './provision-topics.js';
import { subscriptionsFromHandlerMap, type HandlerMap } from './subscriptions.js';
import type { TopicSpec } from './topic-spec.js';

export interface EventBusOptions {
  readonly brokers: readonly string[];
  readonly clientId: string;
  readonly logger: Logger;
  /**
   * How long kafkajs rides out broker trouble inside one call before failing it (then the producer's
   * caller, or the consumer's crash supervision, takes over). Default: kafkajs' own (5 retries, ~10 s).
   */
  readonly clientRetry?: ClientRetry;
}

export interface ClientRetry {
  readonly retries: number;
  readonly initialRetryTimeMs: number;
  readonly maxRetryTimeMs: number;
}

export interface ConsumerOptions<TTopic extends string> extends ConsumerTuning {
  /** The topics this consumer reads; the handler map must name each of them. */
  readonly topics: readonly TTopic[];
  readonly handlers: HandlerMap<TTopic>;
}

/** The project's one door to Kafka. Nothing outside this package imports kafkajs. */
export class EventBus {
  private readonly kafka: Kafka;
  private readonly logger: Logger;
  private readonly retry: RetryOptions | undefined;
  private readonly consumers = new Set<BusConsumer>();
  private readonly producers = new Set<BusProducer>();

  constructor(private readonly options: EventBusOptions) {
    if (options.brokers.length === 0) throw new Error('EventBus needs at least one broker address');
    this.logger = options.logger.child({ component: 'bus' });
    const { clientRetry } = options;
    this.retry =
      clientRetry === undefined
        ? undefined
        : { retries: clientRetry.retries, initialRetryTime: clientRetry.initialRetryTimeMs, maxRetryTime: clientRetry.maxRetryTimeMs };
    this.kafka = createKafkaClient({
      clientId: options.clientId,
      brokers: [...options.brokers],
      logLevel: logLevel.WARN,
      logCreator: kafkaLogCreator(this.logger),
      ...(this.retry === undefined ? {} : { retry: this.retry }),
    });
  }

  /** Creates each topic and its `<topic>.dlq`; existing ones are fine. */
  async provision(topics: readonly TopicSpec[], options: ProvisionOptions): Promise<ProvisionReport> {
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      return await provisionTopics(admin, topics, options, this.logger);
    } finally {
      await admin.disconnect();
    }
  }

  createProducer(): BusProducer {
    const producer = new KafkaBusProducer(this.kafka, this.logger, this.retry);
    this.producers.add(producer);
    return producer;
  }

  /** `topics` decides which handlers must exist: a missing one fails to compile and fails `start()`. */
  createConsumer<const TTopic extends string>(options: ConsumerOptions<TTopic>): BusConsumer {
    const { topics, handlers, ...tuning } = options;
    return this.createSubscriptionConsumer({
      ...tuning,
      expectedTopics: topics,
      subscriptions: subscriptionsFromHandlerMap(topics, handlers),
    });
  }

  /** For adapters (the Nest transport) that collect handlers at run time; `start()` checks them. */
  createSubscriptionConsumer(settings: SubscriptionConsumerSettings): BusConsumer {
    const consumer = new KafkaBusConsumer(this.kafka, settings, this.logger, this.retry);
    this.consumers.add(consumer);
    return consumer;
  }

  /** Stops every consumer this bus created (in-flight messages finish and commit), then its producers. */
  async close(): Promise<void> {
    const consumers = [...this.consumers];
    const producers = [...this.producers];
    this.consumers.clear();
    this.producers.clear();
    await shutdownBus({ consumers, producers });
  }

  /**
   * Messages currently held per topic (high minus low watermark, summed over partitions), for every
   * topic except the broker's own (`__…`). For operators and tests that must see every topic.
   */
  async messageCounts(): Promise<Map<string, number>> {
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      const counts = new Map<string, number>();
      for (const topic of (await admin.listTopics()).filter((name) => !name.startsWith('__'))) {
        const partitions = await admin.fetchTopicOffsets(topic);
        counts.set(topic, partitions.reduce((sum, partition) => sum + Number(partition.high) - Number(partition.low), 0));
      }
      return counts;
    } finally {
      await admin.disconnect();
    }
  }

  /**
   * Resolves when the cluster answers a metadata request within the deadline, rejects with the reason
   * otherwise; for readiness probes.
   */
  async checkReady(deadlineMs = 2_000): Promise<void> {
    const admin = this.kafka.admin({ retry: { retries: 0 } });
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        reject(new Error(`Kafka did not answer a metadata request within ${deadlineMs} ms`));
      }, deadlineMs);
    });
    const probe = (async () => {
      await admin.connect();
      const cluster = await admin.describeCluster();
      if (cluster.brokers.length === 0) throw new Error('Kafka answered without any broker in its metadata');
    })();
    try {
      await Promise.race([probe, deadline]);
    } finally {
      clearTimeout(timer);
      // Not awaited: a connect hanging past the deadline must not hold the probe's caller.
      void probe.catch(() => undefined).finally(() => admin.disconnect().catch(() => undefined));
    }
  }

  get brokers(): readonly string[] {
    return this.options.brokers;
  }
}

export function createEventBus(options: EventBusOptions): EventBus {
  return new EventBus(options);
}
