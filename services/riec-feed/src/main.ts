import { runService } from '@signaalhub/service-kit';
import { composeRiecFeed } from './composition.js';
import { RiecFeedConfigSchema } from './config.js';
import { CONSUMED_EVENTS } from './events/consumed-events.js';

runService({
  name: 'riec-feed',
  api: {
    title: 'Signaalhub RIEC feed',
    description: "The RIEC's regional picture: projections from verified event headers, cross-municipality hits and their exclusion list.",
  },
  config: RiecFeedConfigSchema,
  port: (config) => config.RIEC_FEED_PORT,
  identitySecret: (config) => config.IDENTITY_TOKEN_SECRET,
  compose: composeRiecFeed,
  consumes: CONSUMED_EVENTS,
});
