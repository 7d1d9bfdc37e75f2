import 'reflect-metadata';
import { exitOnStartFailure, loadConfigOrExit } from '@signaalhub/config';
import { createLogger } from '@signaalhub/logging';
import { WebConfigSchema } from './config.js';
import { createWebApp } from './web-app.js';
import { createWebParts } from './web-parts.js';

async function main(): Promise<void> {
  const config = loadConfigOrExit(WebConfigSchema);
  const logger = createLogger('web', config.LOG_LEVEL);
  const parts = await createWebParts(config, logger);
  const app = await createWebApp(parts);
  // SIGTERM: Nest closes the HTTP server first, then InfrastructureLifecycle closes Redis and PostgreSQL.
  app.enableShutdownHooks(['SIGTERM', 'SIGINT'], { useProcessExit: true });
  await app.listen(config.WEB_PORT, config.WEB_HOST);
  logger.info({ port: config.WEB_PORT, host: config.WEB_HOST, node: process.version }, 'web listening');
}

main().catch((error: unknown) => {
  exitOnStartFailure('web', error);
});
