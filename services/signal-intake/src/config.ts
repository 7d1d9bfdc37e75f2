import { infrastructureEnv, port } from '@signaalhub/config';
import { z } from 'zod';

/** Every variable the service reads, validated once at start-up (DESIGN.md §8.6). */
export const SignalIntakeConfigSchema = z.object({
  ...infrastructureEnv,
  SIGNAL_INTAKE_PORT: port.default(3001),
  KAFKA_CLIENT_ID: z.string().min(1, 'must not be empty').default('signal-intake'),
  KAFKA_GROUP_ID: z.string().min(1, 'must not be empty').default('signal-intake'),
  KAFKA_REPLICATION_FACTOR: z.coerce
    .number({ error: 'must be a whole number from 1 to 5' })
    .int('must be a whole number from 1 to 5')
    .min(1, 'must be a whole number from 1 to 5')
    .max(5, 'must be a whole number from 1 to 5')
    .default(1),
});
export type SignalIntakeConfig = z.infer<typeof SignalIntakeConfigSchema>;

/** Nest injection token for the validated configuration. */
export const SIGNAL_INTAKE_CONFIG = Symbol('SignalIntakeConfig');
