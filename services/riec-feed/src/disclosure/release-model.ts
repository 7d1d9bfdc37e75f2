/**
 * The shapes of a release. A release is what one recipient is sent for one period: one or more tables
 * (theme × municipality group, with marginal totals), each cell published as a number or suppressed.
 * Every cell is the sum of atoms — the raw counts of one period × theme × municipality — so tables that
 * overlap (the region and one's own municipality, a restated period and its first release) are linked
 * by the atoms they share.
 */

/** The key of the row or column that holds a table's marginal totals. */
export const TOTAL = 'totaal';

/** One raw count from the projections. */
export interface RawCount {
  readonly period: string;
  readonly theme: string;
  readonly municipality: string;
  readonly count: number;
}

/** A column of a table: one municipality, or several added up (the region). */
export interface ColumnGroup {
  readonly key: string;
  readonly municipalities: readonly string[];
}

/** What one table of a release shows, before any figure is filled in. */
export interface TableLayout {
  readonly id: string;
  readonly period: string;
  /**
   * The finest periods the table adds up, when it is coarser than the atoms (a quarter: its three
   * months), so the check sees a quarter minus its months. Defaults to [period].
   */
  readonly atomPeriods?: readonly string[];
  readonly themes: readonly string[];
  readonly columns: readonly ColumnGroup[];
}

/** A published cell: value null when suppressed. Rows are themes or TOTAL, columns column keys or TOTAL. */
export interface ReleasedCell {
  readonly row: string;
  readonly column: string;
  /** Atom keys (see atomKey) the cell adds up; how the differencing check links tables. */
  readonly atoms: readonly string[];
  readonly value: number | null;
}

export interface ReleasedTable {
  readonly id: string;
  readonly period: string;
  readonly rows: readonly string[];
  readonly columns: readonly string[];
  readonly cells: readonly ReleasedCell[];
}

export interface SuppressionCounts {
  /** Cells with a count from 1 to k−1. */
  readonly primary: number;
  /** Further cells suppressed so that no suppressed cell follows from the others (including over the ledger). */
  readonly secondary: number;
  /** Of the secondary ones, those needed only because of what the recipient received before. */
  readonly forDifferencing: number;
}

export interface Release {
  readonly id: string;
  readonly recipient: string;
  /** Position in the recipient's ledger; later releases restate earlier periods under a higher number. */
  readonly sequence: number;
  readonly period: string;
  /** Earlier periods this release states again because late events changed them. */
  readonly restatedPeriods: readonly string[];
  readonly k: number;
  readonly method: string;
  readonly mark: string;
  readonly legend: string;
  readonly notes: readonly string[];
  readonly tables: readonly ReleasedTable[];
  readonly suppressed: SuppressionCounts;
}

/** The atom of one period × theme × municipality; a stable string so ledgers can be stored as JSON. */
export function atomKey(period: string, theme: string, municipality: string): string {
  return JSON.stringify([period, theme, municipality]);
}

/** A cell before publication: its true value is only ever inside the builder. */
export interface CandidateCell {
  readonly row: string;
  readonly column: string;
  readonly atoms: readonly string[];
  readonly value: number;
}

/** An additive line of a table: the members add up to the total. */
export interface TableLine {
  readonly members: readonly number[];
  readonly total: number;
}

export interface CandidateTable {
  readonly layout: TableLayout;
  readonly rows: readonly string[];
  readonly columns: readonly string[];
  readonly cells: readonly CandidateCell[];
  readonly lines: readonly TableLine[];
}

/**
 * Fills a layout with the raw counts. A table with one column has no row totals (they would repeat
 * the cells), one with one theme no column totals; a grand total only when both margins exist.
 */
export function candidateTable(layout: TableLayout, countOf: (atom: string) => number): CandidateTable {
  const atomPeriods = layout.atomPeriods ?? [layout.period];
  const withRowTotals = layout.columns.length > 1;
  const withColumnTotals = layout.themes.length > 1;
  const rows = withColumnTotals ? [...layout.themes, TOTAL] : [...layout.themes];
  const columns = [...layout.columns.map((column) => column.key), ...(withRowTotals ? [TOTAL] : [])];
  const themesOf = (row: string): readonly string[] => (row === TOTAL ? layout.themes : [row]);
  const municipalitiesOf = (column: string): readonly string[] =>
    column === TOTAL ? layout.columns.flatMap((group) => group.municipalities) : (layout.columns.find((group) => group.key === column)?.municipalities ?? []);

  const cells: CandidateCell[] = [];
  const index = new Map<string, number>();
  for (const row of rows) {
    for (const column of columns) {
      const atoms = [
        ...new Set(atomPeriods.flatMap((period) => themesOf(row).flatMap((theme) => municipalitiesOf(column).map((municipality) => atomKey(period, theme, municipality))))),
      ];
      index.set(JSON.stringify([row, column]), cells.length);
      cells.push({ row, column, atoms, value: atoms.reduce((sum, atom) => sum + countOf(atom), 0) });
    }
  }
  const at = (row: string, column: string): number => index.get(JSON.stringify([row, column])) ?? -1;
  const lines: TableLine[] = [];
  if (withRowTotals) {
    for (const row of rows) lines.push({ members: layout.columns.map((group) => at(row, group.key)), total: at(row, TOTAL) });
  }
  if (withColumnTotals) {
    for (const column of columns) lines.push({ members: layout.themes.map((theme) => at(theme, column)), total: at(TOTAL, column) });
  }
  return { layout, rows, columns, cells, lines };
}

/** The layouts a recipient gets for one period: the RIEC every municipality, a municipality its own column and the region's. */
export function recipientLayouts(
  recipient: { readonly kind: 'riec' } | { readonly kind: 'municipality'; readonly municipality: string },
  period: string,
  themes: readonly string[],
  municipalities: readonly string[],
): TableLayout[] {
  if (recipient.kind === 'riec') {
    return [{ id: `${period}/regio-per-gemeente`, period, themes, columns: municipalities.map((municipality) => ({ key: municipality, municipalities: [municipality] })) }];
  }
  return [
    { id: `${period}/eigen-gemeente`, period, themes, columns: [{ key: recipient.municipality, municipalities: [recipient.municipality] }] },
    { id: `${period}/regio`, period, themes, columns: [{ key: 'regio', municipalities }] },
  ];
}
