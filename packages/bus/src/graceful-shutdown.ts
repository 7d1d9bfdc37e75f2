import type { BusConsumer } from './bus-consumer.js';
import type { BusProducer } from './bus-producer.js';

export interface BusParts {
  readonly consumers: readonly BusConsumer[];
  readonly producers: readonly BusProducer[];
}

/**
 * Consumers first (they finish and commit the messages in flight, and their handlers may still
 * produce), then producers. Every part is attempted even when an earlier one fails.
 */
export async function shutdownBus({ consumers, producers }: BusParts): Promise<void> {
  const consumerResults = await Promise.allSettled(consumers.map((consumer) => consumer.stop()));
  const producerResults = await Promise.allSettled(producers.map((producer) => producer.disconnect()));
  const failures = [...consumerResults, ...producerResults].filter((result) => result.status === 'rejected');
  if (failures.length > 0) {
    throw new AggregateError(failures.map((failure) => failure.reason as unknown), `${failures.length} bus part(s) failed to shut down`);
  }
}
