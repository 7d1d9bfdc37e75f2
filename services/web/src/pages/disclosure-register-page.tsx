import type { DisclosureRecord } from '@signaalhub/contracts';
import { Heading1, Paragraph, Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import type { ReactNode } from 'react';
import { formatDateTime, municipalityName, partyLabel } from '../labels/labels.js';
import { screeningReference } from '../labels/screening-labels.js';
import { Layout } from './layout.js';
import type { PageUser } from './page-context.js';

/** The art. 28 disclosure register for the auditor: what went to whom, on which ground, when and by whom. */
export function DisclosureRegisterPage({ user, records }: { readonly user: PageUser; readonly records: readonly DisclosureRecord[] }): ReactNode {
  return (
    <Layout title="Verstrekkingenregister" user={user} section="verstrekkingen">
      <Heading1>Verstrekkingenregister</Heading1>
      <Paragraph>Elke verstrekking van een Bibob-conclusie aan een derde op grond van artikel 28 lid 2 Wet Bibob.</Paragraph>
      {records.length === 0 ? (
        <Paragraph>Er zijn nog geen verstrekkingen.</Paragraph>
      ) : (
        <Table>
          <TableCaption className="sh-visually-hidden">Verstrekkingen, nieuwste eerst</TableCaption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">Toets</TableHeaderCell>
              <TableHeaderCell scope="col">Gemeente</TableHeaderCell>
              <TableHeaderCell scope="col">Wat</TableHeaderCell>
              <TableHeaderCell scope="col">Aan</TableHeaderCell>
              <TableHeaderCell scope="col">Grond</TableHeaderCell>
              <TableHeaderCell scope="col">Wanneer</TableHeaderCell>
              <TableHeaderCell scope="col">Door</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {[...records].reverse().map((record) => (
              <TableRow key={record.id}>
                <TableCell>{screeningReference(record.screeningId)}</TableCell>
                <TableCell>{municipalityName(record.municipality)}</TableCell>
                <TableCell>
                  {record.what} (versie {record.conclusionVersion})
                </TableCell>
                <TableCell>{partyLabel(record.recipient)}</TableCell>
                <TableCell>{record.groundCode}</TableCell>
                <TableCell>{formatDateTime(record.disclosedAt)}</TableCell>
                <TableCell>{record.disclosedBy.userId}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </Layout>
  );
}
