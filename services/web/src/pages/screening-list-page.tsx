import type { CoordinatorCapacity, ScreeningListItem } from '@signaalhub/contracts';
import {
  Alert,
  Checkbox,
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
} from '@utrecht/component-library-react';
import type { ReactNode } from 'react';
import { CsrfField } from '../components/csrf-field.js';
import { ErrorSummary } from '../components/error-summary.js';
import { FieldErrorMessage } from '../components/field-error-message.js';
import { ReassignmentFields } from '../components/reassignment-fields.js';
import { errorMessageId, errorsFor, type FieldError } from '../forms/field-errors.js';
import { REASSIGNMENT_FIELD_IDS, type ReassignmentOrigin } from '../forms/reassignment-form.js';
import { formatDate, municipalityName } from '../labels/labels.js';
import { DEADLINE_LABELS } from '../labels/screening-deadlines.js';
import { kindLabel, phaseLabel, screeningReference } from '../labels/screening-labels.js';
import { Layout } from './layout.js';
import type { NavSection, PageUser } from './page-context.js';

/** The bulk reassignment on a list: only for a lead coordinator. */
export interface ListReassignment {
  readonly coordinators: readonly CoordinatorCapacity[];
  readonly origin: ReassignmentOrigin;
  readonly errors: readonly FieldError[];
  /** Screenings ticked before a refusal, ticked again. */
  readonly selected: readonly string[];
}

export interface ScreeningListPageProps {
  readonly user: PageUser;
  readonly section: NavSection;
  readonly title: string;
  readonly intro: string;
  readonly empty: string;
  /** In the service's order: overdue first. */
  readonly screenings: readonly ScreeningListItem[];
  readonly notice?: string;
  readonly reassignment?: ListReassignment;
}

/**
 * A list of screenings: routing facts and the next hard deadline only (the people and the outcome are on
 * the screening's own page). An overdue screening comes first, red and marked in words (WCAG 1.4.1).
 */
export function ScreeningListPage(props: ScreeningListPageProps): ReactNode {
  const errors = props.reassignment?.errors ?? [];
  const title = errors.length > 0 ? `Fout: ${props.title}` : props.title;
  const table = props.screenings.length === 0 ? <Paragraph>{props.empty}</Paragraph> : <ScreeningTable {...props} />;
  return (
    <Layout title={title} user={props.user} section={props.section}>
      <ErrorSummary errors={errors} />
      <Heading1>{props.title}</Heading1>
      {props.notice === undefined ? null : (
        <Alert type="ok">
          <Paragraph>{props.notice}</Paragraph>
        </Alert>
      )}
      <Paragraph>{props.intro}</Paragraph>
      {props.reassignment === undefined || props.screenings.length === 0 ? (
        table
      ) : (
        <form method="post" action="/toetsen/toewijzingen" noValidate>
          <CsrfField token={props.user.csrfToken} />
          {table}
          <section aria-labelledby="kop-opnieuw-toewijzen" className="sh-form-section">
            <Heading2 id="kop-opnieuw-toewijzen">Geselecteerde toetsen opnieuw toewijzen</Heading2>
            <ReassignmentFields coordinators={props.reassignment.coordinators} origin={props.reassignment.origin} errors={errors} submitLabel="Opnieuw toewijzen" />
          </section>
        </form>
      )}
    </Layout>
  );
}

function ScreeningTable(props: ScreeningListPageProps): ReactNode {
  const selecting = props.reassignment;
  const selectionErrors = errorsFor(selecting?.errors ?? [], REASSIGNMENT_FIELD_IDS.screenings);
  return (
    <>
      {selecting === undefined ? null : <FieldErrorMessage fieldId={REASSIGNMENT_FIELD_IDS.screenings} messages={selectionErrors} />}
      <Table id={selecting === undefined ? undefined : REASSIGNMENT_FIELD_IDS.screenings}>
        <TableCaption className="sh-visually-hidden">{props.title}</TableCaption>
        <TableHeader>
          <TableRow>
            {selecting === undefined ? null : <TableHeaderCell scope="col">Selecteren</TableHeaderCell>}
            <TableHeaderCell scope="col">Toets</TableHeaderCell>
            <TableHeaderCell scope="col">Gemeente</TableHeaderCell>
            <TableHeaderCell scope="col">Fase</TableHeaderCell>
            <TableHeaderCell scope="col">Behandelaar</TableHeaderCell>
            <TableHeaderCell scope="col">Volgende termijn</TableHeaderCell>
            <TableHeaderCell scope="col">Aanvraag ontvangen</TableHeaderCell>
            <TableHeaderCell scope="col">Beslistermijn</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {props.screenings.map((screening) => {
            const name = `${kindLabel(screening.kind)} (${screeningReference(screening.id)})`;
            const checkboxId = `${REASSIGNMENT_FIELD_IDS.screenings}-${screening.id}`;
            return (
              <TableRow key={screening.id} className={screening.overdue ? 'sh-row-overdue' : undefined}>
                {selecting === undefined ? null : (
                  <TableCell>
                    <Checkbox
                      id={checkboxId}
                      name="screeningIds"
                      value={screening.id}
                      defaultChecked={selecting.selected.includes(screening.id)}
                      invalid={selectionErrors.length > 0}
                      aria-describedby={selectionErrors.length > 0 ? errorMessageId(REASSIGNMENT_FIELD_IDS.screenings) : undefined}
                    />
                    <label htmlFor={checkboxId} className="sh-visually-hidden">
                      Selecteer {name}
                    </label>
                  </TableCell>
                )}
                <TableCell>
                  <Link href={`/toetsen/${encodeURIComponent(screening.id)}`}>{name}</Link>
                </TableCell>
                <TableCell>{municipalityName(screening.municipality)}</TableCell>
                <TableCell>{phaseLabel(screening.phase)}</TableCell>
                <TableCell>{screening.assignee ?? 'Niet toegewezen'}</TableCell>
                <TableCell>
                  <NextDeadline screening={screening} />
                </TableCell>
                <TableCell>{formatDate(screening.receivedOn)}</TableCell>
                <TableCell>{screening.decisionTermWeeks} weken</TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </>
  );
}

/** The next hard deadline in words; overdue says so in text as well as in red. */
function NextDeadline({ screening }: { readonly screening: ScreeningListItem }): ReactNode {
  const next = screening.nextDeadline;
  const marker = screening.overdue ? <strong className="sh-status-overdue">Termijn verstreken</strong> : null;
  if (next === null) return marker ?? (screening.phase === 'afgesloten' ? 'Afgesloten' : 'Nog open (opgeschort)');
  const label = `${DEADLINE_LABELS[next.deadline] ?? next.deadline}: ${formatDate(next.date)}${next.provisional ? ' (voorlopig)' : ''}`;
  return marker === null ? (
    label
  ) : (
    <>
      {marker}
      <br />
      {label}
    </>
  );
}
