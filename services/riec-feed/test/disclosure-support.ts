import { buildRelease, recipientLayouts, type RawCount, type Release, type ReleasedCell } from '../src/disclosure/index.js';

export const RIEC = { kind: 'riec' } as const;

/** Counts from a theme → municipality → count table, for one period. */
export function countsOf(period: string, table: Readonly<Record<string, Readonly<Record<string, number>>>>): RawCount[] {
  return Object.entries(table).flatMap(([theme, row]) => Object.entries(row).map(([municipality, count]) => ({ period, theme, municipality, count })));
}

export function riecRelease(options: {
  readonly id: string;
  readonly sequence: number;
  readonly period: string;
  readonly counts: Readonly<Record<string, Readonly<Record<string, number>>>>;
  readonly ledger?: readonly Release[];
  readonly restatedPeriods?: readonly string[];
  readonly k?: number;
}): Release {
  const themes = Object.keys(options.counts);
  const municipalities = Object.keys(options.counts[themes[0] ?? ''] ?? {});
  return buildRelease({
    id: options.id,
    recipient: 'riec-mn',
    sequence: options.sequence,
    period: options.period,
    restatedPeriods: options.restatedPeriods ?? [],
    layouts: recipientLayouts(RIEC, options.period, themes, municipalities),
    counts: countsOf(options.period, options.counts),
    ledger: options.ledger ?? [],
    ...(options.k === undefined ? {} : { k: options.k }),
  });
}

export function cellsOf(release: Release): ReleasedCell[] {
  return release.tables.flatMap((table) => table.cells);
}

/** "row/column" of every suppressed cell, in table order. */
export function suppressedCells(release: Release): string[] {
  return cellsOf(release)
    .filter((cell) => cell.value === null)
    .map((cell) => `${cell.row}/${cell.column}`);
}
