import { clockOffsetSeconds, commaList, identityEnv, infrastructureEnv, kafkaEnv, keysEnv, port, wholeNumber } from '@signaalhub/config';
import { DEFAULT_MUNICIPALITIES, MunicipalityId, PartyId } from '@signaalhub/contracts';
import { SCHEMA_NAME, SCHEMA_NAME_RULE } from '@signaalhub/database';
import { z } from 'zod';

const slug = (what: string) => z.string().regex(/^[a-z][a-z0-9_-]{0,40}$/, `must be a ${what}: lowercase letters, digits, - and _`);

/** Every variable the service reads, validated once at start-up (DESIGN.md §8.6). */
export const MeetingConfigSchema = z.object({
  ...infrastructureEnv,
  ...kafkaEnv('meeting'),
  ...keysEnv,
  ...identityEnv,
  MEETING_PORT: port.default(3002),
  /** Municipalities with an agenda, e.g. `baarn,soest`; their parties follow the `gemeente-<id>` convention. */
  MUNICIPALITIES: commaList(MunicipalityId, 'must be a comma-separated list of municipality ids')
    .optional()
    .transform((ids) => ids ?? DEFAULT_MUNICIPALITIES.map((municipality) => municipality.id)),
  /** Parties that sit at every municipality's meeting (may list every agenda, open what names them). */
  MEETING_PARTNER_PARTIES: commaList(PartyId, 'must be a comma-separated list of party ids').default(['politie-bes', 'riec-mn']),
  /** The party a decision with a RIEC hand-over is also sealed to. */
  RIEC_PARTY: PartyId.default('riec-mn'),
  MEETING_DATABASE_SCHEMA: z.string().regex(SCHEMA_NAME, SCHEMA_NAME_RULE).default('meeting'),
  /** BullMQ key prefix in Redis; tests use their own so queues of parallel runs never meet. */
  MEETING_QUEUE_PREFIX: slug('Redis key prefix').default('bull'),
  MEETING_REPLAY_NAMESPACE: z.string().regex(/^[a-z][a-z0-9-]{0,62}$/, 'must be a lowercase slug').default('meeting'),
  /**
   * How old a signal envelope may be when it is consumed. Generous on purpose: a new consumer group, or a
   * service that was down for a while, reads old messages that must still reach an agenda.
   */
  ENVELOPE_MAX_AGE_DAYS: z.coerce.number({ error: 'must be a whole number from 1 to 3650' }).int().min(1).max(3650).default(30),
  /** How many days before its due date an open action is reminded as due (it is reminded as overdue at the date). */
  ACTION_REMINDER_LEAD_DAYS: wholeNumber(1, 365).default(7),
  /**
   * The application clock: real time shifted by this many seconds. Reminders, "overdue" and "not in the
   * past" read it; BullMQ waits in real time. 0 in production; rehearsals and tests move "now" to just
   * before a reminder instead of waiting days (never through an endpoint).
   */
  MEETING_CLOCK_OFFSET_SECONDS: clockOffsetSeconds,
});
export type MeetingConfig = z.infer<typeof MeetingConfigSchema>;

/** Nest injection token of the municipalities with an agenda (a plain list, not a class). */
export const MUNICIPALITY_LIST = Symbol('MunicipalityList');
