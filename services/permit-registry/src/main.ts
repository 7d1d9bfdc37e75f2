import { runService } from '@signaalhub/service-kit';
import { composePermitRegistry } from './composition.js';
import { PermitRegistryConfigSchema } from './config.js';
import { CONSUMED_EVENTS } from './events/consumed-events.js';

runService({
  name: 'permit-registry',
  api: {
    title: 'Signaalhub permit registry',
    description: 'The autobranche permit registry (Soest first; municipalities from configuration): establishments, applications, Bibob screenings, permits.',
  },
  config: PermitRegistryConfigSchema,
  port: (config) => config.PERMIT_REGISTRY_PORT,
  identitySecret: (config) => config.IDENTITY_TOKEN_SECRET,
  compose: composePermitRegistry,
  consumes: CONSUMED_EVENTS,
});
