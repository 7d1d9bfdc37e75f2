import { describe, expect, it } from 'vitest';
import { buildRelease, findRevealedCells, recipientLayouts, ReleaseRequestError, SUPPRESSION_MARK, TOTAL } from '../src/disclosure/index.js';
import { cellsOf, countsOf, riecRelease, suppressedCells } from './disclosure-support.js';

describe(buildRelease.name, () => {
  it('suppresses a count below k and the smallest complements that close its row and columns', () => {
    const sut = riecRelease({
      id: 'r1',
      sequence: 1,
      period: '2026-01',
      counts: { drugs: { Baarn: 3, Soest: 10, Zeist: 12 }, mensenhandel: { Baarn: 8, Soest: 6, Zeist: 20 } },
    });
    expect(suppressedCells(sut)).toEqual(['drugs/Baarn', 'drugs/Soest', 'mensenhandel/Baarn', 'mensenhandel/Soest']);
    expect(sut.suppressed).toEqual({ primary: 1, secondary: 3, forDifferencing: 0 });
    // Margins stay visible: the rectangle of four unknowns leaves each of them a range.
    expect(cellsOf(sut).find((cell) => cell.row === TOTAL && cell.column === TOTAL)?.value).toBe(59);
    expect(findRevealedCells([sut])).toEqual([]);
  });

  it('publishes zero as zero and suppresses a total that is itself a small count', () => {
    const sut = riecRelease({ id: 'r1', sequence: 1, period: '2026-02', counts: { drugs: { Baarn: 0, Soest: 2 }, fraude: { Baarn: 0, Soest: 9 } } });
    const value = (row: string, column: string) => cellsOf(sut).find((cell) => cell.row === row && cell.column === column)?.value;
    expect(value('drugs', 'Baarn')).toBe(0);
    expect(value('drugs', TOTAL)).toBeNull();
    expect(value('drugs', 'Soest')).toBeNull();
    expect(findRevealedCells([sut])).toEqual([]);
  });

  it('adds a complement when the hidden cells of a line add up to less than k', () => {
    // Two primary cells (1 and 2) in one row: their sum 3 would follow from the total, so a third cell goes.
    const sut = riecRelease({ id: 'r1', sequence: 1, period: '2026-03', counts: { drugs: { Baarn: 1, Soest: 2, Zeist: 30, Eemnes: 40 }, fraude: { Baarn: 9, Soest: 8, Zeist: 7, Eemnes: 50 } } });
    expect(suppressedCells(sut)).toContain('drugs/Zeist');
    expect(findRevealedCells([sut])).toEqual([]);
  });

  it('states k, the method, the legend and one mark, and the restated periods', () => {
    const sut = riecRelease({ id: 'r2', sequence: 2, period: '2026-02', counts: { drugs: { Baarn: 12, Soest: 9 } }, k: 10, restatedPeriods: ['2026-02'] });
    expect(sut.k).toBe(10);
    expect(sut.mark).toBe(SUPPRESSION_MARK);
    expect(sut.method).toContain('k = 10');
    expect(sut.legend).toContain('1 tot en met 9');
    expect(sut.notes).toEqual(['Periode 2026-02 is opnieuw vastgesteld: er zijn nagekomen meldingen verwerkt.']);
    expect(suppressedCells(sut)).toEqual(['drugs/Baarn', 'drugs/Soest']);
  });

  it('gives a municipality its own column and the region, never another municipality', () => {
    const layouts = recipientLayouts({ kind: 'municipality', municipality: 'Baarn' }, '2026-01', ['drugs', 'fraude'], ['Baarn', 'Soest', 'Zeist']);
    const sut = buildRelease({
      id: 'baarn-1',
      recipient: 'gemeente-baarn',
      sequence: 1,
      period: '2026-01',
      layouts,
      counts: countsOf('2026-01', { drugs: { Baarn: 3, Soest: 10, Zeist: 12 }, fraude: { Baarn: 8, Soest: 6, Zeist: 20 } }),
      ledger: [],
    });
    expect(sut.tables.map((table) => table.columns)).toEqual([['Baarn'], ['regio']]);
    expect(suppressedCells(sut)).toEqual(['drugs/Baarn', 'fraude/Baarn']);
    expect(cellsOf(sut).find((cell) => cell.row === TOTAL && cell.column === 'regio')?.value).toBe(59);
  });

  it('rejects bad input naming the field and the rule', () => {
    const request = { id: 'r', recipient: 'riec-mn', sequence: 1, period: '2026-01', layouts: [], counts: [], ledger: [] };
    expect(() => buildRelease({ ...request, k: 1 })).toThrow(new ReleaseRequestError('k', 'must be a whole number of at least 2'));
    expect(() => buildRelease({ ...request, counts: [{ period: '2026-01', theme: 'drugs', municipality: 'Baarn', count: -1 }] })).toThrow(/counts\[0\]\.count/);
    const earlier = riecRelease({ id: 'r0', sequence: 3, period: '2025-12', counts: { drugs: { Baarn: 12 } } });
    expect(() => buildRelease({ ...request, ledger: [earlier] })).toThrow(/sequence: must be higher/);
    expect(() => buildRelease({ ...request, ledger: [{ ...earlier, sequence: 0, recipient: 'gemeente-soest' }] })).toThrow(/ledger\[0\]\.recipient/);
  });
});
