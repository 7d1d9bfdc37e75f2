import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';

/**
 * Largest accepted JSON body. A signal is a few kB and a decision with 50 actions of 1,000 characters
 * plus feedback fits; 64 kB leaves room without inviting abuse.
 */
export const JSON_BODY_LIMIT_BYTES = 64 * 1024;

interface BodyParserError {
  readonly type?: unknown;
}

function bodyProblem(rule: string, message: string): { error: 'validation'; problems: { field: string; rule: string; message: string }[] } {
  return { error: 'validation', problems: [{ field: 'body', rule, message }] };
}

/**
 * Turns the JSON body parser's errors into the API's 400 body. The parser's own messages quote the
 * input (`Unexpected token … in "…"`), so they are neither returned nor logged.
 */
export function jsonBodyErrors(error: unknown, _request: Request, response: Response, next: NextFunction): void {
  const type = typeof error === 'object' && error !== null ? (error as BodyParserError).type : undefined;
  switch (type) {
    case 'entity.parse.failed':
      response.status(400).json(bodyProblem('must be well-formed JSON (an object)', 'De inhoud is geen geldige JSON'));
      return;
    case 'entity.too.large':
      response
        .status(400)
        .json(bodyProblem(`must be at most ${JSON_BODY_LIMIT_BYTES} bytes`, `De inhoud is te groot (maximaal ${JSON_BODY_LIMIT_BYTES / 1024} kB)`));
      return;
    case 'charset.unsupported':
    case 'encoding.unsupported':
      response.status(400).json(bodyProblem('must be UTF-8 encoded JSON', 'De inhoud moet UTF-8-gecodeerde JSON zijn'));
      return;
    default:
      next(error);
  }
}

/** The problem for a body that was not sent as JSON at all (wrong or missing Content-Type). */
export const NOT_JSON_PROBLEM = bodyProblem('must be sent as application/json', 'De inhoud moet als JSON (application/json) worden verstuurd');

/**
 * Our own JSON parser, for an app created with `bodyParser: false`: a size limit, and parse errors
 * answered as 400 naming `body` (never echoing it).
 */
export function useJsonBody(app: NestExpressApplication): void {
  app.useBodyParser('json', { limit: JSON_BODY_LIMIT_BYTES });
  app.use(jsonBodyErrors);
}
