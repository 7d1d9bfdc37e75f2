import type { ReleaseJson } from '@signaalhub/contracts';
import type { Release } from '../disclosure/index.js';

/**
 * The JSON export of a release (also the body of `feed.published`); a suppressed cell is null. Fields are
 * copied one by one so nothing internal to the ledger (atoms, recipient, sequence, the primary/secondary
 * split) leaves with it.
 */
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
