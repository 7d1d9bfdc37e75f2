/**
 * Bounds of linear functionals over { x ≥ 0 : A·x = b }: what an attacker who knows every published
 * equation can learn about a suppressed cell. A dense two-phase simplex with Bland's rule (no cycling
 * on the many degenerate rows that published zeros give); phase 1 runs once per system, every
 * objective then starts from its feasible basis.
 */

/** One equation Σ coefficient·x = rhs; variables are indexes into 0..variableCount−1. */
export interface LinearEquation {
  readonly coefficients: ReadonlyMap<number, number>;
  readonly rhs: number;
}

export interface LinearSystem {
  readonly variableCount: number;
  readonly equations: readonly LinearEquation[];
}

export interface BoundsSolver {
  /** Smallest value of Σ objective·x over the system; −Infinity when unbounded. */
  minimum(objective: ReadonlyMap<number, number>): number;
  /** Largest value; +Infinity when unbounded. */
  maximum(objective: ReadonlyMap<number, number>): number;
}

const EPSILON = 1e-9;

interface Tableau {
  readonly rows: number[][]; // each row: variableCount coefficients, then the right-hand side
  readonly basis: number[];
}

/** Returns undefined when the system has no non-negative solution. */
export function boundsSolver(system: LinearSystem): BoundsSolver | undefined {
  const n = system.variableCount;
  const m = system.equations.length;
  // Columns: n variables, m artificials, then the right-hand side.
  const width = n + m + 1;
  const rows = system.equations.map((equation, i) => {
    const sign = equation.rhs < 0 ? -1 : 1;
    const row = new Array<number>(width).fill(0);
    for (const [variable, coefficient] of equation.coefficients) row[variable] = (row[variable] ?? 0) + sign * coefficient;
    row[n + i] = 1;
    row[width - 1] = sign * equation.rhs;
    return row;
  });
  const tableau: Tableau = { rows, basis: rows.map((_, i) => n + i) };

  const phaseOneCosts = new Array<number>(n + m).fill(0).map((_, column) => (column >= n ? 1 : 0));
  const phaseOne = optimise(tableau, phaseOneCosts, n + m);
  if (phaseOne === undefined || phaseOne > EPSILON * Math.max(1, m)) return undefined;
  const feasible = withoutArtificials(tableau, n);

  const minimum = (objective: ReadonlyMap<number, number>): number => {
    if (objective.size === 0) return 0;
    const costs = new Array<number>(n).fill(0);
    for (const [variable, coefficient] of objective) costs[variable] = coefficient;
    const copy: Tableau = { rows: feasible.rows.map((row) => [...row]), basis: [...feasible.basis] };
    return optimise(copy, costs, n) ?? -Infinity;
  };
  return {
    minimum,
    maximum: (objective) => -minimum(new Map([...objective].map(([variable, coefficient]) => [variable, -coefficient]))),
  };
}

/**
 * Minimises costs·x over the tableau's columns 0..enteringLimit−1 in place.
 * Returns the optimum, or undefined when it is unbounded below.
 */
function optimise(tableau: Tableau, costs: readonly number[], enteringLimit: number): number | undefined {
  const { rows, basis } = tableau;
  const rhs = (row: readonly number[]): number => row[row.length - 1] ?? 0;
  const reduced = costs.map((cost, column) => rows.reduce((sum, row, i) => sum - (costs[basis[i] ?? 0] ?? 0) * (row[column] ?? 0), cost));
  for (;;) {
    const entering = reduced.findIndex((value, column) => column < enteringLimit && value < -EPSILON);
    if (entering < 0) break;
    let leaving = -1;
    let bestRatio = Infinity;
    rows.forEach((row, i) => {
      const coefficient = row[entering] ?? 0;
      if (coefficient <= EPSILON) return;
      const ratio = rhs(row) / coefficient;
      // Bland: among equal ratios the smallest basic variable leaves.
      if (ratio < bestRatio - EPSILON || (Math.abs(ratio - bestRatio) <= EPSILON && (basis[i] ?? 0) < (basis[leaving] ?? Infinity))) {
        bestRatio = ratio;
        leaving = i;
      }
    });
    if (leaving < 0) return undefined;
    pivot(tableau, leaving, entering);
    const factor = reduced[entering] ?? 0;
    const pivotRow = rows[leaving] ?? [];
    for (let column = 0; column < reduced.length; column++) reduced[column] = (reduced[column] ?? 0) - factor * (pivotRow[column] ?? 0);
  }
  return rows.reduce((sum, row, i) => sum + (costs[basis[i] ?? 0] ?? 0) * rhs(row), 0);
}

function pivot(tableau: Tableau, pivotRowIndex: number, column: number): void {
  const pivotRow = tableau.rows[pivotRowIndex] ?? [];
  const divisor = pivotRow[column] ?? 1;
  for (let j = 0; j < pivotRow.length; j++) pivotRow[j] = (pivotRow[j] ?? 0) / divisor;
  tableau.rows.forEach((row, i) => {
    if (i === pivotRowIndex) return;
    const factor = row[column] ?? 0;
    if (Math.abs(factor) <= EPSILON) return;
    for (let j = 0; j < row.length; j++) row[j] = (row[j] ?? 0) - factor * (pivotRow[j] ?? 0);
  });
  tableau.basis[pivotRowIndex] = column;
}

/** After phase 1: pivots artificials at level zero out of the basis and drops the rows that were redundant. */
function withoutArtificials(tableau: Tableau, n: number): Tableau {
  const keep: number[] = [];
  tableau.rows.forEach((row, i) => {
    if ((tableau.basis[i] ?? 0) < n) {
      keep.push(i);
      return;
    }
    const column = row.findIndex((value, j) => j < n && Math.abs(value) > EPSILON);
    if (column < 0) return; // a redundant equation
    pivot(tableau, i, column);
    keep.push(i);
  });
  return {
    rows: keep.map((i) => [...(tableau.rows[i] ?? []).slice(0, n), (tableau.rows[i] ?? []).at(-1) ?? 0]),
    basis: keep.map((i) => tableau.basis[i] ?? 0),
  };
}
