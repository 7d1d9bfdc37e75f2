import { runService } from '@signaalhub/service-kit';
import { composePermitRegistry } from './composition.js';
import { PermitRegistryConfigSchema } from './config.js';
import { CONSUMED_EVENTS } from './events/consumed-events.js';

runService({
  name: 'permit-registry',
  api: {
    title: 'Signaalhub permit registry',
    description: 'The autobranche permit registry (Soest first; municipalities from configuration): establishments, applications, Bibob screenings, permits, and the public register (/api/public-register: no sign-in, the one exception to the identity header below).',
  },
  config: PermitRegistryConfigSchema,
  port: (config) => config.PERMIT_REGISTRY_PORT,
  identitySecret: (config) => config.IDENTITY_TOKEN_SECRET,
  compose: composePermitRegistry,
  consumes: CONSUMED_EVENTS,
});
