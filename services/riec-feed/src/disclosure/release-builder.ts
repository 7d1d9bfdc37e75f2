import { findRevealedCells, type LedgerRelease, type RevealedCell } from './differencing-check.js';
import { legendText, methodText, restatementNote, SUPPRESSION_MARK } from './legend.js';
import { atomKey, candidateTable, type CandidateTable, type RawCount, type Release, type ReleasedTable, type TableLayout } from './release-model.js';

export const DEFAULT_K = 5;

export interface ReleaseRequest {
  readonly id: string;
  readonly recipient: string;
  /** Must be higher than every sequence in the ledger. */
  readonly sequence: number;
  readonly period: string;
  /** Earlier periods changed by late events; their layouts are among `layouts`. */
  readonly restatedPeriods?: readonly string[];
  readonly layouts: readonly TableLayout[];
  /** Raw counts from the projections; a missing combination counts 0. */
  readonly counts: readonly RawCount[];
  readonly k?: number;
  /** Everything this recipient was sent before. */
  readonly ledger: readonly Release[];
}

/** Bad input, naming the field and the rule (the caller answers 422 with it). */
export class ReleaseRequestError extends Error {
  constructor(
    readonly field: string,
    readonly rule: string,
  ) {
    super(`${field}: ${rule}`);
    this.name = 'ReleaseRequestError';
  }
}

interface CellRef {
  readonly table: number;
  readonly cell: number;
}

/**
 * Builds the release one recipient is sent: primary suppression of counts 1..k−1, then secondary
 * suppression until neither this release on its own nor everything the recipient received before
 * reveals a suppressed cell (findRevealedCells refuses; each refusal suppresses the smallest related
 * visible cell and checks again). Ends, because suppressing every cell of the new release adds nothing.
 */
export function buildRelease(request: ReleaseRequest): Release {
  const k = request.k ?? DEFAULT_K;
  validate(request, k);
  const counts = new Map(request.counts.map((count) => [atomKey(count.period, count.theme, count.municipality), count.count]));
  const tables = request.layouts.map((layout) => candidateTable(layout, (atom) => counts.get(atom) ?? 0));
  const suppressed = new Set<string>();
  const refKey = (ref: CellRef): string => `${String(ref.table)}:${String(ref.cell)}`;
  const all: CellRef[] = tables.flatMap((table, t) => table.cells.map((_, c) => ({ table: t, cell: c })));
  const valueOf = (ref: CellRef): number => tables[ref.table]?.cells[ref.cell]?.value ?? 0;

  for (const ref of all) {
    const value = valueOf(ref);
    if (value >= 1 && value < k) suppressed.add(refKey(ref));
  }
  const primary = suppressed.size;

  const suppressSmallest = (candidates: readonly CellRef[], allowZero: boolean): boolean => {
    const visible = candidates.filter((ref) => !suppressed.has(refKey(ref)) && (allowZero || valueOf(ref) > 0));
    // Stable sort: equal values keep table and cell order, so the choice is deterministic.
    const chosen = [...visible].sort((a, b) => valueOf(a) - valueOf(b))[0];
    if (chosen === undefined) return false;
    suppressed.add(refKey(chosen));
    return true;
  };
  const applyLineRules = (): void => {
    for (let changed = true; changed; ) {
      changed = false;
      tables.forEach((table, t) => {
        for (const line of table.lines) {
          const refs = [...line.members, line.total].map((cell) => ({ table: t, cell }));
          const hidden = refs.filter((ref) => suppressed.has(refKey(ref)));
          if (hidden.length === 0) continue;
          const totalVisible = !suppressed.has(refKey({ table: t, cell: line.total }));
          const hiddenSum = hidden.reduce((sum, ref) => sum + valueOf(ref), 0);
          // One hidden member follows from the others; hidden members adding up to 1..k−1 are a small count too.
          const needsMore = hidden.length === 1 || (totalVisible && hiddenSum >= 1 && hiddenSum < k);
          if (needsMore && (suppressSmallest(refs, false) || suppressSmallest(refs, true))) changed = true;
        }
      });
    }
  };
  const candidate = (): Release => assemble(request, k, tables, (ref) => suppressed.has(refKey(ref)), { primary, secondary: 0, forDifferencing: 0 });
  const complementFor = (revealed: RevealedCell): void => {
    const related = relatedCells(revealed, [...request.ledger, candidate()], request.id, tables, all);
    for (const group of related) if (suppressSmallest(group, false) || suppressSmallest(group, true)) return;
  };
  const suppressUntilSafe = (ledger: readonly LedgerRelease[]): void => {
    // What the ledger gave away already cannot be taken back; only what this release adds counts.
    const known = new Set(findRevealedCells(ledger).map(revealedKey));
    for (;;) {
      applyLineRules();
      const revealed = findRevealedCells([...ledger, candidate()]).filter((cell) => !known.has(revealedKey(cell)));
      if (revealed.length === 0) return;
      const before = suppressed.size;
      for (const cell of revealed) complementFor(cell);
      if (suppressed.size === before) throw new Error('secondary suppression made no progress'); // unreachable: all cells hidden reveals nothing new
    }
  };

  suppressUntilSafe([]);
  const withinRelease = suppressed.size;
  const linked = linkedReleases(request.ledger, tables.flatMap((table) => table.cells.flatMap((cell) => cell.atoms)));
  if (linked.length > 0) suppressUntilSafe(linked);
  return assemble(request, k, tables, (ref) => suppressed.has(refKey(ref)), {
    primary,
    secondary: suppressed.size - primary,
    forDifferencing: suppressed.size - withinRelease,
  });
}

