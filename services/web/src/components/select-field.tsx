import { FormField, FormLabel, Select, SelectOption } from '@utrecht/component-library-react';
import type { ReactNode } from 'react';
import { describedBy } from '../forms/field-errors.js';
import { FieldErrorMessage } from './field-error-message.js';

export interface SelectFieldProps {
  readonly id: string;
  readonly name: string;
  readonly label: string;
  readonly options: readonly { readonly value: string; readonly label: string }[];
  readonly value: string;
  readonly errors?: readonly string[];
  /** A first option without value ("Maak een keuze"), so no choice is made for the user. */
  readonly placeholder?: string;
}

export function SelectField(props: SelectFieldProps): ReactNode {
  const errors = props.errors ?? [];
  const invalid = errors.length > 0;
  return (
    <FormField
      type="text"
      invalid={invalid}
      label={<FormLabel htmlFor={props.id}>{props.label}</FormLabel>}
      input={
        <Select id={props.id} name={props.name} defaultValue={props.value} invalid={invalid} aria-describedby={describedBy(props.id, { description: false, error: invalid })}>
          {props.placeholder === undefined ? null : <SelectOption value="">{props.placeholder}</SelectOption>}
          {props.options.map((option) => (
            <SelectOption key={option.value} value={option.value}>
              {option.label}
            </SelectOption>
          ))}
        </Select>
      }
      errorMessage={invalid ? <FieldErrorMessage fieldId={props.id} messages={errors} /> : undefined}
    />
  );
}
