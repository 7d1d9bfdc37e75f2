import type { ValidationProblem } from '@signaalhub/contracts';
import { errorsOnFields, type FieldError } from './field-errors.js';
import { text, type FormBody } from './form-body.js';

/** The id of the month field of the "Publicatie samenstellen" form. */
export const RELEASE_FORM_FIELD_ID = 'maand';

/** `POST /api/releases` from the form: the month as typed, trimmed; the feed checks it (422 naming `period`). */
export const releaseBuildRequest = (body: FormBody): Record<string, unknown> => ({ period: text(body, 'period').trim() });

export function releaseFormErrors(problems: readonly ValidationProblem[]): FieldError[] {
  return errorsOnFields(problems, (field) => (field === 'period' ? { id: RELEASE_FORM_FIELD_ID, label: 'Maand' } : undefined));
}
