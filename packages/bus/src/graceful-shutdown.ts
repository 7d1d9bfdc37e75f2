import type { Logger } from '@signaalhub/logging';
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

export interface ShutdownOnSignalOptions extends BusParts {
  readonly logger: Logger;
  readonly signals?: readonly NodeJS.Signals[];
  /** Default `process.exit`; injectable so the behaviour can be tested without ending the test runner. */
  readonly exit?: (code: number) => void;
}

/** On SIGTERM (and SIGINT) shuts the bus down in order and exits. Returns a function that uninstalls it. */
export function shutdownBusOnSignal(options: ShutdownOnSignalOptions): () => void {
  const { logger, signals = ['SIGTERM', 'SIGINT'], exit = (code: number) => process.exit(code) } = options;
  let shuttingDown = false;
  const onSignal = (signal: NodeJS.Signals): void => {
    if (shuttingDown) return;
    shuttingDown = true;
    logger.info({ signal }, 'shutting down bus');
    shutdownBus(options).then(
      () => {
        exit(0);
      },
      (error: unknown) => {
        logger.error({ error: error instanceof Error ? error.message : 'unknown' }, 'bus shutdown failed');
        exit(1);
      },
    );
  };
  for (const signal of signals) process.on(signal, onSignal);
  return () => {
    for (const signal of signals) process.off(signal, onSignal);
  };
}
