import { THEME_LABELS, type AgendaEntry, type MeetingAgenda, type PlannedItem } from '@signaalhub/contracts';
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
import { errorsFor, type FieldError } from '../forms/field-errors.js';
import { formatDate, formatDateTime, municipalityName } from '../labels/labels.js';
import { signalReference } from '../labels/reference.js';
import { hitsText } from './hits-text.js';
import { Layout } from './layout.js';
import type { PageUser } from './page-context.js';

export const PLAN_ITEM_FIELD_ID = 'agendapunt-kiezen';

export interface MeetingPageProps {
  readonly user: PageUser;
  readonly agenda: MeetingAgenda;
  /** Pending items of the municipality, to plan for this meeting. */
  readonly pending: readonly AgendaEntry[];
  readonly notice?: string;
  readonly errors: readonly FieldError[];
}

const PRIORITY_LABELS: Readonly<Record<string, string>> = { hoog: 'Hoog', normaal: 'Normaal' };

export const meetingTitle = (agenda: Pick<MeetingAgenda, 'meeting'>): string =>
  `Overleg ${municipalityName(agenda.meeting.municipality)} van ${formatDate(agenda.meeting.date)}`;

const meetingHref = (agenda: MeetingAgenda, rest = ''): string => `/agenda/overleggen/${encodeURIComponent(agenda.meeting.id)}${rest}`;

function MoveButtons({ user, agenda, item, index }: { readonly user: PageUser; readonly agenda: MeetingAgenda; readonly item: PlannedItem; readonly index: number }): ReactNode {
  const which = `${THEME_LABELS[item.theme]} ${signalReference(item.id)}`;
  const button = (action: string, label: string): ReactNode => (
    <form method="post" action={meetingHref(agenda, `/punten/${encodeURIComponent(item.id)}/${action}`)} className="sh-inline-form">
      <CsrfField token={user.csrfToken} />
      <Button type="submit" appearance="subtle-button">
        {label}
        <span className="sh-visually-hidden">: {which}</span>
      </Button>
    </form>
  );
  return (
    <div className="sh-row-actions">
      {index > 0 ? button('omhoog', 'Omhoog') : null}
      {index < agenda.items.length - 1 ? button('omlaag', 'Omlaag') : null}
      {button('verwijderen', 'Van de agenda halen')}
    </div>
  );
}

/** A meeting's page: its agenda in order, controls to plan, order and unplan, and the print views. */
export function MeetingPage(props: MeetingPageProps): ReactNode {
  const { agenda, errors } = props;
  const title = meetingTitle(agenda);
  const planned = new Set(agenda.items.map((item) => item.id));
  const plannable = props.pending.filter((entry) => !planned.has(entry.id));
  return (
    <Layout title={errors.length > 0 ? `Fout: ${title}` : title} user={props.user} section="agenda">
      <ErrorSummary errors={errors} />
      <Paragraph>
        <Link href={`/agenda?gemeente=${encodeURIComponent(agenda.meeting.municipality)}`}>Terug naar de agenda</Link>
      </Paragraph>
      <Heading1>{title}</Heading1>
      {props.notice === undefined ? null : (
        <Alert type="ok">
          <Paragraph>{props.notice}</Paragraph>
        </Alert>
      )}
      <UnorderedList>
        <UnorderedListItem>
          <Link href={meetingHref(agenda, '/agenda')}>Agenda om af te drukken</Link>
        </UnorderedListItem>
        <UnorderedListItem>
          <Link href={meetingHref(agenda, '/besluitenlijst')}>Besluitenlijst (vanaf de dag van het overleg)</Link>
        </UnorderedListItem>
      </UnorderedList>
      <section aria-labelledby="kop-geagendeerd">
        <Heading2 id="kop-geagendeerd">Agendapunten</Heading2>
        {agenda.past ? <Paragraph>Dit overleg is geweest; de agenda kan niet meer veranderen.</Paragraph> : null}
        {agenda.items.length === 0 ? (
          <Paragraph>Er staan nog geen meldingen op de agenda van dit overleg.</Paragraph>
        ) : (
          <Table>
            <TableCaption className="sh-visually-hidden">Agendapunten van dit overleg, in volgorde</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">Nr.</TableHeaderCell>
                <TableHeaderCell scope="col">Melding</TableHeaderCell>
                <TableHeaderCell scope="col">Kenmerk</TableHeaderCell>
                <TableHeaderCell scope="col">Ontvangen</TableHeaderCell>
                <TableHeaderCell scope="col">Prioriteit</TableHeaderCell>
                <TableHeaderCell scope="col">Status</TableHeaderCell>
                {agenda.past ? null : <TableHeaderCell scope="col">Wijzigen</TableHeaderCell>}
              </TableRow>
            </TableHeader>
            <TableBody>
              {agenda.items.map((item, index) => (
                <TableRow key={item.id}>
                  <TableCell>{index + 1}</TableCell>
                  <TableCell>
                    <Link href={`/agenda/punten/${encodeURIComponent(item.id)}`}>{THEME_LABELS[item.theme]}</Link>
                  </TableCell>
                  <TableCell>{signalReference(item.id)}</TableCell>
                  <TableCell>{formatDateTime(item.receivedAt)}</TableCell>
                  <TableCell>
                    {PRIORITY_LABELS[item.priority] ?? item.priority}
                    {item.hits.length === 0 ? '' : ` (${hitsText(item.hits)})`}
                  </TableCell>
                  <TableCell>{item.status === 'pending' ? 'Te bespreken' : 'Besloten'}</TableCell>
                  {agenda.past ? null : (
                    <TableCell>
                      <MoveButtons user={props.user} agenda={agenda} item={item} index={index} />
                    </TableCell>
                  )}
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </section>
      {agenda.past ? null : (
        <section aria-labelledby="kop-inplannen" className="sh-form-section">
          <Heading2 id="kop-inplannen">Melding op de agenda zetten</Heading2>
          {plannable.length === 0 ? (
            <Paragraph>Alle te bespreken meldingen staan al op de agenda van dit overleg.</Paragraph>
          ) : (
            <form method="post" action={meetingHref(agenda, '/punten')} noValidate>
              <CsrfField token={props.user.csrfToken} />
              <SelectField
                id={PLAN_ITEM_FIELD_ID}
                name="itemId"
                label="Melding"
                value=""
                placeholder="Kies een melding"
                options={plannable.map((entry) => ({ value: entry.id, label: `${THEME_LABELS[entry.theme]}, kenmerk ${signalReference(entry.id)}, ontvangen ${formatDateTime(entry.receivedAt)}` }))}
                errors={errorsFor(errors, PLAN_ITEM_FIELD_ID)}
              />
              <Button type="submit" appearance="secondary-action-button">
                Op de agenda zetten
              </Button>
            </form>
          )}
        </section>
      )}
    </Layout>
  );
}
