import type { ValidationProblem } from '@signaalhub/contracts';
import type { FieldError } from '../forms/field-errors.js';
import { ServiceCallError, ServiceValidationError } from '../services/service-call-error.js';

/**
 * A refused call to the registry as errors to show on the page it came from: its problems next to their
 * fields (400/422), or its Dutch reason when the request did not fit what exists (409). Anything else is
 * rethrown for the Dutch error pages.
 */
export function registryRefusal(error: unknown, onFields: (problems: readonly ValidationProblem[]) => FieldError[]): FieldError[] {
  if (error instanceof ServiceValidationError) return onFields(error.problems);
  if (error instanceof ServiceCallError && error.failure === 'conflict' && error.userMessage !== undefined) return [{ fieldId: undefined, message: error.userMessage }];
  throw error;
}
