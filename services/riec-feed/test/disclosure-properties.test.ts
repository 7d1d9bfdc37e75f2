import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { atomKey, buildRelease, findRevealedCells, recipientLayouts, TOTAL, type Release, type ReleasedCell, type ReleasedTable } from '../src/disclosure/index.js';
import { mispEvent, mispEventDocumentSchema, releaseCsv, releaseJson } from '../src/exports/index.js';
import { countsOf, riecRelease } from './disclosure-support.js';

const MUNICIPALITIES = ['Baarn', 'Soest', 'Zeist', 'Eemnes'];
const THEMES = ['drugs', 'fraude', 'mensenhandel'];
type Counts = Record<string, Record<string, number>>;

// Small counts are the interesting ones; larger ones give the complements something to choose from.
const count = fc.oneof(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 40 }));
const dataSet = fc
  .record({ themes: fc.integer({ min: 1, max: 3 }), municipalities: fc.integer({ min: 2, max: 4 }), k: fc.integer({ min: 3, max: 6 }) })
  .chain(({ themes, municipalities, k }) =>
    fc.record({
      k: fc.constant(k),
      counts: fc.array(fc.array(count, { minLength: municipalities, maxLength: municipalities }), { minLength: themes, maxLength: themes }).map(
        (rows): Counts => Object.fromEntries(rows.map((row, t) => [THEMES[t] ?? '', Object.fromEntries(row.map((value, m) => [MUNICIPALITIES[m] ?? '', value]))])),
      ),
    }),
  );

const isSmall = (value: number, k: number): boolean => value >= 1 && value < k;
const truthOf = (period: string, counts: Counts) => {
  const byAtom = new Map(countsOf(period, counts).map((raw) => [atomKey(raw.period, raw.theme, raw.municipality), raw.count]));
  return (cell: ReleasedCell): number => cell.atoms.reduce((sum, atom) => sum + (byAtom.get(atom) ?? 0), 0);
};

/** RFC 4180 fields of every record (the test's own parser, so the export is read as a client would). */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text.charAt(i);
    const next = text.charAt(i + 1);
    if (quoted && char === '"' && next === '"') {
      field += '"';
      i++;
    } else if (quoted && char === '"') {
      quoted = false;
    } else if (quoted) {
      field += char;
    } else if (char === '"') {
      quoted = true;
    } else if (char === ',') {
      record.push(field);
      field = '';
    } else if (char === '\r' && next === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      i++;
    } else {
      field += char;
    }
  }
  return records;
}

/**
 * Whether a suppressed cell of one table follows from its totals and visible cells, decided without
 * linear programming: in the table extended with its margins (a missing margin counts as unknown and
 * unbounded) a cell can change iff it lies on an alternating cycle of suppressed cells along which a
 * unit change keeps every cell non-negative (conformal decomposition of the table's circulations).
 */
function determinedCells(table: ReleasedTable, truth: (cell: ReleasedCell) => number): string[] {
  const rows = table.rows.includes(TOTAL) ? table.rows : [...table.rows, TOTAL];
  const columns = table.columns.includes(TOTAL) ? table.columns : [...table.columns, TOTAL];
  const cellAt = (row: string, column: string) => table.cells.find((cell) => cell.row === row && cell.column === column);
  const hidden = (row: string, column: string): boolean => cellAt(row, column)?.value !== undefined ? cellAt(row, column)?.value === null : true;
  const valueAt = (row: string, column: string): number => {
    const cell = cellAt(row, column);
    return cell === undefined ? Infinity : truth(cell);
  };
  const sign = (row: string, column: string): number => ((row === TOTAL) !== (column === TOTAL) ? -1 : 1);
  const movable = (startRow: string, startColumn: string): boolean => {
    const search = (column: string, usedRows: Set<string>, usedColumns: Set<string>, path: [string, string, number][]): boolean => {
      for (const row of rows) {
        if (row === startRow && column === startColumn) continue;
        if (!hidden(row, column)) continue;
        const edges: [string, string, number][] = [...path, [row, column, -1]];
        if (row === startRow) {
          const feasible = [1, -1].some((direction) => edges.every(([r, c, e]) => direction * sign(r, c) * e > 0 || valueAt(r, c) >= 1));
          if (feasible) return true;
          continue;
        }
        if (usedRows.has(row)) continue;
        for (const next of columns) {
          if (usedColumns.has(next) || !hidden(row, next)) continue;
          if (search(next, new Set([...usedRows, row]), new Set([...usedColumns, next]), [...edges, [row, next, 1]])) return true;
        }
      }
      return false;
    };
    return search(startColumn, new Set([startRow]), new Set([startColumn]), [[startRow, startColumn, 1]]);
  };
  return table.cells.filter((cell) => cell.value === null && !movable(cell.row, cell.column)).map((cell) => `${cell.row}/${cell.column}`);
}

