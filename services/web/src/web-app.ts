import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { AppModule, type WebParts } from './app.module.js';
import { securityHeaders } from './http/security-headers.js';

const packageDirectory = (specifier: string): string => dirname(fileURLToPath(import.meta.resolve(specifier)));

/** The NestJS application with its static files (NL Design System CSS and tokens, own CSS) and headers. */
export async function createWebApp(parts: WebParts): Promise<NestExpressApplication> {
  // Nest declares its options as a class; a literal is how its own documentation passes them.
  // eslint-disable-next-line @typescript-eslint/no-unsafe-class-instance-assignment
  const app = await NestFactory.create<NestExpressApplication>(AppModule.register(parts), { logger: ['error', 'warn'] });
  app.disable('x-powered-by');
  app.use(securityHeaders);
  app.useStaticAssets(packageDirectory('@utrecht/component-library-css/package.json') + '/dist', { prefix: '/static/utrecht/component-library/' });
  app.useStaticAssets(packageDirectory('@utrecht/design-tokens/package.json') + '/dist', { prefix: '/static/utrecht/design-tokens/' });
  app.useStaticAssets(join(fileURLToPath(new URL('..', import.meta.url)), 'public'), { prefix: '/static/' });
  return app;
}
