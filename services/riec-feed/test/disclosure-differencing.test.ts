import { describe, expect, it } from 'vitest';
import { atomKey, buildRelease, findRevealedCells, recipientLayouts, type LedgerRelease, type Release } from '../src/disclosure/index.js';
import { countsOf, riecRelease, suppressedCells } from './disclosure-support.js';

const january = { drugs: { Baarn: 3, Soest: 9 }, fraude: { Baarn: 7, Soest: 6 } };
// A late event adds two drugs signals in Baarn: no cell is below k any more.
const januaryRestated = { drugs: { Baarn: 5, Soest: 9 }, fraude: { Baarn: 7, Soest: 6 } };

describe(findRevealedCells.name, () => {
  it('refuses a restated period published in full: the earlier suppressed cells follow from the difference', () => {
    const first = riecRelease({ id: 'jan', sequence: 1, period: '2026-01', counts: january });
    expect(suppressedCells(first)).toEqual(['drugs/Baarn', 'drugs/Soest', 'fraude/Baarn', 'fraude/Soest']);
    // Built as if nothing had been sent before: every cell visible.
    const naive = riecRelease({ id: 'feb', sequence: 2, period: '2026-01', counts: januaryRestated, restatedPeriods: ['2026-01'] });
    expect(suppressedCells(naive)).toEqual([]);

    const sut = findRevealedCells([first, naive]);

    expect(sut).toContainEqual({ releaseId: 'jan', tableId: '2026-01/regio-per-gemeente', row: 'drugs', column: 'Baarn', reason: 'exact' });
  });

  it('refuses a restated total that, minus the earlier total, gives away the one cell that changed', () => {
    const cell = (row: string, column: string, atoms: readonly string[], value: number | null) => ({ row, column, atoms, value });
    const a = atomKey('2026-01', 'drugs', 'Baarn');
    const b = atomKey('2026-01', 'drugs', 'Soest');
    const first: LedgerRelease = { id: 'r1', sequence: 1, k: 5, tables: [{ id: 't', cells: [cell('drugs', 'Baarn', [a], null), cell('drugs', 'Soest', [b], 20), cell('drugs', 'totaal', [a, b], 23)] }] };
    // The restatement publishes Soest unchanged and a new total: Baarn then is 25 − 20 = 5 and the earlier Baarn at least 3 and at most 5…
    const restated: LedgerRelease = { id: 'r2', sequence: 2, k: 5, tables: [{ id: 't', cells: [cell('drugs', 'Baarn', [a], 5), cell('drugs', 'Soest', [b], 20), cell('drugs', 'totaal', [a, b], 25)] }] };
    // …and on its own the first release already gave Baarn away: 23 − 20.
    expect(findRevealedCells([first])).toEqual([{ releaseId: 'r1', tableId: 't', row: 'drugs', column: 'Baarn', reason: 'exact' }]);
    expect(findRevealedCells([restated])).toEqual([]);
  });

  it('refuses overlapping tables: the region minus the other municipalities gives away a municipality', () => {
    const atom = (municipality: string) => atomKey('2026-01', 'drugs', municipality);
    const own = { id: 'eigen', cells: [{ row: 'drugs', column: 'Baarn', atoms: [atom('Baarn')], value: null }] };
    const region = { id: 'regio', cells: [{ row: 'drugs', column: 'regio', atoms: [atom('Baarn'), atom('Soest'), atom('Zeist')], value: 30 }] };
    const others = { id: 'buren', cells: [{ row: 'drugs', column: 'Soest', atoms: [atom('Soest')], value: 12 }, { row: 'drugs', column: 'Zeist', atoms: [atom('Zeist')], value: 15 }] };
    const earlier: LedgerRelease = { id: 'r1', sequence: 1, k: 5, tables: [own, region] };
    const sameSnapshot: LedgerRelease = { id: 'r1b', sequence: 1, k: 5, tables: [others] };

    expect(findRevealedCells([earlier])).toEqual([]);
    expect(findRevealedCells([earlier, sameSnapshot])).toEqual([{ releaseId: 'r1', tableId: 'eigen', row: 'drugs', column: 'Baarn', reason: 'exact' }]);
  });

  it('finds nothing in a release whose every cell is suppressed', () => {
    const atom = atomKey('2026-01', 'drugs', 'Baarn');
    const sut: LedgerRelease = { id: 'r1', sequence: 1, k: 5, tables: [{ id: 't', cells: [{ row: 'drugs', column: 'Baarn', atoms: [atom], value: null }] }] };
    expect(findRevealedCells([sut])).toEqual([]);
  });

  it('refuses a release that pins a suppressed cell between 1 and k−1 without fixing it', () => {
    const [a, b, h, i, j] = ['a', 'b', 'h', 'i', 'j'].map((name) => atomKey('2026-01', 'drugs', name));
    const hidden = (atom: string | undefined) => ({ row: 'drugs', column: atom ?? '', atoms: [atom ?? ''], value: null });
    const sum = (column: string, atoms: readonly (string | undefined)[], value: number) => ({ row: 'drugs', column, atoms: atoms.map((atom) => atom ?? ''), value });
    // a + b = 9, b + j = 8, b + h = 12, h + i = 7: b lies in 5..8, so a lies in 1..4 — a small count, though not one value.
    const sut: LedgerRelease = {
      id: 'r1',
      sequence: 1,
      k: 5,
      tables: [{ id: 't', cells: [hidden(a), hidden(b), hidden(h), hidden(i), hidden(j), sum('ab', [a, b], 9), sum('bj', [b, j], 8), sum('bh', [b, h], 12), sum('hi', [h, i], 7)] }],
    };
    expect(findRevealedCells([sut])).toEqual([{ releaseId: 'r1', tableId: 't', row: 'drugs', column: a, reason: 'small-range' }]);
  });
});

