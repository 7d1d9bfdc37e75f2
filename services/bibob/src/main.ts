import { runService } from '@signaalhub/service-kit';
import { composeBibob } from './composition.js';
import { BibobConfigSchema } from './config.js';
import { CONSUMED_EVENTS } from './events/consumed-events.js';

runService({
  name: 'bibob',
  api: { title: 'Signaalhub bibob', description: 'The BES Bibob coordinator pool: screenings, their lifecycle, conclusions and the art. 28 disclosure register.' },
  config: BibobConfigSchema,
  port: (config) => config.BIBOB_PORT,
  identitySecret: (config) => config.IDENTITY_TOKEN_SECRET,
  compose: composeBibob,
  consumes: CONSUMED_EVENTS,
});
