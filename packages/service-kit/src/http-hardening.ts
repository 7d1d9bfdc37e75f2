import type { NestExpressApplication } from '@nestjs/platform-express';
import { NotFoundFilter } from './not-found.filter.js';

/**
 * What every service's HTTP server shows an attacker, kept to the minimum: no `X-Powered-By` naming the
 * framework, and (for an API) 404s that never echo the requested path. The web application renders its
 * own Dutch 404 page instead.
 */
export function hardenHttp(app: NestExpressApplication, kind: 'api' | 'pages'): void {
  app.disable('x-powered-by');
  if (kind === 'api') app.useGlobalFilters(new NotFoundFilter());
}
