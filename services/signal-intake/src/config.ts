import { infrastructureEnv, port } from '@signaalhub/config';
import { SCHEMA_NAME, SCHEMA_NAME_RULE } from '@signaalhub/database';
import { z } from 'zod';

const wholeNumber = (min: number, max: number) =>
  z.coerce
    .number({ error: `must be a whole number from ${min} to ${max}` })
    .int(`must be a whole number from ${min} to ${max}`)
    .min(min, `must be a whole number from ${min} to ${max}`)
    .max(max, `must be a whole number from ${min} to ${max}`);

/** Every variable the service reads, validated once at start-up (DESIGN.md §8.6). */
export const SignalIntakeConfigSchema = z.object({
  ...infrastructureEnv,
  SIGNAL_INTAKE_PORT: port.default(3001),
  KAFKA_CLIENT_ID: z.string().min(1, 'must not be empty').default('signal-intake'),
  KAFKA_GROUP_ID: z.string().min(1, 'must not be empty').default('signal-intake'),
  KAFKA_REPLICATION_FACTOR: wholeNumber(1, 5).default(1),
  /** `hub keys init` output: party directory, public and (hub-hosted) private keys, partnership key. */
  KEYS_DIR: z.string({ error: 'is required' }).min(1, 'is required'),
  HUB_KEY_PASSPHRASE: z.string({ error: 'is required' }).min(1, 'is required'),
  IDENTITY_TOKEN_SECRET: z.string({ error: 'is required' }).min(32, 'must be at least 32 characters'),
  /** A JSON file with the distribution policy; without it the built-in BES default applies. */
  DISTRIBUTION_POLICY_FILE: z.string().min(1, 'must not be empty').optional(),
  /** Fallback poll of the outbox; new rows also wake the relay at once through LISTEN/NOTIFY. */
  OUTBOX_POLL_MS: wholeNumber(50, 60_000).default(1_000),
  /**
   * PostgreSQL schema of this service's tables and audit log. Only tests change it, so parallel test
   * runs never see each other's rows.
   */
  SIGNAL_INTAKE_DB_SCHEMA: z
    .string()
    .regex(SCHEMA_NAME, SCHEMA_NAME_RULE)
    .default('signal_intake'),
});
export type SignalIntakeConfig = z.infer<typeof SignalIntakeConfigSchema>;

/** Nest injection token for the validated configuration. */
export const SIGNAL_INTAKE_CONFIG = Symbol('SignalIntakeConfig');
