import type { ScreeningSummary } from '@signaalhub/contracts';
import { Alert, Heading1, Link, Paragraph, Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import type { ReactNode } from 'react';
import { formatDate, municipalityName } from '../labels/labels.js';
import { kindLabel, phaseLabel, screeningReference } from '../labels/screening-labels.js';
import { Layout } from './layout.js';
import type { NavSection, PageUser } from './page-context.js';

export interface ScreeningListPageProps {
  readonly user: PageUser;
  readonly section: NavSection;
  readonly title: string;
  readonly intro: string;
  readonly empty: string;
  readonly screenings: readonly ScreeningSummary[];
  readonly notice?: string;
}

/** A list of screenings: routing facts only (the people and the outcome are on the screening's own page). */
export function ScreeningListPage(props: ScreeningListPageProps): ReactNode {
  return (
    <Layout title={props.title} user={props.user} section={props.section}>
      <Heading1>{props.title}</Heading1>
      {props.notice === undefined ? null : (
        <Alert type="ok">
          <Paragraph>{props.notice}</Paragraph>
        </Alert>
      )}
      <Paragraph>{props.intro}</Paragraph>
      {props.screenings.length === 0 ? (
        <Paragraph>{props.empty}</Paragraph>
      ) : (
        <Table>
          <TableCaption className="sh-visually-hidden">{props.title}</TableCaption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">Toets</TableHeaderCell>
              <TableHeaderCell scope="col">Gemeente</TableHeaderCell>
              <TableHeaderCell scope="col">Fase</TableHeaderCell>
              <TableHeaderCell scope="col">Behandelaar</TableHeaderCell>
              <TableHeaderCell scope="col">Aanvraag ontvangen</TableHeaderCell>
              <TableHeaderCell scope="col">Beslistermijn</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {props.screenings.map((screening) => (
              <TableRow key={screening.id}>
                <TableCell>
                  <Link href={`/toetsen/${encodeURIComponent(screening.id)}`}>
                    {kindLabel(screening.kind)} ({screeningReference(screening.id)})
                  </Link>
                </TableCell>
                <TableCell>{municipalityName(screening.municipality)}</TableCell>
                <TableCell>{phaseLabel(screening.phase)}</TableCell>
                <TableCell>{screening.assignee ?? 'Niet toegewezen'}</TableCell>
                <TableCell>{formatDate(screening.receivedOn)}</TableCell>
                <TableCell>{screening.decisionTermWeeks} weken</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </Layout>
  );
}
