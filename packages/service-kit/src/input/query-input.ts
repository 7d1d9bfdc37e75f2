import type { ValidationProblem } from '@signaalhub/contracts';
import { controlCharacterProblems, inputProblem, invalidUtf8Fields, rawQueryOf, urlencodedFieldName } from './text-input.js';

/**
 * Problems of a request's query: every parameter is one value (a repeated `?a=1&a=2` or a nested
 * `?a[b]=1` names the parameter), valid UTF-8 (read from the raw URL) and free of control characters.
 * No endpoint takes a list in its query; one that does reads it as a single comma-separated value.
 */
export function queryProblems(url: string, query: unknown): ValidationProblem[] {
  const problems = invalidUtf8Fields(rawQueryOf(url)).map((field) => inputProblem(field, 'invalidUtf8'));
  if (typeof query !== 'object' || query === null) return problems;
  for (const [key, value] of Object.entries(query)) {
    const field = urlencodedFieldName(encodeURIComponent(key));
    if (key.includes('[') || (typeof value === 'object' && value !== null && !Array.isArray(value))) problems.push(inputProblem(field, 'nested'));
    else if (Array.isArray(value)) problems.push(inputProblem(field, 'repeated'));
  }
  if (problems.length > 0) return problems;
  return controlCharacterProblems(query);
}
