import { APPROACH_LABELS, THEME_LABELS, type HandoverStatus, type HandoverSummary } from '@signaalhub/contracts';
import { Alert, Heading1, Heading2, Link, Paragraph, Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import type { ReactNode } from 'react';
import { formatDateTime, municipalityName } from '../labels/labels.js';
import { Layout } from './layout.js';
import type { PageUser } from './page-context.js';

export const HANDOVER_STATUS_LABELS: Readonly<Record<HandoverStatus, string>> = {
  open: 'Open',
  accepted: 'Geaccepteerd',
  returned: 'Teruggegeven',
};

export interface RiecHandoversPageProps {
  readonly user: PageUser;
  readonly handovers: readonly HandoverSummary[];
  readonly notice?: string;
}

function HandoverTable({ caption, handovers }: { readonly caption: string; readonly handovers: readonly HandoverSummary[] }): ReactNode {
  return (
    <Table>
      <TableCaption className="sh-visually-hidden">{caption}</TableCaption>
      <TableHeader>
        <TableRow>
          <TableHeaderCell scope="col">Gemeente</TableHeaderCell>
          <TableHeaderCell scope="col">Thema</TableHeaderCell>
          <TableHeaderCell scope="col">Aanpak</TableHeaderCell>
          <TableHeaderCell scope="col">Besloten</TableHeaderCell>
          <TableHeaderCell scope="col">Status</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {handovers.map((handover) => (
          <TableRow key={handover.id}>
            <TableCell>
              <Link href={`/riec/overdrachten/${encodeURIComponent(handover.id)}`}>{municipalityName(handover.municipality)}</Link>
            </TableCell>
            <TableCell>{handover.theme === null ? 'Onbekend' : THEME_LABELS[handover.theme]}</TableCell>
            <TableCell>{APPROACH_LABELS[handover.approach]}</TableCell>
            <TableCell>{formatDateTime(handover.decidedAt)}</TableCell>
            <TableCell>
              {HANDOVER_STATUS_LABELS[handover.status]}
              {handover.answeredAt === null ? '' : ` op ${formatDateTime(handover.answeredAt)}`}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

/** The RIEC's hand-over inbox: open hand-overs first, then those answered. */
export function RiecHandoversPage({ user, handovers, notice }: RiecHandoversPageProps): ReactNode {
  const open = handovers.filter((handover) => handover.status === 'open');
  const answered = handovers.filter((handover) => handover.status !== 'open');
  return (
    <Layout title="Overdrachten aan het RIEC" user={user}>
      <Heading1>Overdrachten aan het RIEC</Heading1>
      {notice === undefined ? null : (
        <Alert type="ok">
          <Paragraph>{notice}</Paragraph>
        </Alert>
      )}
      <Paragraph>
        Een lokaal ondermijningsoverleg kan een zaak overdragen aan het RIEC. Accepteer de zaak als RIEC-casus, of geef haar terug met een reden; de
        gemeente krijgt het antwoord versleuteld.
      </Paragraph>
      <section aria-labelledby="kop-open-overdrachten">
        <Heading2 id="kop-open-overdrachten">Open overdrachten</Heading2>
        {open.length === 0 ? <Paragraph>Er zijn geen open overdrachten.</Paragraph> : <HandoverTable caption="Open overdrachten, nieuwste eerst" handovers={open} />}
      </section>
      <section aria-labelledby="kop-beantwoorde-overdrachten" className="sh-form-section">
        <Heading2 id="kop-beantwoorde-overdrachten">Beantwoorde overdrachten</Heading2>
        {answered.length === 0 ? (
          <Paragraph>Er zijn nog geen beantwoorde overdrachten.</Paragraph>
        ) : (
          <HandoverTable caption="Beantwoorde overdrachten, nieuwste eerst" handovers={answered} />
        )}
      </section>
    </Layout>
  );
}
