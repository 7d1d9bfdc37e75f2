import { Fieldset, FieldsetLegend } from '@utrecht/component-library-react';
import type { ReactNode } from 'react';
import { errorsFor, type FieldError } from '../forms/field-errors.js';
import { TextField } from './text-field.js';

export interface PersonFieldsProps {
  /** "Verantwoordelijke 2", "Betrokken persoon 1". */
  readonly legend: string;
  /** The id of each field of this row: its name, birth date and role part. */
  readonly fieldId: (part: 'naam' | 'geboortedatum' | 'rol') => string;
  readonly person: { readonly name: string; readonly birthDate: string };
  readonly errors: readonly FieldError[];
  /** The role field: a free text in one form, a fixed list in another. */
  readonly children: ReactNode;
}

/**
 * One person of a repeatable form row (name, birth date and a role) as the registry's and the pool's forms
 * post them: every row sends `personName`, `personBirthDate` and `personRole`, in row order.
 */
export function PersonFields({ legend, fieldId, person, errors, children }: PersonFieldsProps): ReactNode {
  return (
    <Fieldset>
      <FieldsetLegend>{legend}</FieldsetLegend>
      <TextField id={fieldId('naam')} name="personName" label="Naam" value={person.name} required errors={errorsFor(errors, fieldId('naam'))} />
      <TextField
        id={fieldId('geboortedatum')}
        name="personBirthDate"
        label="Geboortedatum"
        type="date"
        value={person.birthDate}
        required
        errors={errorsFor(errors, fieldId('geboortedatum'))}
      />
      {children}
    </Fieldset>
  );
}
