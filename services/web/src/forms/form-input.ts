import { Injectable, type NestMiddleware, type RawBodyRequest } from '@nestjs/common';
import type { ValidationProblem } from '@signaalhub/contracts';
import { controlCharacterProblems, declaredCharset, inputProblem, invalidUtf8Fields, isUtf8Charset, queryProblems } from '@signaalhub/service-kit';
import type { NextFunction, Request, Response } from 'express';
import { InvalidFormInput } from './invalid-form-input.js';

/** Fields that hold an object or a list with an object: no form of ours nests. */
function nestedFields(body: unknown): ValidationProblem[] {
  if (typeof body !== 'object' || body === null) return [];
  return Object.entries(body)
    .filter(([, value]) => typeof value === 'object' && value !== null && !(Array.isArray(value) && value.every((item) => typeof item === 'string')))
    .map(([name]) => inputProblem(name, 'nested'));
}

/** Everything wrong with a request's query and form body before any page reads it. */
export function formInputProblems(request: RawBodyRequest<Request>): ValidationProblem[] {
  const query = queryProblems(request.originalUrl, request.query);
  if (request.rawBody === undefined) return query;
  if (!isUtf8Charset(declaredCharset(request.headers['content-type']))) return [...query, inputProblem('body', 'invalidUtf8')];
  const invalidUtf8 = invalidUtf8Fields(request.rawBody).map((field) => inputProblem(field, 'invalidUtf8'));
  const nested = nestedFields(request.body);
  // A field already refused is not checked again: its value is not the text the person meant.
  const refused = new Set([...invalidUtf8, ...nested].map((problem) => problem.field));
  const control = controlCharacterProblems(request.body).filter((problem) => !refused.has(problem.field.split('.')[0] ?? ''));
  return [...query, ...invalidUtf8, ...nested, ...control];
}

/**
 * The input check of every page, before guards and controllers: invalid UTF-8, control characters
 * (tab and line breaks are free text's) and nested fields become a 422 naming the field. A repeated
 * field is refused where a page reads one value (`text`).
 */
@Injectable()
export class FormInputMiddleware implements NestMiddleware {
  use(request: RawBodyRequest<Request>, _response: Response, next: NextFunction): void {
    const problems = formInputProblems(request);
    if (problems.length > 0) throw new InvalidFormInput(problems);
    next();
  }
}
