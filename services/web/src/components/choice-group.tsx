import { Checkbox, Fieldset, FieldsetLegend, FormField, FormFieldDescription, FormLabel, RadioButton } from '@utrecht/component-library-react';
import type { ReactNode } from 'react';
import { describedBy, descriptionId } from '../forms/field-errors.js';
import { FieldErrorMessage } from './field-error-message.js';

export interface Choice {
  readonly value: string;
  readonly label: string;
  /** Shown but not changeable (e.g. the reporting municipality as recipient); sent through a hidden field. */
  readonly locked?: boolean;
}

export interface ChoiceGroupProps {
  /** Id of the group; option ids are `${id}-${value}`, and the first option is what error links point to. */
  readonly id: string;
  readonly name: string;
  readonly legend: string;
  readonly kind: 'checkbox' | 'radio';
  readonly choices: readonly Choice[];
  readonly selected: readonly string[];
  readonly errors?: readonly string[];
  readonly description?: string;
}

export const choiceId = (groupId: string, value: string): string => `${groupId}-${value}`;

/** Radio buttons or checkboxes in a fieldset with a legend (WCAG 1.3.1), the error tied to every option. */
export function ChoiceGroup(props: ChoiceGroupProps): ReactNode {
  const errors = props.errors ?? [];
  const invalid = errors.length > 0;
  const describedByIds = describedBy(props.id, { description: props.description !== undefined, error: invalid });
  return (
    <Fieldset id={props.id} invalid={invalid} aria-describedby={describedByIds}>
      <FieldsetLegend>{props.legend}</FieldsetLegend>
      {props.description === undefined ? null : <FormFieldDescription id={descriptionId(props.id)}>{props.description}</FormFieldDescription>}
      <FieldErrorMessage fieldId={props.id} messages={errors} />
      {props.choices.map((choice) => {
        const id = choiceId(props.id, choice.value);
        const checked = props.selected.includes(choice.value) || choice.locked === true;
        const input =
          props.kind === 'radio' ? (
            <RadioButton id={id} name={props.name} value={choice.value} defaultChecked={checked} invalid={invalid} aria-describedby={describedByIds} />
          ) : (
            <Checkbox
              id={id}
              name={choice.locked ? undefined : props.name}
              value={choice.value}
              defaultChecked={checked}
              disabled={choice.locked}
              invalid={invalid}
              aria-describedby={describedByIds}
            />
          );
        return (
          <FormField key={choice.value} type={props.kind} invalid={invalid} label={<FormLabel htmlFor={id} type={props.kind}>{choice.label}</FormLabel>} input={
            <>
              {input}
              {choice.locked ? <input type="hidden" name={props.name} value={choice.value} /> : null}
            </>
          } />
        );
      })}
    </Fieldset>
  );
}