describe(`${buildRelease.name} over a ledger`, () => {
  it('suppresses the restated period further until nothing earlier can be derived', () => {
    const first = riecRelease({ id: 'jan', sequence: 1, period: '2026-01', counts: january });

    const sut = riecRelease({ id: 'feb', sequence: 2, period: '2026-01', counts: januaryRestated, restatedPeriods: ['2026-01'], ledger: [first] });

    expect(sut.suppressed.primary).toBe(0);
    expect(sut.suppressed.forDifferencing).toBeGreaterThan(0);
    expect(findRevealedCells([first, sut])).toEqual([]);
  });

  it('keeps a new period that shares no atoms with the ledger as it would be on its own', () => {
    const first = riecRelease({ id: 'jan', sequence: 1, period: '2026-01', counts: january });
    const alone = riecRelease({ id: 'feb', sequence: 2, period: '2026-02', counts: january });

    const sut = riecRelease({ id: 'feb', sequence: 2, period: '2026-02', counts: january, ledger: [first] });

    expect(suppressedCells(sut)).toEqual(suppressedCells(alone));
    expect(sut.suppressed.forDifferencing).toBe(0);
  });

  it('keeps the months safe when their quarter is published: the quarter minus the visible months gives nothing away', () => {
    const months = ['2026-01', '2026-02', '2026-03'];
    const countsIn = (month: string) => (month === '2026-01' ? january : { drugs: { Baarn: 12, Soest: 9 }, fraude: { Baarn: 7, Soest: 6 } });
    const ledger: Release[] = [];
    for (const [i, month] of months.entries()) ledger.push(riecRelease({ id: month, sequence: i + 1, period: month, counts: countsIn(month), ledger }));
    const quarter = recipientLayouts({ kind: 'riec' }, '2026-Q1', ['drugs', 'fraude'], ['Baarn', 'Soest']).map((layout) => ({ ...layout, atomPeriods: months }));
    const counts = months.flatMap((month) => countsOf(month, countsIn(month)));
    const request = { id: 'q1', recipient: 'riec-mn', sequence: 4, period: '2026-Q1', layouts: quarter, counts };
    // Built without the ledger every quarter cell is at least k and visible; February and March are visible
    // too, so the quarter minus them is January's hidden drugs/Baarn.
    const naive = buildRelease({ ...request, ledger: [] });
    expect(naive.suppressed.primary + naive.suppressed.secondary).toBe(0);
    expect(findRevealedCells([...ledger, naive])).toContainEqual({ releaseId: '2026-01', tableId: '2026-01/regio-per-gemeente', row: 'drugs', column: 'Baarn', reason: 'exact' });

    const sut = buildRelease({ ...request, ledger });

    expect(sut.suppressed.forDifferencing).toBeGreaterThan(0);
    expect(findRevealedCells([...ledger, sut])).toEqual([]);
  });

  it('keeps a municipality safe when its region is restated', () => {
    const layouts = (period: string) => recipientLayouts({ kind: 'municipality', municipality: 'Baarn' }, period, ['drugs', 'fraude'], ['Baarn', 'Soest', 'Zeist']);
    const before = { drugs: { Baarn: 3, Soest: 10, Zeist: 12 }, fraude: { Baarn: 8, Soest: 6, Zeist: 20 } };
    const after = { drugs: { Baarn: 6, Soest: 10, Zeist: 12 }, fraude: { Baarn: 8, Soest: 6, Zeist: 20 } };
    const first: Release = buildRelease({ id: 'b1', recipient: 'gemeente-baarn', sequence: 1, period: '2026-01', layouts: layouts('2026-01'), counts: countsOf('2026-01', before), ledger: [] });
    const naive = buildRelease({ id: 'b2', recipient: 'gemeente-baarn', sequence: 2, period: '2026-01', restatedPeriods: ['2026-01'], layouts: layouts('2026-01'), counts: countsOf('2026-01', after), ledger: [] });
    expect(findRevealedCells([first, naive]).length).toBeGreaterThan(0);

    const sut = buildRelease({ id: 'b2', recipient: 'gemeente-baarn', sequence: 2, period: '2026-01', restatedPeriods: ['2026-01'], layouts: layouts('2026-01'), counts: countsOf('2026-01', after), ledger: [first] });

    expect(findRevealedCells([first, sut])).toEqual([]);
  });
});