const runs = { numRuns: 60, seed: 20261202 } as const;

describe('disclosure control over random data sets', () => {
  it('publishes no count from 1 to k−1 in the visible cells, the CSV or the JSON of any recipient', () => {
    fc.assert(
      fc.property(dataSet, fc.constantFrom('riec', ...MUNICIPALITIES.slice(0, 2)), ({ k, counts }, recipient) => {
        const themes = Object.keys(counts);
        const municipalities = Object.keys(counts[themes[0] ?? ''] ?? {});
        const layouts = recipientLayouts(recipient === 'riec' ? { kind: 'riec' } : { kind: 'municipality', municipality: recipient }, '2026-01', themes, municipalities);
        const sut = buildRelease({ id: 'r1', recipient, sequence: 1, period: '2026-01', layouts, counts: countsOf('2026-01', counts), ledger: [], k });

        const visible = sut.tables.flatMap((table) => table.cells.flatMap((cell) => (cell.value === null ? [] : [cell.value])));
        expect(visible.filter((value) => isSmall(value, k))).toEqual([]);
        const csvValues = parseCsv(releaseCsv(sut)).slice(1).map((record) => record[5] ?? '');
        expect(csvValues.filter((value) => value !== sut.mark && isSmall(Number(value), k))).toEqual([]);
        expect(csvValues.every((value) => value === sut.mark || /^\d+$/.test(value))).toBe(true);
        const jsonValues = releaseJson(sut).tables.flatMap((table) => table.cells.map((cell) => cell.value));
        expect(jsonValues.filter((value) => value !== null && isSmall(value, k))).toEqual([]);
        if (recipient !== 'riec') {
          // Its own figures and the region's; never another municipality's column.
          expect(new Set(sut.tables.flatMap((table) => table.columns))).toEqual(new Set([recipient, 'regio']));
        }
      }),
      runs,
    );
  });

  it('leaves no suppressed cell that follows from its release’s totals and visible cells (checked by cycles, not by the builder’s LP)', () => {
    fc.assert(
      fc.property(dataSet, ({ k, counts }) => {
        const sut = riecRelease({ id: 'r1', sequence: 1, period: '2026-01', counts, k });
        const truth = truthOf('2026-01', counts);
        for (const table of sut.tables) expect(determinedCells(table, truth)).toEqual([]);
        expect(findRevealedCells([sut])).toEqual([]);
      }),
      runs,
    );
  });

  it('never lets the hidden cells of a line with a visible total add up to 1..k−1', () => {
    fc.assert(
      fc.property(dataSet, ({ k, counts }) => {
        const sut = riecRelease({ id: 'r1', sequence: 1, period: '2026-01', counts, k });
        const truth = truthOf('2026-01', counts);
        const table = sut.tables[0];
        if (table === undefined) return;
        const lines = [
          ...table.rows.map((row) => table.cells.filter((cell) => cell.row === row)),
          ...table.columns.map((column) => table.cells.filter((cell) => cell.column === column)),
        ];
        for (const line of lines) {
          const total = line.find((cell) => (line.every((other) => other.row === cell.row) ? cell.column === TOTAL : cell.row === TOTAL));
          if (total === undefined || total.value === null) continue;
          const hiddenSum = line.filter((cell) => cell.value === null).reduce((sum, cell) => sum + truth(cell), 0);
          expect(isSmall(hiddenSum, k)).toBe(false);
        }
      }),
      runs,
    );
  });

  it('refuses a restatement that would reveal an earlier suppressed cell, and the builder suppresses until it does not, for any recipient', () => {
    const lateEvents = fc.array(fc.record({ theme: fc.integer({ min: 0, max: 2 }), municipality: fc.integer({ min: 0, max: 3 }), added: fc.integer({ min: 1, max: 4 }) }), { maxLength: 3 });
    fc.assert(
      fc.property(dataSet, fc.constantFrom('riec', 'Baarn'), lateEvents, ({ k, counts }, recipient, events) => {
        const themes = Object.keys(counts);
        const municipalities = Object.keys(counts[themes[0] ?? ''] ?? {});
        const layouts = recipientLayouts(recipient === 'riec' ? { kind: 'riec' } : { kind: 'municipality', municipality: recipient }, '2026-01', themes, municipalities);
        const release = (id: string, sequence: number, data: Counts, ledger: readonly Release[]) =>
          buildRelease({ id, recipient, sequence, period: '2026-01', restatedPeriods: sequence > 1 ? ['2026-01'] : [], layouts, counts: countsOf('2026-01', data), ledger, k });
        const first = release('jan', 1, counts, []);
        const truth = truthOf('2026-01', counts);
        const table = first.tables[0];
        const grandTotal = table?.cells.reduce((widest, cell) => (cell.atoms.length > widest.atoms.length ? cell : widest));
        const hidden = table?.cells.filter((cell) => cell.value === null) ?? [];

        // The same period published again in full: with the table's grand total known, every earlier cell of it is at its maximum.
        if (hidden.length > 0 && grandTotal?.value !== null) {
          const inFull: Release = { ...first, id: 'jan-full', sequence: 2, tables: first.tables.map((t) => ({ ...t, cells: t.cells.map((cell) => ({ ...cell, value: truth(cell) })) })) };
          const refused = findRevealedCells([first, inFull]).filter((cell) => cell.releaseId === 'jan' && cell.tableId === table?.id);
          expect(refused.map((cell) => `${cell.row}/${cell.column}`).sort()).toEqual(hidden.map((cell) => `${cell.row}/${cell.column}`).sort());
        }

        const restated: Counts = structuredClone(counts);
        for (const event of events) {
          const theme = themes[event.theme % themes.length] ?? '';
          const municipality = municipalities[event.municipality % municipalities.length] ?? '';
          const row = restated[theme] ?? {};
          row[municipality] = (row[municipality] ?? 0) + event.added;
        }
        const sut = release('feb', 2, restated, [first]);
        expect(findRevealedCells([first, sut])).toEqual([]);
        expect(sut.tables.flatMap((t) => t.cells).filter((cell) => cell.value !== null && isSmall(cell.value, k))).toEqual([]);
      }),
      { numRuns: 40, seed: 20261202 },
    );
  });

  it('agrees with an exhaustive search over every count: no suppressed cell of a period or its restatement takes one value only', () => {
    // Two themes in two municipalities: four atoms before the late events, four no smaller after them.
    const LIMIT = 10;
    const ATOMS = ['drugs', 'fraude'].flatMap((theme) => ['Baarn', 'Soest'].map((municipality) => atomKey('2026-01', theme, municipality)));
    const small = fc.integer({ min: 0, max: 6 });
    const late = fc.integer({ min: 0, max: 3 });
    fc.assert(
      fc.property(fc.integer({ min: 3, max: 5 }), fc.tuple(small, small, small, small), fc.tuple(late, late, late, late), (k, before, added) => {
        const table = (values: readonly number[]): Counts => ({ drugs: { Baarn: values[0] ?? 0, Soest: values[1] ?? 0 }, fraude: { Baarn: values[2] ?? 0, Soest: values[3] ?? 0 } });
        const first = riecRelease({ id: 'jan', sequence: 1, period: '2026-01', counts: table(before), k });
        const after = before.map((value, i) => value + (added[i] ?? 0));
        const sut = riecRelease({ id: 'feb', sequence: 2, period: '2026-01', counts: table(after), k, ledger: [first], restatedPeriods: ['2026-01'] });
        const cellValue = (cell: ReleasedCell, atoms: readonly number[]) => cell.atoms.reduce((sum, atom) => sum + (atoms[ATOMS.indexOf(atom)] ?? 0), 0);
        const consistent = (release: Release): number[][] => {
          const found: number[][] = [];
          const cells = release.tables.flatMap((t) => t.cells).filter((cell) => cell.value !== null);
          for (let i = 0; i < (LIMIT + 1) ** 4; i++) {
            const atoms = [i % 11, Math.floor(i / 11) % 11, Math.floor(i / 121) % 11, Math.floor(i / 1331) % 11];
            if (cells.every((cell) => cellValue(cell, atoms) === cell.value)) found.push(atoms);
          }
          return found;
        };
        const olds = consistent(first);
        const news = consistent(sut);
        const dominates = (upper: readonly number[], lower: readonly number[]) => upper.every((value, i) => value >= (lower[i] ?? 0));
        const hiddenValues = (release: Release, candidates: readonly number[][], partnerExists: (atoms: readonly number[]) => boolean) => {
          const hidden = release.tables.flatMap((t) => t.cells).filter((cell) => cell.value === null);
          const values = hidden.map(() => new Set<number>());
          for (const atoms of candidates) {
            if (values.every((set) => set.size > 1)) break;
            if (hidden.every((cell, i) => values[i]?.has(cellValue(cell, atoms)))) continue;
            if (!partnerExists(atoms)) continue;
            hidden.forEach((cell, i) => values[i]?.add(cellValue(cell, atoms)));
          }
          return hidden.map((cell, i) => [`${release.id}:${cell.row}/${cell.column}`, values[i]?.size ?? 0] as const);
        };
        const single = [
          ...hiddenValues(first, olds, (atoms) => news.some((later) => dominates(later, atoms))),
          ...hiddenValues(sut, news, (atoms) => olds.some((earlier) => dominates(atoms, earlier))),
        ].filter(([, count]) => count < 2);
        expect(single).toEqual([]);
      }),
      // The worked case of the differencing tests: a late event lifts the one small cell to k.
      { numRuns: 30, seed: 20261202, examples: [[5, [3, 9, 7, 6], [2, 0, 0, 0]]] },
    );
  });

  it('exports no token, identifier or count of signals in the MISP event, which always validates', () => {
    const hit = fc.record({
      kind: fc.constantFrom('kvk', 'adres', 'kenteken'),
      themes: fc.uniqueArray(fc.constantFrom(...THEMES), { minLength: 1, maxLength: 3 }),
      municipalities: fc.integer({ min: 2, max: 5 }),
      firstSeen: fc.date({ min: new Date('2025-01-01'), max: new Date('2026-01-01'), noInvalidDate: true }).map((date) => date.toISOString()),
      lastSeen: fc.date({ min: new Date('2026-01-01'), max: new Date('2026-12-01'), noInvalidDate: true }).map((date) => date.toISOString()),
      token: fc.stringMatching(/^tok_[a-f0-9]{16}$/),
      identifier: fc.stringMatching(/^[0-9]{8}$/),
      signals: fc.integer({ min: 1, max: 4 }),
    });
    fc.assert(
      fc.property(fc.array(hit, { maxLength: 6 }), (hits) => {
        const sut = mispEvent({
          eventUuid: '5f0c2a8e-6d1b-4c1e-9a57-3c0f6b2f4e11',
          releaseId: 'riec-2026-01',
          date: '2026-02-01',
          timestamp: 1_769_904_000,
          organisation: { name: 'RIEC Midden-Nederland', uuid: '0b1f0e6c-2f7a-4f39-8f1e-6f4f3c9b1a22' },
          hits,
        });
        expect(mispEventDocumentSchema.safeParse(sut).success).toBe(true);
        const text = JSON.stringify(sut);
        for (const planted of hits) {
          expect(text).not.toContain(planted.token);
          expect(text).not.toContain(planted.identifier);
        }
        // The only numbers in the values are the number of municipalities (not a count of cases).
        for (const [i, attribute] of (sut.Event.Attribute ?? []).entries()) {
          expect(attribute.value.match(/\d+/g)).toEqual([String(hits[i]?.municipalities)]);
        }
      }),
      { numRuns: 100, seed: 20261202 },
    );
  });
});
