import { z } from 'zod';

// Reusable rules for environment variables. Messages say the rule, never echo the value.

const HOST_PORT = /^[A-Za-z0-9.-]+:\d{1,5}$/;

export const kafkaBrokers = z
  .string({ error: 'is required' })
  .trim()
  .min(1, 'is required')
  .refine(
    (value) => value.split(',').every((broker) => HOST_PORT.test(broker.trim())),
    'must be a comma-separated list of host:port',
  )
  .transform((value) => value.split(',').map((broker) => broker.trim()));

const urlWithProtocols = (protocols: readonly string[]) =>
  z
    .string({ error: 'is required' })
    .refine((value) => URL.canParse(value), { error: 'must be a URL', abort: true })
    .refine(
      // Runs only after the check above passed (abort), so the URL parses.
      (value) => protocols.includes(new URL(value).protocol),
      `must be a URL starting with ${protocols.map((protocol) => `${protocol}//`).join(' or ')}`,
    );

export const redisUrl = urlWithProtocols(['redis:', 'rediss:']);
export const databaseUrl = urlWithProtocols(['postgres:', 'postgresql:']);

export const port = z.coerce
  .number({ error: 'must be a whole number from 1 to 65535' })
  .int('must be a whole number from 1 to 65535')
  .min(1, 'must be a whole number from 1 to 65535')
  .max(65535, 'must be a whole number from 1 to 65535');

export const logLevel = z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
  error: 'must be one of fatal, error, warn, info, debug, trace, silent',
});

/** The variables every service reads to reach the infrastructure. */
export const infrastructureEnv = {
  KAFKA_BROKERS: kafkaBrokers,
  REDIS_URL: redisUrl,
  DATABASE_URL: databaseUrl,
  LOG_LEVEL: logLevel.default('info'),
};
