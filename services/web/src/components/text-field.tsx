import { FormField, FormFieldDescription, FormLabel, Textarea, Textbox } from '@utrecht/component-library-react';
import type { HTMLInputAutoCompleteAttribute, ReactNode } from 'react';
import { describedBy, descriptionId } from '../forms/field-errors.js';
import { FieldErrorMessage } from './field-error-message.js';

export interface TextFieldProps {
  readonly id: string;
  readonly name: string;
  readonly label: string;
  readonly value: string;
  readonly errors?: readonly string[];
  readonly description?: string;
  readonly type?: 'text' | 'password' | 'date';
  readonly autoComplete?: HTMLInputAutoCompleteAttribute;
  readonly inputMode?: 'text' | 'numeric';
  readonly required?: boolean;
  readonly multiline?: boolean;
  readonly maxLength?: number;
}

/** A labelled text input with its description and error tied to it through aria-describedby. */
export function TextField(props: TextFieldProps): ReactNode {
  const errors = props.errors ?? [];
  const invalid = errors.length > 0;
  const describedByIds = describedBy(props.id, { description: props.description !== undefined, error: invalid });
  const common = {
    id: props.id,
    name: props.name,
    invalid,
    required: props.required ?? false,
    'aria-describedby': describedByIds,
    maxLength: props.maxLength,
  };
  const input = props.multiline ? (
    <Textarea {...common} defaultValue={props.value} rows={6} />
  ) : (
    <Textbox {...common} type={props.type ?? 'text'} defaultValue={props.value} autoComplete={props.autoComplete} inputMode={props.inputMode} />
  );
  return (
    <FormField
      type="text"
      invalid={invalid}
      label={
        <FormLabel htmlFor={props.id}>
          {props.label}
          {props.required ? null : <span> (niet verplicht)</span>}
        </FormLabel>
      }
      description={props.description === undefined ? undefined : <FormFieldDescription id={descriptionId(props.id)}>{props.description}</FormFieldDescription>}
      input={input}
      errorMessage={invalid ? <FieldErrorMessage fieldId={props.id} messages={errors} /> : undefined}
    />
  );
}
