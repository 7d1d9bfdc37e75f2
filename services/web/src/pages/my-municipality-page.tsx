import type { ReleaseJson } from '@signaalhub/contracts';
import { Heading1, Heading2, Paragraph, Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import type { ReactNode } from 'react';
import { ReleaseLegend } from '../components/release-table.js';
import { SvgChartFigure } from '../components/svg-chart-figure.js';
import { ReleaseStatement } from './release-pages.js';
import { Layout } from './layout.js';
import type { PageUser } from './page-context.js';
import { cellValue, chartableValue, columnLabel, memberColumns, periodLabel, periodTable, rowLabel, shownValue, themeRows } from './release-view.js';

/**
 * "Mijn gemeente in de regio": the municipality's latest release, its own counts next to the region's,
 * each as published (the same mark and legend; nothing computed from the two).
 */
export function MyMunicipalityPage({ user, release }: { readonly user: PageUser; readonly release: ReleaseJson | undefined }): ReactNode {
  const own = release === undefined ? undefined : periodTable(release, 'eigen-gemeente');
  const region = release === undefined ? undefined : periodTable(release, 'regio');
  const ownColumn = own === undefined ? undefined : memberColumns(own)[0];
  return (
    <Layout title="Mijn gemeente in de regio" user={user} section="mijn-gemeente">
      <Heading1>Mijn gemeente in de regio</Heading1>
      {release === undefined || own === undefined || region === undefined || ownColumn === undefined || own === region ? (
        <Paragraph>Er is nog geen publicatie voor uw gemeente. Het RIEC stelt elke maand een publicatie samen.</Paragraph>
      ) : (
        <>
          <Paragraph>
            Publicatie van {periodLabel(release.period)}: het aantal meldingen in {columnLabel(ownColumn)} naast dat in de hele regio.
          </Paragraph>
          <SvgChartFigure
            spec={{
              kind: 'bar',
              title: `Meldingen per thema: ${columnLabel(ownColumn)} en de regio, ${periodLabel(release.period)}`,
              categories: themeRows(own).map(rowLabel),
              series: [
                { name: columnLabel(ownColumn), values: themeRows(own).map((theme) => chartableValue(cellValue(own, theme, ownColumn), release.k)) },
                { name: 'Regio', values: themeRows(own).map((theme) => chartableValue(cellValue(region, theme, 'regio'), release.k)) },
              ],
            }}
            tableNote={`De grafiek toont alleen gepubliceerde aantallen van minstens ${release.k}; de tabel hieronder geeft alle cellen.`}
          />
          <Table>
            <TableCaption>
              Meldingen per thema, {columnLabel(ownColumn)} en de regio, {periodLabel(release.period)}
            </TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">Thema</TableHeaderCell>
                <TableHeaderCell scope="col">{columnLabel(ownColumn)}</TableHeaderCell>
                <TableHeaderCell scope="col">Regio</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {own.rows.map((row) => (
                <TableRow key={row}>
                  <TableHeaderCell scope="row">{rowLabel(row)}</TableHeaderCell>
                  <TableCell className="sh-number" data-cel={`${row}|eigen`}>
                    {shownValue(cellValue(own, row, ownColumn) ?? null, release.mark)}
                  </TableCell>
                  <TableCell className="sh-number" data-cel={`${row}|regio`}>
                    {shownValue(cellValue(region, row, 'regio') ?? null, release.mark)}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          <ReleaseLegend legend={release.legend} />
          <Heading2>Verantwoording</Heading2>
          <ReleaseStatement release={release} />
        </>
      )}
    </Layout>
  );
}
