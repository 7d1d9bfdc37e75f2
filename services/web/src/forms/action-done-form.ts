import type { ValidationProblem } from '@signaalhub/contracts';
import type { FieldError } from './field-errors.js';
import { text, type FormBody } from './form-body.js';

/** The "Actie afronden" form as typed; the meeting service validates it. */
export interface ActionDoneFormValues {
  readonly doneOn: string;
  readonly note: string;
}

export const ACTION_DONE_FIELD_IDS = { doneOn: 'afgerond-op', note: 'afgerond-toelichting' } as const;

export function emptyActionDoneForm(today: string): ActionDoneFormValues {
  return { doneOn: today, note: '' };
}

export function actionDoneFormFromBody(body: FormBody): ActionDoneFormValues {
  return { doneOn: text(body, 'doneOn').trim(), note: text(body, 'note') };
}

/** The service's problems next to their fields (Dutch messages from the contracts). */
export function actionDoneFormErrors(problems: readonly ValidationProblem[]): FieldError[] {
  return problems.map((problem) => ({
    fieldId: problem.field === 'doneOn' || problem.field === 'note' ? ACTION_DONE_FIELD_IDS[problem.field] : undefined,
    message: problem.message,
  }));
}
