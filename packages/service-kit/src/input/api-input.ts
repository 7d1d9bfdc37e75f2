import { isUtf8 } from 'node:buffer';
import { BadRequestException, type ArgumentMetadata, type PipeTransform, type RawBodyRequest } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { ApiError, ValidationProblem } from '@signaalhub/contracts';
import type { NextFunction, Request, Response } from 'express';
import { z } from 'zod';
import { queryProblems } from './query-input.js';
import { controlCharacterProblems, declaredCharset, inputProblem, isDecodablePath, isUtf8Charset } from './text-input.js';

const VALIDATION_MESSAGE = 'De invoer is niet geldig.';

/** The API's 400 body; a problem of the whole body (zod's root path ``) is named `body`, so every problem names a field. */
export function validationBody(problems: readonly ValidationProblem[]): ApiError {
  return { error: 'validation', message: VALIDATION_MESSAGE, problems: problems.map((problem) => (problem.field === '' ? { ...problem, field: 'body' } : problem)) };
}

/** 400 naming each field and its rule; nothing was stored. */
export function invalidInput(problems: readonly ValidationProblem[]): BadRequestException {
  return new BadRequestException(validationBody(problems));
}

const Uuid = z.uuid();

/**
 * `@Param('id', UuidParameter)`: a path id that is no UUID is a 400 naming the parameter, so the
 * database never sees a malformed id.
 */
export class UuidParameter implements PipeTransform<string, string> {
  transform(value: string, metadata: ArgumentMetadata): string {
    if (Uuid.safeParse(value).success) return value;
    throw invalidInput([{ field: metadata.data ?? 'id', rule: 'must be a UUID', message: 'Moet een geldige UUID zijn' }]);
  }
}

/** A path that does not decode to text (`%FF`, `%00`) is no address of this API: 400 naming `path`, never a 500. */
function undecodablePaths(request: Request, response: Response, next: NextFunction): void {
  if (isDecodablePath(request.path)) {
    next();
    return;
  }
  response.status(400).json(validationBody([{ field: 'path', rule: 'must be a valid UTF-8 address without control characters', message: 'Dit adres is ongeldig' }]));
}

/**
 * The body as sent is UTF-8 and declares no other charset (RFC 8259 §8.1): the JSON parser accepts UTF-16
 * and UTF-32 and replaces invalid bytes silently with U+FFFD.
 */
function bodyEncodingProblems(request: RawBodyRequest<Request>): ValidationProblem[] {
  if (request.rawBody === undefined) return [];
  return isUtf8Charset(declaredCharset(request.headers['content-type'])) && isUtf8(request.rawBody) ? [] : [inputProblem('body', 'invalidUtf8')];
}

/** After the JSON parser: query parameters and every string of the body (values and keys) must be clean text. */
function textInput(request: RawBodyRequest<Request>, response: Response, next: NextFunction): void {
  const encoding = bodyEncodingProblems(request);
  const problems = [...queryProblems(request.originalUrl, request.query), ...(encoding.length > 0 ? encoding : controlCharacterProblems(request.body, []))];
  if (problems.length === 0) {
    next();
    return;
  }
  response.status(400).json(validationBody(problems));
}

/** Input hardening every API inherits: decodable paths, single-valued clean query parameters, bodies of clean text. */
export function useApiInputChecks(app: NestExpressApplication): void {
  app.use(undecodablePaths);
  app.use(textInput);
}
