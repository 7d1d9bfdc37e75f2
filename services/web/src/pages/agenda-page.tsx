import { THEME_LABELS, type AgendaEntry, type Meeting } from '@signaalhub/contracts';
import {
  Alert,
  Button,
  Heading1,
  Heading2,
  Link,
  Paragraph,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  UnorderedList,
  UnorderedListItem,
} from '@utrecht/component-library-react';
import type { ReactNode } from 'react';
import { CsrfField } from '../components/csrf-field.js';
import { ErrorSummary } from '../components/error-summary.js';
import { SelectField } from '../components/select-field.js';
import { TextField } from '../components/text-field.js';
import { errorsFor, type FieldError } from '../forms/field-errors.js';
import { formatDate, formatDateTime, municipalityName } from '../labels/labels.js';
import { signalReference } from '../labels/reference.js';
import { hitsText } from './hits-text.js';
import { Layout } from './layout.js';
import type { PageUser } from './page-context.js';

export const MEETING_DATE_FIELD_ID = 'overleg-datum';

export interface AgendaPageProps {
  readonly user: PageUser;
  readonly municipality: string;
  readonly municipalities: readonly string[];
  readonly entries: readonly AgendaEntry[];
  readonly meetings: readonly Meeting[];
  readonly notice?: string;
  readonly meetingDate?: string;
  readonly errors?: readonly FieldError[];
}

const PRIORITY_LABELS: Readonly<Record<string, string>> = { hoog: 'Hoog', normaal: 'Normaal' };

/** The agenda of one municipality's lokaal ondermijningsoverleg: pending items, by priority then age. */
export function AgendaPage(props: AgendaPageProps): ReactNode {
  const name = municipalityName(props.municipality);
  const errors = props.errors ?? [];
  const title = `Agenda ondermijningsoverleg ${name}`;
  return (
    <Layout title={errors.length > 0 ? `Fout: ${title}` : title} user={props.user} section="agenda">
      <ErrorSummary errors={errors} />
      <Heading1>{title}</Heading1>
      {props.notice === undefined ? null : (
        <Alert type="ok">
          <Paragraph>{props.notice}</Paragraph>
        </Alert>
      )}
      {props.municipalities.length > 1 ? (
        <form method="get" action="/agenda">
          <SelectField id="gemeente" name="gemeente" label="Gemeente" value={props.municipality} options={props.municipalities.map((id) => ({ value: id, label: municipalityName(id) }))} />
          <Button type="submit" appearance="secondary-action-button">
            Agenda tonen
          </Button>
        </form>
      ) : null}
      <Paragraph>
        <Link href={`/agenda/besproken?gemeente=${encodeURIComponent(props.municipality)}`}>Besproken meldingen van {name}</Link>
      </Paragraph>
      <section aria-labelledby="kop-agendapunten">
        <Heading2 id="kop-agendapunten">Te bespreken meldingen</Heading2>
        {props.entries.length === 0 ? (
          <Paragraph>Er staan geen meldingen op de agenda.</Paragraph>
        ) : (
          <Table>
            <TableCaption className="sh-visually-hidden">Meldingen op de agenda van {name}, hoogste prioriteit eerst</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">Melding</TableHeaderCell>
                <TableHeaderCell scope="col">Kenmerk</TableHeaderCell>
                <TableHeaderCell scope="col">Ontvangen</TableHeaderCell>
                <TableHeaderCell scope="col">Prioriteit</TableHeaderCell>
                <TableHeaderCell scope="col">Treffers in andere meldingen</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {props.entries.map((entry) => (
                <TableRow key={entry.id}>
                  <TableCell>
                    <Link href={`/agenda/punten/${encodeURIComponent(entry.id)}`}>{THEME_LABELS[entry.theme]}</Link>
                  </TableCell>
                  <TableCell>{signalReference(entry.id)}</TableCell>
                  <TableCell>{formatDateTime(entry.receivedAt)}</TableCell>
                  <TableCell>{PRIORITY_LABELS[entry.priority] ?? entry.priority}</TableCell>
                  <TableCell>{hitsText(entry.hits)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </section>
      <section aria-labelledby="kop-overleggen" className="sh-form-section">
        <Heading2 id="kop-overleggen">Geplande overleggen</Heading2>
        {props.meetings.length === 0 ? (
          <Paragraph>Er is nog geen overleg gepland.</Paragraph>
        ) : (
          <UnorderedList>
            {props.meetings.map((meeting) => (
              <UnorderedListItem key={meeting.id}>
                <Link href={`/agenda/overleggen/${encodeURIComponent(meeting.id)}`}>Overleg van {formatDate(meeting.date)}</Link>
              </UnorderedListItem>
            ))}
          </UnorderedList>
        )}
        <form method="post" action="/agenda/overleggen" noValidate>
          <CsrfField token={props.user.csrfToken} />
          <input type="hidden" name="municipality" value={props.municipality} />
          <TextField id={MEETING_DATE_FIELD_ID} name="date" label="Datum van een nieuw overleg" type="date" value={props.meetingDate ?? ''} required errors={errorsFor(errors, MEETING_DATE_FIELD_ID)} />
          <Button type="submit" appearance="secondary-action-button">
            Overleg plannen
          </Button>
        </form>
      </section>
    </Layout>
  );
}
