import type { NestExpressApplication } from '@nestjs/platform-express';

/** Largest accepted form body: the signal form with a full free text is well under 32 kB. */
export const FORM_BODY_LIMIT_BYTES = 64 * 1024;

/**
 * HTML form bodies (`application/x-www-form-urlencoded`) and nothing else. `extended` parsing keeps
 * `a[b]=1` as a nested value and a repeated field as a list, so the application can name and refuse
 * both instead of reading one value and dropping the rest. The raw body is kept (`rawBody`) for the UTF-8 check.
 */
export function useFormBody(app: NestExpressApplication): void {
  app.useBodyParser('urlencoded', { extended: true, limit: FORM_BODY_LIMIT_BYTES });
}
