import type { ValidationProblem } from '@signaalhub/contracts';
import { errorsOnFields, type FieldError } from './field-errors.js';
import { text, type FormBody } from './form-body.js';

/** "Herscreening aanvragen" on an establishment's signal flags: `{ reason }` for the registry, its problems next to the field. */
export const RESCREENING_FIELD_ID = 'herscreening-reden';

export const rescreeningRequest = (body: FormBody): Record<string, unknown> => ({ reason: text(body, 'reason') });

export function rescreeningErrors(problems: readonly ValidationProblem[]): FieldError[] {
  return errorsOnFields(problems, (field) => (field === 'reason' ? { id: RESCREENING_FIELD_ID, label: 'Reden van de herscreening' } : undefined));
}
