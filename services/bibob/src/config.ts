import { z } from 'zod';
import { SCHEMA_NAME, SCHEMA_NAME_RULE } from '@signaalhub/database';
import { isCalendarDate } from '@signaalhub/deadlines';
import { DEFAULT_MUNICIPALITIES, MunicipalityId, PartyId } from '@signaalhub/contracts';
import { clockOffsetSeconds, commaList, identityEnv, infrastructureEnv, kafkaEnv, keysEnv, port } from '@signaalhub/config';

/** Every variable the service reads, validated once at start-up (DESIGN.md §8.6). */
export const BibobConfigSchema = z.object({
  ...infrastructureEnv,
  ...kafkaEnv('bibob'),
  ...keysEnv,
  ...identityEnv,
  BIBOB_PORT: port.default(3003),
  /** The party the coordinator pool acts as: it opens `screening.requested` and seals what the pool sends. */
  BIBOB_POOL_PARTY: PartyId.default('bibob-pool-bes'),
  /** The party a recorded art. 28 lid 2 disclosure goes to. */
  RIEC_PARTY: PartyId.default('riec-mn'),
  /** Municipalities the pool screens for; their parties follow the `gemeente-<id>` convention. */
  MUNICIPALITIES: commaList(MunicipalityId, 'must be a comma-separated list of municipality ids').default(DEFAULT_MUNICIPALITIES.map(({ id }) => id)),
  /** The coordinator pool (capacity, absences, conflicts, lead flag) as a JSON file, or the JSON itself below. */
  BIBOB_COORDINATORS_FILE: z.string().min(1, 'must be a file path').optional(),
  /** The coordinator pool as JSON (tests, small set-ups); without either, nobody is in the pool and every screening waits. */
  BIBOB_COORDINATORS: z.string().min(1, 'must be JSON').optional(),
  /** Codes of the art. 28 lid 2 grounds a coordinator may record for a disclosure to the RIEC. */
  BIBOB_DISCLOSURE_GROUNDS: commaList(z.string().regex(/^[a-z0-9-]{1,64}$/), 'must be a comma-separated list of ground codes')
    .optional()
    .transform((codes) => codes ?? ['art-28-lid-2-sub-d-riec']),
  /** Days the government declares non-working under art. 3(3) Algemene termijnenwet, e.g. `2027-05-06,2028-05-26`. */
  BIBOB_EXTRA_NON_WORKING_DAYS: commaList(z.string().refine(isCalendarDate), 'must be a comma-separated list of real dates YYYY-MM-DD').default([]),
  BIBOB_DATABASE_SCHEMA: z.string().regex(SCHEMA_NAME, SCHEMA_NAME_RULE).default('bibob'),
  BIBOB_REPLAY_NAMESPACE: z.string().regex(/^[a-z][a-z0-9-]{0,62}$/, 'must be a lowercase slug').default('bibob'),
  /** How old a `screening.requested` envelope may be when it is consumed (a lagging consumer still takes it). */
  /** How long before a hard deadline (decision date, LBB advice due) the coordinators are alerted. */
  BIBOB_ALERT_LEAD_SECONDS: z.coerce.number({ error: 'must be a whole number of seconds from 1 to 31536000' }).int().min(1).max(31_536_000).default(7 * 24 * 60 * 60),
  /**
   * How often the safety-net sweep reschedules screenings whose alerts do not follow their latest change.
   * Each step reschedules its screening's alerts itself; the sweep only catches a step whose rescheduling
   * did not finish (the service died after the commit, or Redis was away at that moment).
   */
  BIBOB_ALERT_SWEEP_MS: z.coerce.number({ error: 'must be a whole number of milliseconds from 100 to 600000' }).int().min(100).max(600_000).default(60_000),
  /** The application clock (real time shifted by this many seconds) that deadlines and alerts read; 0 in production. */
  BIBOB_CLOCK_OFFSET_SECONDS: clockOffsetSeconds,
  /** Redis key prefix of the pool's BullMQ queues. */
  BIBOB_QUEUE_PREFIX: z.string().regex(/^[a-z][a-z0-9-]{0,62}$/, 'must be a lowercase slug').default('bull'),
  ENVELOPE_MAX_AGE_DAYS: z.coerce.number({ error: 'must be a whole number from 1 to 3650' }).int().min(1).max(3650).default(30),
});
export type BibobConfig = z.infer<typeof BibobConfigSchema>;

/** Nest injection token of the service's settings the controllers need (plain values, not a class). */
export const BIBOB_SETTINGS = Symbol('BibobSettings');
export interface BibobSettings {
  readonly municipalities: readonly string[];
  readonly poolParty: string;
}
