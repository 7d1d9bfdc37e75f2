import { shownValue, type Release } from '../disclosure/index.js';

const HEADER = ['publicatie', 'periode', 'tabel', 'thema', 'kolom', 'aantal'] as const;

/**
 * The release as CSV (RFC 4180: CRLF, fields quoted when they hold a comma, quote or line break):
 * one header row, one row per cell, a suppressed cell as the release's mark.
 */
export function releaseCsv(release: Release): string {
  const rows = release.tables.flatMap((table) =>
    table.cells.map((cell) => [release.id, table.period, table.id, cell.row, cell.column, shownValue(cell.value, release.mark)]),
  );
  return [HEADER, ...rows].map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}

function csvField(value: string): string {
  // A leading =, +, - or @ would make a spreadsheet evaluate the field as a formula (CSV injection).
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}
