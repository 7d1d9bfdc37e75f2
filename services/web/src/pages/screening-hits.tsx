import { THEME_LABELS, type ScreeningDetail, type SignalHitCounts } from '@signaalhub/contracts';
import { Heading2, Heading3, Link, Paragraph, Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import type { ReactNode } from 'react';
import { formatDate, municipalityName } from '../labels/labels.js';
import { kindLabel, phaseLabel, screeningReference } from '../labels/screening-labels.js';

/** "geen treffers", or the counts per municipality: never which signal or what matched. */
export function hitCountsText(counts: SignalHitCounts): string {
  if (counts.total === 0) return 'geen treffers';
  return counts.byMunicipality.map((hit) => `${municipalityName(hit.municipality)} (${hit.count})`).join(', ');
}

/** A theme learnt from a header: its Dutch name, or the code as it came for a theme this version does not know. */
function themeName(theme: string): string {
  const labels: Readonly<Record<string, string | undefined>> = THEME_LABELS;
  return labels[theme] ?? theme;
}

function themesText(counts: SignalHitCounts): string {
  if (counts.byTheme.length === 0) return '–';
  return counts.byTheme.map((hit) => `${themeName(hit.theme)} (${hit.count})`).join(', ');
}

/** The screening's subjects in the order the page shows them, each with its hit counts. */
function subjectRows(screening: ScreeningDetail): [string, SignalHitCounts][] {
  const { hits } = screening;
  return [
    ['Onderneming (KvK-nummer)', hits.business],
    ...(hits.address === null ? [] : [['Vestigingsadres', hits.address] as [string, SignalHitCounts]]),
    ...hits.people.map((counts, index): [string, SignalHitCounts] => [`Betrokken persoon ${index + 1}`, counts]),
    ...hits.vehicles.map((counts, index): [string, SignalHitCounts] => [`Kenteken ${screening.vehicles[index] ?? index + 1}`, counts]),
  ];
}

/**
 * Hit/no-hit: per subject the earlier signals counted per municipality and theme (from match tokens in
 * signal headers: the pool never reads a signal), and the business's earlier screenings of the last two years.
 */
export function ScreeningHits({ screening }: { readonly screening: ScreeningDetail }): ReactNode {
  const rows = subjectRows(screening);
  const { earlierScreenings } = screening.hits;
  return (
    <section aria-labelledby="kop-treffers">
      <Heading2 id="kop-treffers">Treffers</Heading2>
      <Paragraph>Eerdere meldingen over dezelfde onderneming, hetzelfde adres, dezelfde personen of voertuigen, geteld per gemeente en thema. De inhoud van de meldingen is niet zichtbaar.</Paragraph>
      <Table>
        <TableCaption className="sh-visually-hidden">Eerdere meldingen per onderwerp</TableCaption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">Onderwerp</TableHeaderCell>
            <TableHeaderCell scope="col">Eerdere meldingen per gemeente</TableHeaderCell>
            <TableHeaderCell scope="col">Per thema</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map(([subject, counts]) => (
            <TableRow key={subject}>
              <TableHeaderCell scope="row">{subject}</TableHeaderCell>
              <TableCell>{hitCountsText(counts)}</TableCell>
              <TableCell>{themesText(counts)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <Heading3>Eerdere toetsen van deze onderneming (laatste twee jaar)</Heading3>
      {earlierScreenings.length === 0 ? (
        <Paragraph>geen treffers</Paragraph>
      ) : (
        <Table>
          <TableCaption className="sh-visually-hidden">Eerdere toetsen van deze onderneming</TableCaption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">Toets</TableHeaderCell>
              <TableHeaderCell scope="col">Gemeente</TableHeaderCell>
              <TableHeaderCell scope="col">Soort beschikking</TableHeaderCell>
              <TableHeaderCell scope="col">Aanvraag ontvangen</TableHeaderCell>
              <TableHeaderCell scope="col">Fase</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {earlierScreenings.map((earlier) => (
              <TableRow key={earlier.id}>
                <TableCell>
                  <Link href={`/toetsen/${encodeURIComponent(earlier.id)}`}>{screeningReference(earlier.id)}</Link>
                </TableCell>
                <TableCell>{municipalityName(earlier.municipality)}</TableCell>
                <TableCell>{kindLabel(earlier.kind)}</TableCell>
                <TableCell>{formatDate(earlier.receivedOn)}</TableCell>
                <TableCell>{phaseLabel(earlier.phase)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </section>
  );
}
