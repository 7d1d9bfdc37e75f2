import type { InformationRequestStatus, InformationRequestSummary } from '@signaalhub/contracts';
import {
  Alert,
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
import { formatDateTime, municipalityName, partyLabel } from '../labels/labels.js';
import { signalReference } from '../labels/reference.js';
import { Layout } from './layout.js';
import type { PageUser } from './page-context.js';

export const INFORMATION_STATUS_LABELS: Readonly<Record<InformationRequestStatus, string>> = {
  open: 'Open',
  answered: 'Beantwoord',
  refused: 'Geweigerd',
};

export interface InformationRequestsPageProps {
  readonly user: PageUser;
  readonly municipality: string;
  readonly requests: readonly InformationRequestSummary[];
  readonly notice?: string;
}

function RequestTable({ caption, requests, handled }: { caption: string; requests: readonly InformationRequestSummary[]; handled: boolean }): ReactNode {
  return (
    <Table>
      <TableCaption className="sh-visually-hidden">{caption}</TableCaption>
      <TableHeader>
        <TableRow>
          <TableHeaderCell scope="col">Verzoek van</TableHeaderCell>
          <TableHeaderCell scope="col">Over melding</TableHeaderCell>
          <TableHeaderCell scope="col">Ontvangen</TableHeaderCell>
          <TableHeaderCell scope="col">{handled ? 'Afgehandeld' : 'Status'}</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {requests.map((request) => (
          <TableRow key={request.id}>
            <TableCell>
              <Link href={`/verzoeken/${encodeURIComponent(request.id)}`}>{partyLabel(request.requesterParty)}</Link>
            </TableCell>
            <TableCell>Kenmerk {signalReference(request.signalId)}</TableCell>
            <TableCell>{formatDateTime(request.receivedAt)}</TableCell>
            <TableCell>
              {INFORMATION_STATUS_LABELS[request.status]}
              {request.handledAt === undefined ? '' : ` op ${formatDateTime(request.handledAt)}`}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

/** The information requests addressed to the member's municipality: open ones first, then those handled. */
export function InformationRequestsPage(props: InformationRequestsPageProps): ReactNode {
  const name = municipalityName(props.municipality);
  const open = props.requests.filter((request) => request.status === 'open');
  const handled = props.requests.filter((request) => request.status !== 'open');
  return (
    <Layout title={`Verzoeken om informatie aan ${name}`} user={props.user} section="verzoeken">
      <Heading1>Verzoeken om informatie aan {name}</Heading1>
      {props.notice === undefined ? null : (
        <Alert type="ok">
          <Paragraph>{props.notice}</Paragraph>
        </Alert>
      )}
      <Paragraph>
        Een partij die een treffer heeft op een melding van {name} kan om de inhoud van die melding vragen. Het overleg verstrekt de melding of
        weigert het verzoek met een reden.
      </Paragraph>
      <section aria-labelledby="kop-open-verzoeken">
        <Heading2 id="kop-open-verzoeken">Open verzoeken</Heading2>
        {open.length === 0 ? (
          <Paragraph>Er zijn geen open verzoeken.</Paragraph>
        ) : (
          <RequestTable caption={`Open verzoeken om informatie aan ${name}, oudste eerst`} requests={open} handled={false} />
        )}
      </section>
      <section aria-labelledby="kop-afgehandelde-verzoeken" className="sh-form-section">
        <Heading2 id="kop-afgehandelde-verzoeken">Afgehandelde verzoeken</Heading2>
        {handled.length === 0 ? (
          <Paragraph>Er zijn nog geen afgehandelde verzoeken.</Paragraph>
        ) : (
          <RequestTable caption={`Afgehandelde verzoeken om informatie aan ${name}, laatst afgehandeld eerst`} requests={handled} handled />
        )}
      </section>
    </Layout>
  );
}
