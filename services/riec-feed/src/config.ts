import { z } from 'zod';
import { SCHEMA_NAME, SCHEMA_NAME_RULE } from '@signaalhub/database';
import { DEFAULT_MUNICIPALITIES, DEFAULT_POOL_PARTY, MunicipalityId, PartyId } from '@signaalhub/contracts';
import { commaList, identityEnv, infrastructureEnv, kafkaEnv, keysEnv, port, wholeNumber } from '@signaalhub/config';

/** Every variable the service reads, validated once at start-up (DESIGN.md §8.6). */
export const RiecFeedConfigSchema = z.object({
  ...infrastructureEnv,
  ...kafkaEnv('riec-feed'),
  ...keysEnv,
  ...identityEnv,
  RIEC_FEED_PORT: port.default(3005),
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
});
export type RiecFeedConfig = z.infer<typeof RiecFeedConfigSchema>;
