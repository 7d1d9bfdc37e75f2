import type { ApplicationSummary } from '@signaalhub/contracts';
import { Heading1, Link, Paragraph, Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import type { ReactNode } from 'react';
import { formatDate, municipalityName } from '../labels/labels.js';
import { applicationKindLabel, BIBOB_STATE_LABELS } from '../labels/registry-labels.js';
import { Layout } from './layout.js';
import type { PageUser } from './page-context.js';

export interface ApplicationsPageProps {
  readonly user: PageUser;
  readonly municipality: string;
  /** In the registry's order: overdue first, then by the legal decision date. */
  readonly applications: readonly ApplicationSummary[];
}

/** The municipality's applications with their legal decision date; an overdue one first, marked in words and red. */
export function ApplicationsPage({ user, municipality, applications }: ApplicationsPageProps): ReactNode {
  const title = `Aanvragen in ${municipalityName(municipality)}`;
  return (
    <Layout title={title} user={user} section="aanvragen">
      <Heading1>{title}</Heading1>
      <Paragraph>De aanvragen om een vergunning autobranche met hun wettelijke beslisdatum. Aanvragen met een verstreken termijn staan bovenaan.</Paragraph>
      {applications.length === 0 ? (
        <Paragraph>Er zijn geen aanvragen.</Paragraph>
      ) : (
        <Table>
          <TableCaption className="sh-visually-hidden">{title}</TableCaption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">Vestiging</TableHeaderCell>
              <TableHeaderCell scope="col">Soort</TableHeaderCell>
              <TableHeaderCell scope="col">Ontvangen</TableHeaderCell>
              <TableHeaderCell scope="col">Bibob</TableHeaderCell>
              <TableHeaderCell scope="col">Uiterste beslisdatum</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {applications.map((application) => (
              <TableRow key={application.id} className={application.overdue ? 'sh-row-overdue' : undefined}>
                <TableCell>
                  <Link href={`/aanvragen/${encodeURIComponent(application.id)}`}>{application.tradeName}</Link>
                </TableCell>
                <TableCell>{applicationKindLabel(application.kind)}</TableCell>
                <TableCell>{formatDate(application.receivedOn)}</TableCell>
                <TableCell>{BIBOB_STATE_LABELS[application.bibob]}</TableCell>
                <TableCell>
                  {application.decisionDate === null ? 'Opgeschort' : formatDate(application.decisionDate)}
                  {application.overdue ? (
                    <>
                      {' '}
                      <strong className="sh-status-overdue">Termijn verstreken</strong>
                    </>
                  ) : null}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </Layout>
  );
}
