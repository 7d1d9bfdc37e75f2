import { describe, expect, it } from 'vitest';
import { releaseCsv, releaseJson } from '../src/exports/index.js';
import { riecRelease } from './disclosure-support.js';

const release = riecRelease({
  id: 'riec-2026-01',
  sequence: 1,
  period: '2026-01',
  counts: { drugs: { Baarn: 3, Soest: 10, Zeist: 12 }, 'mensenhandel, uitbuiting': { Baarn: 8, Soest: 6, Zeist: 20 } },
});

describe(releaseCsv.name, () => {
  it('writes one header row and one row per cell, the mark for suppressed cells, CRLF and RFC 4180 quoting', () => {
    const sut = releaseCsv(release);
    const lines = sut.split('\r\n');
    expect(lines[0]).toBe('publicatie,periode,tabel,thema,kolom,aantal');
    expect(lines.at(-1)).toBe('');
    expect(lines).toHaveLength(1 + (release.tables[0]?.cells.length ?? 0) + 1);
    expect(lines).toContain('riec-2026-01,2026-01,2026-01/regio-per-gemeente,drugs,Baarn,x');
    expect(lines).toContain('riec-2026-01,2026-01,2026-01/regio-per-gemeente,drugs,Zeist,12');
    expect(lines).toContain('riec-2026-01,2026-01,2026-01/regio-per-gemeente,"mensenhandel, uitbuiting",Zeist,20');
  });

  it('quotes embedded quotes and defuses fields a spreadsheet would read as a formula', () => {
    const sut = releaseCsv(riecRelease({ id: 'r', sequence: 1, period: '2026-01', counts: { '=HYPERLINK("x")': { Baarn: 12 } } }));
    expect(sut).toContain(`"'=HYPERLINK(""x"")"`);
  });
});

describe(releaseJson.name, () => {
  it('states k, the method, the legend and how many cells were suppressed (not which were primary), with null for suppressed cells and no ledger internals', () => {
    const sut = releaseJson(release);
    expect(sut).toMatchObject({ id: 'riec-2026-01', k: 5, mark: 'x', suppressedCells: 4 });
    expect(sut.tables[0]?.cells.find((cell) => cell.row === 'drugs' && cell.column === 'Baarn')?.value).toBeNull();
    const text = JSON.stringify(sut);
    expect(text).not.toContain('atoms');
    expect(text).not.toContain('riec-mn');
  });
});
