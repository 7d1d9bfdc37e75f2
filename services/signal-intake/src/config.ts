import { identityEnv, infrastructureEnv, kafkaEnv, keysEnv, port, wholeNumber } from '@signaalhub/config';
import { SCHEMA_NAME, SCHEMA_NAME_RULE } from '@signaalhub/database';
import { z } from 'zod';

/** Every variable the service reads, validated once at start-up (DESIGN.md §8.6). */
export const SignalIntakeConfigSchema = z.object({
  ...infrastructureEnv,
  ...kafkaEnv('signal-intake'),
  ...keysEnv,
  ...identityEnv,
  SIGNAL_INTAKE_PORT: port.default(3001),
  /** A JSON file with the distribution policy; without it the built-in BES default applies. */
  DISTRIBUTION_POLICY_FILE: z.string().min(1, 'must not be empty').optional(),
  /** Fallback poll of the outbox; new rows also wake the relay at once through LISTEN/NOTIFY. */
  OUTBOX_POLL_MS: wholeNumber(50, 60_000).default(1_000),
  /**
   * PostgreSQL schema of this service's tables and audit log. Only tests change it, so parallel test
   * runs never see each other's rows.
   */
  SIGNAL_INTAKE_DB_SCHEMA: z.string().regex(SCHEMA_NAME, SCHEMA_NAME_RULE).default('signal_intake'),
});
export type SignalIntakeConfig = z.infer<typeof SignalIntakeConfigSchema>;
