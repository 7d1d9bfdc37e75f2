import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { SCHEMA_NAME, SCHEMA_NAME_RULE } from '@signaalhub/database';
import { isCalendarDate } from '@signaalhub/deadlines';
import { DEFAULT_POOL_PARTY, MunicipalityId, PartyId } from '@signaalhub/contracts';
import { clockOffsetSeconds, commaList, identityEnv, infrastructureEnv, kafkaEnv, keysEnv, port, wholeNumber } from '@signaalhub/config';

/** The configuration shipped with the service (activities and their SBI codes, standard conditions). */
export const SHIPPED_REGISTRY_FILE = fileURLToPath(new URL('../config/registry.json', import.meta.url));

/** Every variable the service reads, validated once at start-up (DESIGN.md §8.6). */
export const PermitRegistryConfigSchema = z.object({
  ...infrastructureEnv,
  ...kafkaEnv('permit-registry'),
  ...keysEnv,
  ...identityEnv,
  PERMIT_REGISTRY_PORT: port.default(3004),
  /**
   * The municipalities that run a registry (Soest's pilot by default); each acts as its own party
   * (`gemeente-<id>`), whose key seals its records and events. Another municipality is a configuration change.
   */
  PERMIT_REGISTRY_MUNICIPALITIES: commaList(MunicipalityId, 'must be a comma-separated list of municipality ids').default(['soest']),
  /** The activities with their SBI codes and the standard conditions (JSON); the shipped file by default. */
  PERMIT_REGISTRY_CONFIG_FILE: z.string().min(1, 'must be a file path').default(SHIPPED_REGISTRY_FILE),
  /** The Bibob coordinator pool the registry asks for screenings. */
  BIBOB_POOL_PARTY: PartyId.default(DEFAULT_POOL_PARTY),
  /** The RIEC, a recipient of the permit events. */
  RIEC_PARTY: PartyId.default('riec-mn'),
  /** Days the government declares non-working under art. 3(3) Algemene termijnenwet, e.g. `2027-05-06`. */
  PERMIT_REGISTRY_EXTRA_NON_WORKING_DAYS: commaList(z.string().refine(isCalendarDate), 'must be a comma-separated list of real dates YYYY-MM-DD').default([]),
  PERMIT_REGISTRY_DATABASE_SCHEMA: z.string().regex(SCHEMA_NAME, SCHEMA_NAME_RULE).default('permit_registry'),
  PERMIT_REGISTRY_REPLAY_NAMESPACE: z.string().regex(/^[a-z][a-z0-9-]{0,62}$/, 'must be a lowercase slug').default('permit-registry'),
  /** How old a consumed envelope may be (a lagging consumer still takes it). */
  ENVELOPE_MAX_AGE_DAYS: wholeNumber(1, 3650).default(30),
  /** How often the public register removes the entries whose publication term has ended. */
  PERMIT_REGISTRY_RETENTION_SWEEP_MS: z.coerce.number({ error: 'must be a whole number of milliseconds from 100 to 3600000' }).int().min(100).max(3_600_000).default(60_000),
  /** How often the permit clock reinstates the suspensions and lapses the permits whose last day has passed (hourly by default). */
  PERMIT_REGISTRY_PERMIT_CLOCK_MS: z.coerce.number({ error: 'must be a whole number of milliseconds from 100 to 86400000' }).int().min(100).max(86_400_000).default(3_600_000),
  /** Shifts the application clock every date reads (tests and demos move time this way; 0 in production). */
  PERMIT_REGISTRY_CLOCK_OFFSET_SECONDS: clockOffsetSeconds,
});
export type PermitRegistryConfig = z.infer<typeof PermitRegistryConfigSchema>;
