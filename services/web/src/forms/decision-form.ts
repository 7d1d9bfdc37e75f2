import { APPROACHES, type ValidationProblem } from '@signaalhub/contracts';
import { distinctErrors, type FieldError } from './field-errors.js';
import { checked, text, type FormBody } from './form-body.js';

/** Action rows the form offers; empty rows are left out of the decision. */
export const ACTION_ROWS = 3;

export interface DecisionFormValues {
  readonly approach: string;
  readonly leadParty: string;
  readonly actions: readonly { readonly description: string; readonly dueDate: string }[];
  readonly riecHandover: boolean;
  readonly feedback: string;
}

export const DECISION_FIELD_IDS = {
  approach: 'aanpak',
  leadParty: 'trekker',
  riecHandover: 'riec-overdracht',
  feedback: 'terugkoppeling',
} as const;

export const actionDescriptionId = (row: number): string => `actie-${row + 1}-omschrijving`;
export const actionDueDateId = (row: number): string => `actie-${row + 1}-datum`;

export function emptyDecisionForm(leadParty: string): DecisionFormValues {
  return {
    approach: '',
    leadParty,
    actions: Array.from({ length: ACTION_ROWS }, () => ({ description: '', dueDate: '' })),
    riecHandover: false,
    feedback: '',
  };
}

export function decisionFormFromBody(body: FormBody): DecisionFormValues {
  return {
    approach: text(body, 'approach'),
    leadParty: text(body, 'leadParty'),
    actions: Array.from({ length: ACTION_ROWS }, (_, row) => ({
      description: text(body, `action${row + 1}Description`),
      dueDate: text(body, `action${row + 1}DueDate`),
    })),
    riecHandover: checked(body, 'riecHandover'),
    feedback: text(body, 'feedback'),
  };
}

export interface DecisionDraft {
  readonly request: Record<string, unknown>;
  /** Form row of each action sent, so `actions.1.dueDate` finds its row. */
  readonly actionRows: readonly number[];
}

export function decisionDraft(values: DecisionFormValues): DecisionDraft {
  const actionRows: number[] = [];
  const actions: { description: string; dueDate: string }[] = [];
  values.actions.forEach((action, row) => {
    if (action.description.trim() === '' && action.dueDate.trim() === '') return;
    actionRows.push(row);
    actions.push({ description: action.description.trim(), dueDate: action.dueDate.trim() });
  });
  return {
    request: {
      ...(values.approach === '' ? {} : { approach: values.approach }),
      ...(values.leadParty === '' ? {} : { leadParty: values.leadParty }),
      actions,
      riecHandover: values.riecHandover,
      feedback: values.feedback,
    },
    actionRows,
  };
}

export function decisionFieldIdFor(field: string, actionRows: readonly number[]): string | undefined {
  const [head, index, leaf] = field.split('.');
  switch (head ?? '') {
    case 'approach':
      return DECISION_FIELD_IDS.approach;
    case 'leadParty':
      return DECISION_FIELD_IDS.leadParty;
    case 'riecHandover':
      return DECISION_FIELD_IDS.riecHandover;
    case 'feedback':
      return DECISION_FIELD_IDS.feedback;
    case 'actions': {
      const row = actionRows[Number(index)] ?? 0;
      return leaf === 'dueDate' ? actionDueDateId(row) : actionDescriptionId(row);
    }
    default:
      return undefined;
  }
}

export function decisionFormErrors(problems: readonly ValidationProblem[], draft: DecisionDraft): FieldError[] {
  return distinctErrors(
    problems.map((problem) => {
      const fieldId = decisionFieldIdFor(problem.field, draft.actionRows);
      // The approach is a radio group: its error links to the first option.
      const anchor = fieldId === DECISION_FIELD_IDS.approach ? `${DECISION_FIELD_IDS.approach}-${APPROACHES[0]}` : undefined;
      return { fieldId, message: problem.message, ...(anchor === undefined ? {} : { anchor }) };
    }),
  );
}
