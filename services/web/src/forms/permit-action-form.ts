import { EXPIRY_REASONS, PERMIT_ACTIONS, REVOCATION_REASONS, type PermitAction, type ValidationProblem } from '@signaalhub/contracts';
import { errorsOnFields, type FieldError, type NamedField } from './field-errors.js';
import { text, texts, type FormBody } from './form-body.js';

/*
 * The forms of the permit's status machine (contracts' PermitActionRequest): the decision on an application
 * (zienswijze asked and received, grant with conditions, refusal) and what follows (suspend, reinstate,
 * revoke, let lapse). Each action is its own form with a hidden `action`; its fields have ids prefixed with
 * the action, so several forms on one page never share an id. Case-specific conditions are repeatable rows
 * of text, legal basis and source (a Bibob conclusion's proposed condition is art. 28 information).
 */

export const CONDITION_SOURCES = ['bibob', 'eigen'] as const;

/** The action named by the form, or undefined when the form names none we know (the registry is not called). */
export function permitActionOf(body: FormBody): PermitAction | undefined {
  const action = text(body, 'action');
  return (PERMIT_ACTIONS as readonly string[]).includes(action) ? (action as PermitAction) : undefined;
}

export const permitFieldId = (action: PermitAction, field: string): string => `${action}-${field}`;
export const conditionFieldId = (row: number, part: 'tekst' | 'grondslag' | 'herkomst'): string => `voorschrift-${row}-${part}`;

/** The conditions' rows: a row without text and legal basis is no condition. */
function conditionRows(body: FormBody): { text: string; legalBasis: string; fromBibob: boolean }[] {
  const textsOf = texts(body, 'conditionText');
  const bases = texts(body, 'conditionBasis');
  const sources = texts(body, 'conditionSource');
  return textsOf
    .map((conditionText, index) => ({ text: conditionText, legalBasis: bases[index] ?? '', fromBibob: sources[index] === 'bibob' }))
    .filter((row) => row.text.trim() !== '' || row.legalBasis.trim() !== '');
}

/** The body of `POST /api/permits/:id/actions` for `action`. */
export function permitActionRequest(action: PermitAction, body: FormBody): Record<string, unknown> {
  const common = { action, date: text(body, 'actionDate'), reason: text(body, 'reason') };
  switch (action) {
    case 'verlenen':
      return { ...common, permitNumber: text(body, 'permitNumber'), validFrom: text(body, 'validFrom'), validUntil: text(body, 'validUntil'), conditions: conditionRows(body) };
    case 'schorsen':
      return { ...common, from: text(body, 'suspendedFrom'), until: text(body, 'suspendedUntil') };
    case 'intrekken':
    case 'laten-vervallen':
      return { ...common, ground: text(body, 'ground') };
    case 'zienswijze-vragen':
    case 'zienswijze-ontvangen':
    case 'weigeren':
    case 'schorsing-opheffen':
      return common;
  }
}

/** The grounds a revocation or lapse may have, in Dutch. */
export const REVOCATION_GROUND_LABELS: Readonly<Record<(typeof REVOCATION_REASONS)[number], string>> = {
  bibob: 'Bibob: ernstig gevaar van misbruik (art. 3 Wet Bibob)',
  'voorschrift-overtreden': 'Een voorschrift van de vergunning is overtreden',
  'op-verzoek': 'Op verzoek van de vergunninghouder',
};

export const EXPIRY_GROUND_LABELS: Readonly<Record<(typeof EXPIRY_REASONS)[number], string>> = {
  'geldigheid-verstreken': 'De geldigheidsduur is verstreken',
  uitgeschreven: 'Het bedrijf is uitgeschreven uit het handelsregister',
};

const LABELS: Readonly<Record<string, string>> = {
  date: 'Datum',
  reason: 'Reden',
  permitNumber: 'Vergunningnummer',
  validFrom: 'Geldig vanaf',
  validUntil: 'Geldig tot en met',
  from: 'Geschorst vanaf',
  until: 'Geschorst tot en met',
  ground: 'Grond',
};

/** The form field ids (named after the API's fields) of `action`. */
const FIELD_IDS: Readonly<Record<string, string>> = { date: 'datum', reason: 'reden', permitNumber: 'nummer', validFrom: 'geldig-vanaf', validUntil: 'geldig-tot', from: 'vanaf', until: 'tot', ground: 'grond' };

export const permitField = (action: PermitAction, apiField: keyof typeof LABELS): string => permitFieldId(action, FIELD_IDS[apiField] ?? apiField);

/** The registry's problems as errors on the action's fields; a rule on the action itself (zienswijze first) stands alone. */
export function permitActionErrors(action: PermitAction, problems: readonly ValidationProblem[]): FieldError[] {
  return errorsOnFields(problems, (field): NamedField | undefined => {
    const condition = /^conditions\.(\d+)\.(text|legalBasis|fromBibob)$/.exec(field);
    if (condition !== null) {
      const row = Number(condition[1]);
      const part = condition[2] === 'text' ? 'tekst' : condition[2] === 'legalBasis' ? 'grondslag' : 'herkomst';
      return { id: conditionFieldId(row, part), label: `Voorschrift ${row + 1}, ${part === 'tekst' ? 'tekst' : part === 'grondslag' ? 'wettelijke grondslag' : 'herkomst'}` };
    }
    if (field === 'conditions') return { id: conditionFieldId(0, 'tekst'), label: 'Voorschriften' };
    const label = LABELS[field];
    return label === undefined ? undefined : { id: permitFieldId(action, FIELD_IDS[field] ?? field), label };
  });
}

/** A refused action (409, or a rule on no field): the registry's Dutch message. */
export const refusedActionError = (message: string): FieldError => ({ fieldId: undefined, message });
