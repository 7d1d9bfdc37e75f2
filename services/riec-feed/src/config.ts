import { z } from 'zod';
import { SCHEMA_NAME, SCHEMA_NAME_RULE } from '@signaalhub/database';
import { DEFAULT_MUNICIPALITIES, DEFAULT_POOL_PARTY, MunicipalityId, PartyId } from '@signaalhub/contracts';
import { DEFAULT_K } from './disclosure/index.js';
import { clockOffsetSeconds, commaList, identityEnv, infrastructureEnv, kafkaEnv, keysEnv, port, wholeNumber } from '@signaalhub/config';

/** Every variable the service reads, validated once at start-up (DESIGN.md §8.6). */
export const RiecFeedConfigSchema = z.object({
  ...infrastructureEnv,
  ...kafkaEnv('riec-feed'),
  ...keysEnv,
  ...identityEnv,
  RIEC_FEED_PORT: port.default(3005),
  /** Shifts the application clock (when a month has ended, when an event is late); tests move time this way, never an endpoint. */
  RIEC_FEED_CLOCK_OFFSET_SECONDS: clockOffsetSeconds,
  /** The RIEC's own party: it reads headers as this party and opens envelopes addressed to it. */
  RIEC_PARTY: PartyId.default('riec-mn'),
  /** The Bibob coordinator pool: the only sender the feed takes screening events from. */
  BIBOB_POOL_PARTY: PartyId.default(DEFAULT_POOL_PARTY),
  /** The municipalities of the region; events about any other municipality are refused (dead letter, audit). */
  MUNICIPALITIES: commaList(MunicipalityId, 'must be a comma-separated list of municipality ids').default(DEFAULT_MUNICIPALITIES.map(({ id }) => id)),
  RIEC_FEED_DATABASE_SCHEMA: z.string().regex(SCHEMA_NAME, SCHEMA_NAME_RULE).default('riec_feed'),
  RIEC_FEED_REPLAY_NAMESPACE: z.string().regex(/^[a-z][a-z0-9-]{0,62}$/, 'must be a lowercase slug').default('riec-feed'),
  /**
   * How old a consumed header may be. The feed's projections are rebuilt by replaying the topics from the
   * start, so the default accepts every event the topics keep.
   */
  ENVELOPE_MAX_AGE_DAYS: wholeNumber(1, 3650).default(3650),
  /** Disclosure control: a released count from 1 to k−1 is suppressed. */
  RIEC_FEED_K: wholeNumber(2, 100).default(DEFAULT_K),
  /** The MISP event the hit summary is exported as: the same UUID each time, so a re-import updates it. */
  RIEC_FEED_MISP_EVENT_UUID: z.uuid().default('6d0f3c57-2a3e-4f43-9b8e-5f1d2c7a9e10'),
  /** The organisation (Orgc) the MISP event names as its creator. */
  RIEC_FEED_MISP_ORG_NAME: z.string().trim().min(1).default('RIEC Midden-Nederland'),
  RIEC_FEED_MISP_ORG_UUID: z.uuid().default('3a9b1e4c-7d2f-4c8a-8e6b-1f0a5d3c9b27'),
});
export type RiecFeedConfig = z.infer<typeof RiecFeedConfigSchema>;
