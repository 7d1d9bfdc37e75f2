import type { ValidationProblem } from '@signaalhub/contracts';
import { errorsOnFields, type FieldError } from './field-errors.js';
import { text, type FormBody } from './form-body.js';

/** The purpose field of a signal's "verzoek om informatie" form on a hit's page (one form per signal). */
export const hitRequestFieldId = (signalId: string): string => `doel-${signalId}`;

export const hitRequestBody = (body: FormBody): Record<string, unknown> => ({ signalId: text(body, 'signalId'), purpose: text(body, 'purpose') });

export function hitRequestErrors(signalId: string, problems: readonly ValidationProblem[]): FieldError[] {
  return errorsOnFields(problems, (field) => (field === 'purpose' ? { id: hitRequestFieldId(signalId), label: 'Doel en grondslag van het verzoek' } : undefined));
}
