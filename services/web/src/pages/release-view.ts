import { RELEASE_TOTAL_KEY, THEME_LABELS, type ReleaseJson, type ReleasedTableJson } from '@signaalhub/contracts';
import { municipalityName } from '../labels/labels.js';

/** What a page shows for a cell: the number, or the release's one mark when it is suppressed. */
export const shownValue = (value: number | null, mark: string): string => (value === null ? mark : String(value));

/** The value of a cell as published (null: suppressed); undefined when the table has no such cell. */
export function cellValue(table: ReleasedTableJson, row: string, column: string): number | null | undefined {
  return table.cells.find((cell) => cell.row === row && cell.column === column)?.value;
}

/** A row (theme or total) in Dutch. */
export function rowLabel(row: string): string {
  if (row === RELEASE_TOTAL_KEY) return 'Totaal';
  return (THEME_LABELS as Readonly<Record<string, string>>)[row] ?? row;
}

/** A column (municipality, the region or total) in Dutch. */
export function columnLabel(column: string): string {
  if (column === RELEASE_TOTAL_KEY) return 'Totaal';
  if (column === 'regio') return 'Regio';
  return municipalityName(column);
}

/** The release's table of its own period whose id ends with `layout` (restated periods have tables of their own). */
export function periodTable(release: ReleaseJson, layout: string): ReleasedTableJson | undefined {
  return release.tables.find((table) => table.period === release.period && table.id.endsWith(`/${layout}`)) ?? release.tables.find((table) => table.period === release.period);
}

/** The theme rows and the municipality columns of a table, without its totals. */
export const themeRows = (table: ReleasedTableJson): string[] => table.rows.filter((row) => row !== RELEASE_TOTAL_KEY);
export const memberColumns = (table: ReleasedTableJson): string[] => table.columns.filter((column) => column !== RELEASE_TOTAL_KEY);

/** `2026-03` as `maart 2026`. */
export function periodLabel(period: string): string {
  if (!/^\d{4}-\d{2}$/.test(period)) return period;
  return new Intl.DateTimeFormat('nl-NL', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${period}-15T12:00:00Z`));
}

/** A value a trend or chart may use: visible and at least k (the feed's disclosure rule for statistics). */
export const chartableValue = (value: number | null | undefined, k: number): number | null => (value !== null && value !== undefined && value >= k ? value : null);

/** One month of a trend as its own release published it. */
export interface TrendPointView {
  readonly period: string;
  readonly value: number | null;
  readonly k: number;
  readonly mark: string;
}

/** The regional total of a theme (or of all themes) in each release's own period, oldest first. */
export function regionalTrend(releases: readonly ReleaseJson[], theme: string): TrendPointView[] {
  return releases.flatMap((release) => {
    const table = periodTable(release, 'regio-per-gemeente');
    if (table === undefined) return [];
    const value = cellValue(table, theme === '' ? RELEASE_TOTAL_KEY : theme, RELEASE_TOTAL_KEY);
    return value === undefined ? [] : [{ period: release.period, value, k: release.k, mark: release.mark }];
  });
}
