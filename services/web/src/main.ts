import { runService } from '@signaalhub/service-kit';
import { composeWeb } from './composition.js';
import { WebConfigSchema } from './config.js';

// The web application calls the services' APIs; it has no API of its own (no OpenAPI) and takes HTML forms.
runService({
  name: 'web',
  config: WebConfigSchema,
  bodies: 'forms',
  port: (config) => config.WEB_PORT,
  host: (config) => config.WEB_HOST,
  compose: composeWeb,
});
