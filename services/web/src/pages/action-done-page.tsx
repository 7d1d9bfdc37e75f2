import type { ActionView } from '@signaalhub/contracts';
import { Button, DataList, DataListItem, DataListKey, DataListValue, Heading1, Link, Paragraph } from '@utrecht/component-library-react';
import type { ReactNode } from 'react';
import { actionPath, ActionStatusText } from '../components/actions-table.js';
import { CsrfField } from '../components/csrf-field.js';
import { ErrorSummary } from '../components/error-summary.js';
import { TextField } from '../components/text-field.js';
import { ACTION_DONE_FIELD_IDS, type ActionDoneFormValues } from '../forms/action-done-form.js';
import { errorsFor, type FieldError } from '../forms/field-errors.js';
import { formatDate, municipalityName, partyLabel } from '../labels/labels.js';
import { Layout } from './layout.js';
import type { PageUser } from './page-context.js';

export interface ActionDonePageProps {
  readonly user: PageUser;
  readonly action: ActionView;
  readonly values: ActionDoneFormValues;
  readonly errors: readonly FieldError[];
}

/** Marking one action done: the action, then the date and a note (lead party only). */
export function ActionDonePage({ user, action, values, errors }: ActionDonePageProps): ReactNode {
  const title = 'Actie afronden';
  return (
    <Layout title={errors.length > 0 ? `Fout: ${title}` : title} user={user} section="acties">
      <ErrorSummary errors={errors} />
      <Paragraph>
        <Link href="/acties">Terug naar de acties</Link>
      </Paragraph>
      <Heading1>{title}</Heading1>
      <DataList>
        <DataListItem>
          <DataListKey>Actie</DataListKey>
          <DataListValue>{action.description ?? 'Omschrijving niet zichtbaar voor uw organisatie'}</DataListValue>
        </DataListItem>
        <DataListItem>
          <DataListKey>Gemeente</DataListKey>
          <DataListValue>{municipalityName(action.municipality)}</DataListValue>
        </DataListItem>
        <DataListItem>
          <DataListKey>Trekker</DataListKey>
          <DataListValue>{partyLabel(action.leadParty)}</DataListValue>
        </DataListItem>
        <DataListItem>
          <DataListKey>Uiterste datum</DataListKey>
          <DataListValue>{formatDate(action.dueDate)}</DataListValue>
        </DataListItem>
        <DataListItem>
          <DataListKey>Status</DataListKey>
          <DataListValue>
            <ActionStatusText action={action} />
          </DataListValue>
        </DataListItem>
      </DataList>
      {action.done === undefined ? (
        <form method="post" action={actionPath(action)} noValidate className="sh-form-section">
          <CsrfField token={user.csrfToken} />
          <TextField id={ACTION_DONE_FIELD_IDS.doneOn} name="doneOn" label="Afgerond op" type="date" value={values.doneOn} required errors={errorsFor(errors, ACTION_DONE_FIELD_IDS.doneOn)} />
          <TextField
            id={ACTION_DONE_FIELD_IDS.note}
            name="note"
            label="Toelichting"
            description="Wat is er gedaan? Alleen de partijen die het besluit mogen lezen, zien deze toelichting."
            value={values.note}
            multiline
            maxLength={4000}
            required
            errors={errorsFor(errors, ACTION_DONE_FIELD_IDS.note)}
          />
          <Button type="submit" appearance="primary-action-button">
            Actie afronden
          </Button>
        </form>
      ) : (
        <Paragraph>Deze actie is al afgerond.</Paragraph>
      )}
    </Layout>
  );
}
