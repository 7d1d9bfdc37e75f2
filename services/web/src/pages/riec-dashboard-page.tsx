import type { ReleaseJson, ReleaseSummary } from '@signaalhub/contracts';
import { Button, Heading1, Heading2, Link, Paragraph } from '@utrecht/component-library-react';
import type { ReactNode } from 'react';
import { ReleaseLegend, ReleaseTable } from '../components/release-table.js';
import { SelectField } from '../components/select-field.js';
import { SvgChartFigure } from '../components/svg-chart-figure.js';
import { Layout } from './layout.js';
import type { PageUser } from './page-context.js';
import { cellValue, chartableValue, columnLabel, memberColumns, periodLabel, periodTable, rowLabel, themeRows, type TrendPointView } from './release-view.js';

export interface DashboardFilter {
  readonly theme: string;
  readonly municipality: string;
}

export interface RiecDashboardPageProps {
  readonly user: PageUser;
  readonly releases: readonly ReleaseSummary[];
  /** The chosen (or latest) release; undefined when none was built yet. */
  readonly release: ReleaseJson | undefined;
  readonly filter: DashboardFilter;
  /** The released regional totals of the filtered theme per month, oldest first. */
  readonly trend: readonly TrendPointView[];
}

/**
 * The RIEC's dashboard: one release's figures as charts and tables. The filters choose rows and columns
 * within the release; no figure is computed that the release did not publish, and the charts plot only
 * released cells of at least k (a suppressed cell is a gap; the table shows its mark).
 */
export function RiecDashboardPage({ user, releases, release, filter, trend }: RiecDashboardPageProps): ReactNode {
  const table = release === undefined ? undefined : periodTable(release, 'regio-per-gemeente');
  return (
    <Layout title="Regiobeeld" user={user} section="riec">
      <Heading1>Regiobeeld</Heading1>
      {release === undefined || table === undefined ? (
        <Paragraph>
          Er is nog geen publicatie. Stel de publicatie van een maand samen op de pagina <Link href="/riec/publicaties">Publicaties</Link>.
        </Paragraph>
      ) : (
        <Dashboard release={release} releases={releases} filter={filter} trend={trend} table={table} />
      )}
    </Layout>
  );
}

function Dashboard({ release, releases, filter, trend, table }: Omit<RiecDashboardPageProps, 'user' | 'release'> & { readonly release: ReleaseJson; readonly table: NonNullable<ReturnType<typeof periodTable>> }): ReactNode {
  const themes = themeRows(table).filter((row) => filter.theme === '' || row === filter.theme);
  const municipalities = memberColumns(table).filter((column) => filter.municipality === '' || column === filter.municipality);
  const title = `Meldingen per thema per gemeente, ${periodLabel(release.period)}`;
  const trendTitle = `Meldingen in de regio per maand${filter.theme === '' ? '' : `, thema ${rowLabel(filter.theme)}`}`;
  return (
    <>
      <Paragraph>
        Publicatie van {periodLabel(release.period)} (drempel k = {release.k}, {release.suppressedCells} cellen niet gepubliceerd).{' '}
        <Link href={`/riec/publicaties/${encodeURIComponent(release.id)}`}>Verantwoording en downloads</Link>
      </Paragraph>
      <form method="get" action="/riec" className="sh-card" aria-labelledby="kop-filters">
        <Heading2 id="kop-filters">Filters</Heading2>
        <SelectField
          id="publicatie"
          name="publicatie"
          label="Publicatie"
          value={release.id}
          options={[...releases].reverse().map((summary) => ({ value: summary.id, label: `${periodLabel(summary.period)} (publicatie ${summary.sequence})` }))}
        />
        <SelectField id="thema" name="thema" label="Thema" value={filter.theme} placeholder="Alle thema's" options={themeRows(table).map((row) => ({ value: row, label: rowLabel(row) }))} />
        <SelectField id="gemeente" name="gemeente" label="Gemeente" value={filter.municipality} placeholder="Alle gemeenten" options={memberColumns(table).map((column) => ({ value: column, label: columnLabel(column) }))} />
        <div className="sh-action-row">
          <Button type="submit" appearance="secondary-action-button">
            Tonen
          </Button>
        </div>
      </form>
      <section aria-labelledby="kop-per-gemeente">
        <Heading2 id="kop-per-gemeente">{title}</Heading2>
        <SvgChartFigure
          spec={{
            kind: 'bar',
            title,
            categories: municipalities.map(columnLabel),
            series: themes.map((theme) => ({ name: rowLabel(theme), values: municipalities.map((column) => chartableValue(cellValue(table, theme, column), release.k)) })),
          }}
          tableNote={`De grafiek toont alleen gepubliceerde aantallen van minstens ${release.k}; de tabel hieronder geeft alle cellen.`}
        />
        <ReleaseTable table={table} mark={release.mark} caption={title} rows={[...themes, ...(filter.theme === '' ? ['totaal'] : [])]} columns={[...municipalities, ...(filter.municipality === '' ? ['totaal'] : [])]} />
        <ReleaseLegend legend={release.legend} />
      </section>
      <section aria-labelledby="kop-trend">
        <Heading2 id="kop-trend">{trendTitle}</Heading2>
        <SvgChartFigure
          spec={{ kind: 'line', title: trendTitle, categories: trend.map((point) => periodLabel(point.period)), series: [{ name: 'Regio', values: trend.map((point) => chartableValue(point.value, point.k)) }] }}
          tableNote="Alleen gepubliceerde aantallen van minstens k tellen mee in de trend; de tabel hieronder geeft elke maand zoals gepubliceerd."
        />
        <TrendTable trend={trend} caption={trendTitle} />
      </section>
    </>
  );
}

function TrendTable({ trend, caption }: { readonly trend: readonly TrendPointView[]; readonly caption: string }): ReactNode {
  return (
    <table className="utrecht-table">
      <caption className="utrecht-table__caption">{caption}</caption>
      <thead className="utrecht-table__header">
        <tr className="utrecht-table__row">
          <th className="utrecht-table__header-cell" scope="col">
            Maand
          </th>
          <th className="utrecht-table__header-cell" scope="col">
            Regio
          </th>
        </tr>
      </thead>
      <tbody className="utrecht-table__body">
        {trend.map((point) => (
          <tr key={point.period} className="utrecht-table__row">
            <th className="utrecht-table__header-cell" scope="row">
              {periodLabel(point.period)}
            </th>
            <td className="utrecht-table__cell sh-number">{point.value === null ? point.mark : String(point.value)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
