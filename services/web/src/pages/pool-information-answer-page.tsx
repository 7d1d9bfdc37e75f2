import type { PoolInformationAnswer } from '@signaalhub/contracts';
import { DataList, DataListItem, DataListKey, DataListValue, Heading1, Heading2, Link, Paragraph } from '@utrecht/component-library-react';
import type { ReactNode } from 'react';
import { formatDateTime, municipalityName, partyLabel } from '../labels/labels.js';
import { signalReference } from '../labels/reference.js';
import { screeningReference } from '../labels/screening-labels.js';
import { SignalDetails } from './agenda-item-page.js';
import { Layout } from './layout.js';
import type { PageUser } from './page-context.js';

/** The signal a municipality gave the pool in answer to its request (coordinators only; the opening is audited). */
export function PoolInformationAnswerPage({ user, answer }: { readonly user: PageUser; readonly answer: PoolInformationAnswer }): ReactNode {
  const { request, signal } = answer;
  const title = `Melding ${signalReference(request.signalId)} van ${municipalityName(request.municipality)}`;
  return (
    <Layout title={title} user={user} section="toetsen">
      <Heading1>{title}</Heading1>
      <Paragraph>
        Verstrekt op een verzoek om informatie bij toets{' '}
        <Link href={`/toetsen/${encodeURIComponent(request.screeningId)}`}>{screeningReference(request.screeningId)}</Link>. Gebruik de melding alleen voor het doel van het verzoek.
      </Paragraph>
      <DataList>
        <DataListItem>
          <DataListKey>Doel van het verzoek</DataListKey>
          <DataListValue>{request.purpose}</DataListValue>
        </DataListItem>
        <DataListItem>
          <DataListKey>Beantwoord door</DataListKey>
          <DataListValue>
            {request.answeredBy === null ? 'Onbekend' : `${partyLabel(request.answeredBy.party)} (gebruiker ${request.answeredBy.userId})`}
            {request.answeredAt === null ? null : ` op ${formatDateTime(request.answeredAt)}`}
          </DataListValue>
        </DataListItem>
      </DataList>
      <Heading2>Inhoud van de melding</Heading2>
      <SignalDetails signal={signal} />
    </Layout>
  );
}
