import type { PermitAction } from '@signaalhub/contracts';
import { Button, Heading3, Paragraph } from '@utrecht/component-library-react';
import type { ReactNode } from 'react';
import { errorsFor, type FieldError } from '../forms/field-errors.js';
import { permitField } from '../forms/permit-action-form.js';
import { CsrfField } from './csrf-field.js';
import { SelectField } from './select-field.js';
import { TextField } from './text-field.js';

export interface PermitActionFormProps {
  readonly action: PermitAction;
  /** Where the form posts: the application's decision or the permit's actions. */
  readonly postTo: string;
  readonly heading: string;
  readonly intro?: string;
  readonly submitLabel: string;
  readonly csrfToken: string;
  readonly errors: readonly FieldError[];
  /** `YYYY-MM-DD`, prefilled in the date of the decision. */
  readonly today: string;
  /** A revocation's or lapse's grounds to choose from. */
  readonly grounds?: Readonly<Record<string, string>>;
  /** The action's own fields between the date and the reason. */
  readonly children?: ReactNode;
}

/** One action of the permit's status machine as a form of its own: date, the action's fields, ground, reason. */
export function PermitActionForm(props: PermitActionFormProps): ReactNode {
  const { action, errors } = props;
  const dateId = permitField(action, 'date');
  const groundId = permitField(action, 'ground');
  const reasonId = permitField(action, 'reason');
  return (
    <form method="post" action={props.postTo} noValidate className="sh-form-section" aria-labelledby={`kop-${action}`}>
      <Heading3 id={`kop-${action}`}>{props.heading}</Heading3>
      {props.intro === undefined ? null : <Paragraph>{props.intro}</Paragraph>}
      <CsrfField token={props.csrfToken} />
      <input type="hidden" name="action" value={action} />
      <TextField id={dateId} name="actionDate" label="Datum" type="date" value={props.today} required errors={errorsFor(errors, dateId)} />
      {props.children}
      {props.grounds === undefined ? null : (
        <SelectField
          id={groundId}
          name="ground"
          label="Grond"
          value=""
          placeholder="Kies een grond"
          options={Object.entries(props.grounds).map(([value, label]) => ({ value, label }))}
          errors={errorsFor(errors, groundId)}
        />
      )}
      <TextField id={reasonId} name="reason" label="Reden" description="Komt in de geschiedenis van de vergunning." value="" required multiline maxLength={1000} errors={errorsFor(errors, reasonId)} />
      <Button type="submit" appearance="primary-action-button">
        {props.submitLabel}
      </Button>
    </form>
  );
}
