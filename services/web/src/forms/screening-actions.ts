import type { ValidationProblem } from '@signaalhub/contracts';
import { distinctErrors, errorsOnFields, type FieldError } from './field-errors.js';
import { checked, text, texts, type FormBody } from './form-body.js';

/*
 * The action forms on a screening's page (next step, questionnaire, conclusion, approval, disclosure):
 * their bodies for the bibob API, and the API's problems as Dutch errors next to the right field.
 */

export type ScreeningAction = 'stap' | 'vragenlijst' | 'conclusie' | 'goedkeuring' | 'verstrekking' | 'informatieverzoek';

export const ACTION_FIELD_IDS = {
  requestSignal: 'verzoek-melding',
  requestPurpose: 'verzoek-doel',
  step: 'stap-soort',
  stepReason: 'stap-reden',
  stepDate: 'stap-datum',
  level: 'conclusie-niveau',
  grounds: 'conclusie-gronden',
  conditions: 'conclusie-voorschriften',
  explanation: 'conclusie-toelichting',
  conclusionReason: 'conclusie-reden',
  approvalReason: 'goedkeuring-reden',
  groundCode: 'verstrekking-code',
  groundExplanation: 'verstrekking-toelichting',
} as const;

export const questionnaireFieldId = (item: string, part: 'compleet' | 'antwoord'): string => `vraag-${item}-${part}`;

export function transitionBody(body: FormBody): Record<string, unknown> {
  const date = text(body, 'date').trim();
  return { step: text(body, 'step'), reason: text(body, 'reason'), ...(date === '' ? {} : { date }) };
}

/** One update per checklist item on the page. */
export function questionnaireUpdates(body: FormBody, items: readonly string[]): { item: string; update: Record<string, unknown> }[] {
  return items.map((item) => {
    const answer = text(body, `answer-${item}`);
    return { item, update: { complete: checked(body, `complete-${item}`), ...(answer.trim() === '' ? {} : { answer }) } };
  });
}

export function conclusionBody(body: FormBody): Record<string, unknown> {
  const conditions = text(body, 'proposedConditions')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
  return {
    conclusion: { level: text(body, 'level'), grounds: texts(body, 'grounds'), proposedConditions: conditions, explanation: text(body, 'explanation') },
    reason: text(body, 'reason'),
  };
}

export const approvalBody = (body: FormBody): Record<string, unknown> => ({ reason: text(body, 'reason') });

export const informationRequestBody = (body: FormBody): Record<string, unknown> => ({ signalId: text(body, 'signalId'), purpose: text(body, 'purpose') });

export const disclosureBody = (body: FormBody): Record<string, unknown> => ({ ground: { code: text(body, 'groundCode'), explanation: text(body, 'groundExplanation') } });

const FIELDS: Readonly<Record<ScreeningAction, Readonly<Record<string, { readonly id: string; readonly label: string }>>>> = {
  stap: {
    step: { id: ACTION_FIELD_IDS.step, label: 'Stap' },
    reason: { id: ACTION_FIELD_IDS.stepReason, label: 'Reden van de stap' },
    date: { id: ACTION_FIELD_IDS.stepDate, label: 'Datum van de stap' },
  },
  vragenlijst: {},
  conclusie: {
    'conclusion.level': { id: ACTION_FIELD_IDS.level, label: 'Mate van gevaar' },
    'conclusion.grounds': { id: ACTION_FIELD_IDS.grounds, label: 'Grond' },
    'conclusion.proposedConditions': { id: ACTION_FIELD_IDS.conditions, label: 'Voorgestelde voorschriften' },
    'conclusion.explanation': { id: ACTION_FIELD_IDS.explanation, label: 'Onderbouwing' },
    reason: { id: ACTION_FIELD_IDS.conclusionReason, label: 'Reden' },
  },
  goedkeuring: { reason: { id: ACTION_FIELD_IDS.approvalReason, label: 'Reden van goedkeuring' } },
  informatieverzoek: {
    signalId: { id: ACTION_FIELD_IDS.requestSignal, label: 'Melding' },
    purpose: { id: ACTION_FIELD_IDS.requestPurpose, label: 'Doel van het verzoek' },
  },
  verstrekking: {
    'ground.code': { id: ACTION_FIELD_IDS.groundCode, label: 'Code van de grond' },
    'ground.explanation': { id: ACTION_FIELD_IDS.groundExplanation, label: 'Toelichting op de grond' },
  },
};

/** Errors naming the field; a problem on no field of the form (e.g. the approver) stands alone. */
export function actionErrors(action: ScreeningAction, problems: readonly ValidationProblem[]): FieldError[] {
  if (action === 'vragenlijst') return distinctErrors(problems.map((problem) => ({ fieldId: undefined, message: `Vragenlijst: ${problem.message}` })));
  return errorsOnFields(problems, (field) => FIELDS[action][field] ?? FIELDS[action][field.replace(/\.\d+$/, '')]);
}

/** A step refused in this phase (409): the service's Dutch message, on no field. */
export const refusedStepError = (message: string): FieldError => ({ fieldId: undefined, message });