/**
 * The tables of earlier releases that share atoms with the new one, directly or through each other.
 * Every other table is a separate part of the attacker's equations, which the new release cannot change.
 */
function linkedReleases(ledger: readonly Release[], atoms: readonly string[]): Release[] {
  const reached = new Set(atoms);
  const linked = new Set<ReleasedTable>();
  for (let grew = true; grew; ) {
    grew = false;
    for (const table of ledger.flatMap((release) => release.tables)) {
      if (linked.has(table)) continue;
      const tableAtoms = table.cells.flatMap((cell) => cell.atoms);
      if (!tableAtoms.some((atom) => reached.has(atom))) continue;
      linked.add(table);
      for (const atom of tableAtoms) reached.add(atom);
      grew = true;
    }
  }
  return ledger
    .map((release) => ({ ...release, tables: release.tables.filter((table) => linked.has(table)) }))
    .filter((release) => release.tables.length > 0);
}

function revealedKey(cell: RevealedCell): string {
  return JSON.stringify([cell.releaseId, cell.tableId, cell.row, cell.column]);
}

/**
 * Where to look for a complement of a revealed cell, nearest first: cells on a line with it (when it is
 * in this release), cells of this release sharing an atom with it, then any cell of this release.
 */
function relatedCells(revealed: RevealedCell, ledger: readonly LedgerRelease[], releaseId: string, tables: readonly CandidateTable[], all: readonly CellRef[]): CellRef[][] {
  const groups: CellRef[][] = [];
  if (revealed.releaseId === releaseId) {
    const t = tables.findIndex((table) => table.layout.id === revealed.tableId);
    const c = tables[t]?.cells.findIndex((cell) => cell.row === revealed.row && cell.column === revealed.column) ?? -1;
    const lines = tables[t]?.lines.filter((line) => line.total === c || line.members.includes(c)) ?? [];
    groups.push(lines.flatMap((line) => [...line.members, line.total].map((cell) => ({ table: t, cell }))));
  }
  const atoms = new Set(
    ledger
      .find((release) => release.id === revealed.releaseId)
      ?.tables.find((table) => table.id === revealed.tableId)
      ?.cells.find((cell) => cell.row === revealed.row && cell.column === revealed.column)?.atoms,
  );
  groups.push(all.filter((ref) => tables[ref.table]?.cells[ref.cell]?.atoms.some((atom) => atoms.has(atom)) === true));
  groups.push([...all]);
  return groups;
}

function assemble(
  request: ReleaseRequest,
  k: number,
  tables: readonly CandidateTable[],
  isSuppressed: (ref: CellRef) => boolean,
  suppressed: Release['suppressed'],
): Release {
  const released: ReleasedTable[] = tables.map((table, t) => ({
    id: table.layout.id,
    period: table.layout.period,
    rows: table.rows,
    columns: table.columns,
    cells: table.cells.map((cell, c) => ({ row: cell.row, column: cell.column, atoms: cell.atoms, value: isSuppressed({ table: t, cell: c }) ? null : cell.value })),
  }));
  const restatedPeriods = [...(request.restatedPeriods ?? [])];
  return {
    id: request.id,
    recipient: request.recipient,
    sequence: request.sequence,
    period: request.period,
    restatedPeriods,
    k,
    method: methodText(k),
    mark: SUPPRESSION_MARK,
    legend: legendText(k),
    notes: restatedPeriods.map(restatementNote),
    tables: released,
    suppressed,
  };
}

function validate(request: ReleaseRequest, k: number): void {
  if (!Number.isInteger(k) || k < 2) throw new ReleaseRequestError('k', 'must be a whole number of at least 2');
  if (!Number.isInteger(request.sequence) || request.sequence < 1) throw new ReleaseRequestError('sequence', 'must be a whole number of at least 1');
  request.counts.forEach((count, i) => {
    if (!Number.isInteger(count.count) || count.count < 0) throw new ReleaseRequestError(`counts[${String(i)}].count`, 'must be a whole number of at least 0');
  });
  request.ledger.forEach((release, i) => {
    if (release.recipient !== request.recipient) throw new ReleaseRequestError(`ledger[${String(i)}].recipient`, 'must be the recipient of the new release');
    if (release.sequence >= request.sequence) throw new ReleaseRequestError('sequence', 'must be higher than every sequence in the ledger');
    if (release.id === request.id) throw new ReleaseRequestError('id', 'must differ from every release in the ledger');
  });
  const ids = request.layouts.map((layout) => layout.id);
  if (new Set(ids).size !== ids.length) throw new ReleaseRequestError('layouts', 'table ids must be unique');
  const periods = new Set([request.period, ...(request.restatedPeriods ?? [])]);
  request.layouts.forEach((layout, i) => {
    if (!periods.has(layout.period)) throw new ReleaseRequestError(`layouts[${String(i)}].period`, 'must be the release period or a restated period');
  });
}
