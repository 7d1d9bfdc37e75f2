export { findRevealedCells, type LedgerRelease, type RevealedCell } from './differencing-check.js';
export { legendText, methodText, shownValue, SUPPRESSION_MARK } from './legend.js';
export { boundsSolver, type BoundsSolver, type LinearEquation, type LinearSystem } from './linear-bounds.js';
export { eligibleValues, releasedMedian, releasedTrend, type Trend, type TrendPoint } from './released-statistics.js';
export { buildRelease, DEFAULT_K, ReleaseRequestError, type ReleaseRequest } from './release-builder.js';
export {
  atomKey,
  candidateTable,
  recipientLayouts,
  TOTAL,
  type ColumnGroup,
  type RawCount,
  type Release,
  type ReleasedCell,
  type ReleasedTable,
  type SuppressionCounts,
  type TableLayout,
} from './release-model.js';
