import { validateRequest, type ValidationProblem } from '@signaalhub/contracts';
import type { z } from 'zod';
import { InvalidScreeningInput } from './screening-errors.js';

/** The body as `schema` says, or InvalidScreeningInput (400) naming every field that is wrong (an unknown one by its own name). */
export function parseBody<S extends z.ZodType>(schema: S, body: unknown): z.output<S> {
  const parsed = validateRequest(schema, body);
  if (!parsed.success) throw new InvalidScreeningInput(parsed.problems);
  return parsed.data;
}

/** A rule of the procedure broken by otherwise well-formed input (422). */
export function ruleBroken(field: string, rule: string, message: string): InvalidScreeningInput {
  const problem: ValidationProblem = { field, rule, message };
  return new InvalidScreeningInput([problem], 'rule');
}

/** Today in UTC, `YYYY-MM-DD`, from the application clock. */
export function today(clock: () => Date): string {
  return clock().toISOString().slice(0, 10);
}
