import { FormFieldErrorMessage } from '@utrecht/component-library-react';
import type { ReactNode } from 'react';
import { errorMessageId } from '../forms/field-errors.js';

/** The error next to a field; its id is in the field's aria-describedby. */
export function FieldErrorMessage({ fieldId, messages }: { readonly fieldId: string; readonly messages: readonly string[] }): ReactNode {
  if (messages.length === 0) return null;
  return (
    <FormFieldErrorMessage id={errorMessageId(fieldId)} className="sh-field-error">
      <span className="sh-visually-hidden">Fout: </span>
      {messages.join(' ')}
    </FormFieldErrorMessage>
  );
}
