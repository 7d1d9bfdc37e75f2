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

/** A whole number within bounds, with one message for every way it can be wrong. */
export const wholeNumber = (min: number, max: number) =>
  z.coerce
    .number({ error: `must be a whole number from ${String(min)} to ${String(max)}` })
    .int(`must be a whole number from ${String(min)} to ${String(max)}`)
    .min(min, `must be a whole number from ${String(min)} to ${String(max)}`)
    .max(max, `must be a whole number from ${String(min)} to ${String(max)}`);

/**
 * An application clock: real time shifted by this many seconds. Date rules and timers read it; BullMQ
 * waits in real time. 0 in production; rehearsals and tests move "now" to just before a reminder or alert
 * instead of waiting days (never through an endpoint).
 */
export const clockOffsetSeconds = z.coerce
  .number({ error: 'must be a whole number of seconds' })
  .int('must be a whole number of seconds')
  .min(-3_650 * 86_400, 'must be within ten years')
  .max(3_650 * 86_400, 'must be within ten years')
  .default(0);

/** The Kafka variables of a service; the client and group ids default to the service's name. */
export function kafkaEnv(service: string) {
  return {
    KAFKA_BROKERS: kafkaBrokers,
    KAFKA_CLIENT_ID: z.string().min(1, 'must not be empty').default(service),
    KAFKA_GROUP_ID: z.string().min(1, 'must not be empty').default(service),
    KAFKA_REPLICATION_FACTOR: wholeNumber(1, 5).default(1),
  };
}

/** The party keys as `hub keys init` writes them (party directory, hub-hosted private keys, partnership key). */
export const keysEnv = {
  KEYS_DIR: z.string({ error: 'is required' }).min(1, 'is required'),
  HUB_KEY_PASSPHRASE: z.string({ error: 'is required' }).min(1, 'is required'),
};

/** The secret of the identity tokens the web application sends (packages/identity), and how old one may be. */
export const identityEnv = {
  IDENTITY_TOKEN_SECRET: z.string({ error: 'is required' }).min(32, 'must be at least 32 characters'),
  /** Seconds after its `iat` that a token is refused, whatever its `exp` says: a few minutes at most. */
  IDENTITY_TOKEN_MAX_AGE_SECONDS: wholeNumber(10, 900).default(300),
};

/** A comma-separated list of `item`s, at least one, without duplicates (e.g. `baarn,soest`). */
export const commaList = (item: z.ZodString, rule: string) =>
  z
    .string()
    .trim()
    .min(1, rule)
    .transform((value) => value.split(',').map((part) => part.trim()))
    .pipe(z.array(item, { error: rule }).min(1, rule).refine((items) => new Set(items).size === items.length, `${rule}, without duplicates`));
