import type { Release } from '../disclosure/index.js';

/** The JSON export of a release; a suppressed cell is null (the legend and mark say why). */
export interface ReleaseJson {
  readonly id: string;
  readonly period: string;
  readonly restatedPeriods: readonly string[];
  readonly k: number;
  readonly method: string;
  readonly mark: string;
  readonly legend: string;
  readonly notes: readonly string[];
  /**
   * How many cells were suppressed, in total: the split into primary and secondary stays inside the
   * service, since in a small table it tells which hidden cells are the small ones.
   */
  readonly suppressedCells: number;
  readonly tables: readonly {
    readonly id: string;
    readonly period: string;
    readonly rows: readonly string[];
    readonly columns: readonly string[];
    readonly cells: readonly { readonly row: string; readonly column: string; readonly value: number | null }[];
  }[];
}

/** Fields are copied one by one so nothing internal to the ledger (atoms, recipient, sequence) leaves with it. */
export function releaseJson(release: Release): ReleaseJson {
  return {
    id: release.id,
    period: release.period,
    restatedPeriods: [...release.restatedPeriods],
    k: release.k,
    method: release.method,
    mark: release.mark,
    legend: release.legend,
    notes: [...release.notes],
    suppressedCells: release.suppressed.primary + release.suppressed.secondary,
    tables: release.tables.map((table) => ({
      id: table.id,
      period: table.period,
      rows: [...table.rows],
      columns: [...table.columns],
      cells: table.cells.map((cell) => ({ row: cell.row, column: cell.column, value: cell.value })),
    })),
  };
}
