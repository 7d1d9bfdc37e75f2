import { Paragraph, Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import type { ReactNode } from 'react';
import { formatDateTime, municipalityName } from '../labels/labels.js';
import { signalReference } from '../labels/reference.js';

/** What every "verzoek om informatie" a requester sent shows: which signal, of which municipality, sent when. */
export interface SentRequestRow {
  readonly id: string;
  readonly signalId: string;
  readonly municipality: string;
  readonly requestedAt: string;
}

export interface InformationRequestsTableProps<R extends SentRequestRow> {
  readonly requests: readonly R[];
  /** The heading of the column with the moment the request was sent. */
  readonly sentHeading: string;
  /** A column with the request's purpose, where the requester shows it. */
  readonly purpose?: (request: R) => ReactNode;
  readonly status: (request: R) => ReactNode;
  readonly answer: (request: R) => ReactNode;
}

/** The requests a requester (the pool, the RIEC) sent, with where each stands and its answer; or that there are none. */
export function InformationRequestsTable<R extends SentRequestRow>({ requests, sentHeading, purpose, status, answer }: InformationRequestsTableProps<R>): ReactNode {
  if (requests.length === 0) return <Paragraph>Er zijn nog geen verzoeken om informatie verstuurd.</Paragraph>;
  return (
    <Table>
      <TableCaption className="sh-visually-hidden">Verzoeken om informatie</TableCaption>
      <TableHeader>
        <TableRow>
          <TableHeaderCell scope="col">Melding</TableHeaderCell>
          <TableHeaderCell scope="col">Gemeente</TableHeaderCell>
          <TableHeaderCell scope="col">{sentHeading}</TableHeaderCell>
          {purpose === undefined ? null : <TableHeaderCell scope="col">Doel</TableHeaderCell>}
          <TableHeaderCell scope="col">Status</TableHeaderCell>
          <TableHeaderCell scope="col">Antwoord</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {requests.map((request) => (
          <TableRow key={request.id}>
            <TableCell>{signalReference(request.signalId)}</TableCell>
            <TableCell>{municipalityName(request.municipality)}</TableCell>
            <TableCell>{formatDateTime(request.requestedAt)}</TableCell>
            {purpose === undefined ? null : <TableCell>{purpose(request)}</TableCell>}
            <TableCell>{status(request)}</TableCell>
            <TableCell>{answer(request)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
