import type { CoordinatorCapacity } from '@signaalhub/contracts';
import { Button } from '@utrecht/component-library-react';
import type { ReactNode } from 'react';
import { errorsFor, type FieldError } from '../forms/field-errors.js';
import { assigneeOptions, REASSIGNMENT_FIELD_IDS, type ReassignmentOrigin } from '../forms/reassignment-form.js';
import { SelectField } from './select-field.js';
import { TextField } from './text-field.js';

export interface ReassignmentFieldsProps {
  readonly coordinators: readonly CoordinatorCapacity[];
  readonly origin: ReassignmentOrigin;
  readonly errors: readonly FieldError[];
  readonly submitLabel: string;
}

/** The new assignee (with each coordinator's open vs capacity), the mandatory reason and the button. */
export function ReassignmentFields({ coordinators, origin, errors, submitLabel }: ReassignmentFieldsProps): ReactNode {
  const ids = REASSIGNMENT_FIELD_IDS;
  return (
    <>
      <input type="hidden" name="herkomst" value={origin} />
      <SelectField
        id={ids.assignee}
        name="assignee"
        label="Nieuwe behandelaar"
        value=""
        placeholder="Kies een coördinator"
        options={assigneeOptions(coordinators)}
        errors={errorsFor(errors, ids.assignee)}
      />
      <TextField
        id={ids.reason}
        name="reason"
        label="Reden"
        description="Verplicht; de reden komt in de geschiedenis van elke toets."
        value=""
        required
        multiline
        maxLength={1000}
        errors={errorsFor(errors, ids.reason)}
      />
      <Button type="submit" appearance="primary-action-button">
        {submitLabel}
      </Button>
    </>
  );
}
