import type { Logger } from '@signaalhub/logging';
import { logLevel, type logCreator } from 'kafkajs';

/**
 * Routes kafkajs' own logs into pino. Only kafkajs' message text, error text and a few routing fields
 * are copied — never its whole `extra` object, which can hold record keys or payload fragments.
 */
export function kafkaLogCreator(logger: Logger): logCreator {
  const kafkaLogger = logger.child({ library: 'kafkajs' });
  return () =>
    ({ level, log }) => {
      const { message, error, groupId, topic, partition, broker, retryCount } = log as Record<string, unknown>;
      const fields = { error, groupId, topic, partition, broker, retryCount };
      const text = typeof message === 'string' ? message : 'kafkajs';
      switch (level) {
        case logLevel.ERROR:
          kafkaLogger.error(fields, text);
          return;
        case logLevel.WARN:
          kafkaLogger.warn(fields, text);
          return;
        case logLevel.INFO:
          kafkaLogger.info(fields, text);
          return;
        case logLevel.DEBUG:
        case logLevel.NOTHING:
          kafkaLogger.debug(fields, text);
          return;
      }
    };
}
