import { boundsSolver, type BoundsSolver, type LinearEquation } from './linear-bounds.js';
import type { ReleasedCell } from './release-model.js';

/** What the check needs of a release: its place in the ledger, its k and its cells. */
export interface LedgerRelease {
  readonly id: string;
  readonly sequence: number;
  readonly k: number;
  readonly tables: readonly { readonly id: string; readonly cells: readonly ReleasedCell[] }[];
}

/**
 * A suppressed cell the recipient could work out: `exact` when its value follows from what was
 * published, `small-range` when it is pinned between 1 and k−1 (which is what suppression hides).
 */
export interface RevealedCell {
  readonly releaseId: string;
  readonly tableId: string;
  readonly row: string;
  readonly column: string;
  readonly reason: 'exact' | 'small-range';
}

// Integer bounds from floating-point LP optima.
const ROUNDING = 1e-6;

/**
 * Checks everything one recipient has received (earlier releases and the one about to be sent):
 * returns every suppressed cell of any of them whose value can be derived, by totals, by differencing
 * a restated period against its first release, or by overlapping tables. Empty means the set is safe.
 *
 * The attacker model: every published cell is an equation over the atoms (raw counts of period ×
 * theme × municipality) as they stood when that release was built; counts are whole and never
 * negative, and a later release's atom is never smaller than an earlier one's (late events only add).
 */
export function findRevealedCells(releases: readonly LedgerRelease[]): RevealedCell[] {
  const variables = new Map<string, number>();
  const variableOf = (atom: string, sequence: number): number => {
    const key = `${String(sequence)}\u0000${atom}`;
    let variable = variables.get(key);
    if (variable === undefined) {
      variable = variables.size;
      variables.set(key, variable);
    }
    return variable;
  };
  const functional = (cell: ReleasedCell, sequence: number): Map<number, number> => new Map(cell.atoms.map((atom) => [variableOf(atom, sequence), 1]));

  const equations: LinearEquation[] = [];
  const sequencesOfAtom = new Map<string, Set<number>>();
  for (const release of releases) {
    for (const table of release.tables) {
      for (const cell of table.cells) {
        for (const atom of cell.atoms) sequencesOfAtom.set(atom, (sequencesOfAtom.get(atom) ?? new Set()).add(release.sequence));
        // Suppressed cells' atoms get their variables here too, before the system is split into parts.
        const coefficients = functional(cell, release.sequence);
        if (cell.value !== null) equations.push({ coefficients, rhs: cell.value });
      }
    }
  }
  let variableCount = variables.size;
  for (const [atom, sequences] of sequencesOfAtom) {
    const ordered = [...sequences].sort((a, b) => a - b);
    for (let i = 1; i < ordered.length; i++) {
      const slack = variableCount++;
      equations.push({
        coefficients: new Map([
          [variableOf(atom, ordered[i] ?? 0), 1],
          [variableOf(atom, ordered[i - 1] ?? 0), -1],
          [slack, -1],
        ]),
        rhs: 0,
      });
    }
  }

  const components = new SystemComponents(variableCount, equations);
  const revealed: RevealedCell[] = [];
  for (const release of releases) {
    for (const table of release.tables) {
      for (const cell of table.cells) {
        if (cell.value !== null) continue;
        const { minimum, maximum } = components.bounds(functional(cell, release.sequence));
        const low = Math.ceil(minimum - ROUNDING);
        const high = Math.floor(maximum + ROUNDING);
        const reason = low >= high ? 'exact' : low >= 1 && high <= release.k - 1 ? 'small-range' : undefined;
        if (reason !== undefined) revealed.push({ releaseId: release.id, tableId: table.id, row: cell.row, column: cell.column, reason });
      }
    }
  }
  return revealed;
}

/**
 * Splits the system into independent parts (periods rarely share an equation) so each linear
 * programme stays small; a functional's bounds are the sums of its parts' bounds.
 */
class SystemComponents {
  private readonly parent: number[];
  private readonly equationsByRoot = new Map<number, LinearEquation[]>();
  private readonly solvers = new Map<number, { solver: BoundsSolver; local: Map<number, number> } | null>();

  constructor(variableCount: number, equations: readonly LinearEquation[]) {
    this.parent = Array.from({ length: variableCount }, (_, i) => i);
    for (const equation of equations) {
      const [first, ...rest] = [...equation.coefficients.keys()];
      if (first === undefined) continue;
      for (const variable of rest) this.union(first, variable);
    }
    for (const equation of equations) {
      const first = equation.coefficients.keys().next();
      if (first.done === true) continue;
      const root = this.find(first.value);
      this.equationsByRoot.set(root, [...(this.equationsByRoot.get(root) ?? []), equation]);
    }
  }

  bounds(objective: ReadonlyMap<number, number>): { minimum: number; maximum: number } {
    const parts = new Map<number, Map<number, number>>();
    for (const [variable, coefficient] of objective) {
      const root = this.find(variable);
      parts.set(root, (parts.get(root) ?? new Map<number, number>()).set(variable, coefficient));
    }
    let minimum = 0;
    let maximum = 0;
    for (const [root, part] of parts) {
      const entry = this.solverFor(root);
      if (entry === null) {
        // No published equation touches these atoms: anything from 0 upwards fits (coefficients are +1).
        maximum = Infinity;
        continue;
      }
      const local = new Map([...part].map(([variable, coefficient]) => [entry.local.get(variable) ?? -1, coefficient]));
      minimum += entry.solver.minimum(local);
      maximum += entry.solver.maximum(local);
    }
    return { minimum, maximum };
  }

  private solverFor(root: number): { solver: BoundsSolver; local: Map<number, number> } | null {
    const cached = this.solvers.get(root);
    if (cached !== undefined) return cached;
    const equations = this.equationsByRoot.get(root);
    let entry: { solver: BoundsSolver; local: Map<number, number> } | null = null;
    if (equations !== undefined) {
      const local = new Map<number, number>();
      for (const equation of equations) for (const variable of equation.coefficients.keys()) if (!local.has(variable)) local.set(variable, local.size);
      const solver = boundsSolver({
        variableCount: local.size,
        equations: equations.map((equation) => ({
          coefficients: new Map([...equation.coefficients].map(([variable, coefficient]) => [local.get(variable) ?? -1, coefficient])),
          rhs: equation.rhs,
        })),
      });
      // Published figures always come from real counts; an inconsistent ledger is a bug upstream.
      if (solver === undefined) throw new Error('the ledger is inconsistent: its published cells admit no counts');
      entry = { solver, local };
    }
    this.solvers.set(root, entry);
    return entry;
  }

  private find(variable: number): number {
    let root = variable;
    while (this.parent[root] !== root) root = this.parent[root] ?? root;
    let node = variable;
    while (this.parent[node] !== root) {
      const next = this.parent[node] ?? root;
      this.parent[node] = root;
      node = next;
    }
    return root;
  }

  private union(a: number, b: number): void {
    const rootA = this.find(a);
    const rootB = this.find(b);
    if (rootA !== rootB) this.parent[rootB] = rootA;
  }
}
