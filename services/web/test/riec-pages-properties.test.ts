import { RELEASE_TOTAL_KEY, ReleaseJson as ReleaseJsonSchema, type ReleaseJson, type ReleasedTableJson } from '@signaalhub/contracts';
import fc from 'fast-check';
import { createElement } from 'react';
import { describe, expect, it } from 'vitest';
import { MyMunicipalityPage } from '../src/pages/my-municipality-page.js';
import { ReleasePage } from '../src/pages/release-pages.js';
import { regionalTrend, type TrendPointView } from '../src/pages/release-view.js';
import { RiecDashboardPage } from '../src/pages/riec-dashboard-page.js';
import { renderDocument } from '../src/render.js';

/*
 * Issue 12, acceptance 2, the web's half: whatever the feed publishes (random releases whose cells are the mark,
 * 0 or at least k, as the feed's own property tests guarantee), the pages and their data tables show each
 * published cell as it was published and never a count from 1 to k−1 — no figure is computed in the web, also
 * not under a filter or in the trend.
 */

const THEMES = ['autobranche', 'horeca', 'mensenhandel'];
const MUNICIPALITIES = ['baarn', 'soest', 'de-bilt'];
const liaison = { displayName: 'RIEC-contactpersoon', partyLabel: 'RIEC Midden-Nederland', roles: ['riec-liaison' as const], csrfToken: 'c'.repeat(43) };
const member = { displayName: 'Overleglid Soest', partyLabel: 'Gemeente Soest', roles: ['meeting-member' as const], csrfToken: 'c'.repeat(43) };

/** A published value: suppressed (null), zero, or at least k. */
const published = (k: number): fc.Arbitrary<number | null> => fc.oneof(fc.constant(null), fc.constant(0), fc.integer({ min: k, max: 400 }));

function table(period: string, layout: string, rows: readonly string[], columns: readonly string[], values: readonly (number | null)[]): ReleasedTableJson {
  return { id: `${period}/${layout}`, period, rows: [...rows], columns: [...columns], cells: rows.flatMap((row, r) => columns.map((column, c) => ({ row, column, value: values[r * columns.length + c] ?? null }))) };
}

const releaseArbitrary = (period: string, id: string): fc.Arbitrary<ReleaseJson> =>
  fc.integer({ min: 3, max: 6 }).chain((k) => {
    const rows = [...THEMES, RELEASE_TOTAL_KEY];
    const regionColumns = [...MUNICIPALITIES, RELEASE_TOTAL_KEY];
    return fc
      .record({
        perMunicipality: fc.array(published(k), { minLength: rows.length * regionColumns.length, maxLength: rows.length * regionColumns.length }),
        own: fc.array(published(k), { minLength: rows.length, maxLength: rows.length }),
        region: fc.array(published(k), { minLength: rows.length, maxLength: rows.length }),
      })
      .map(({ perMunicipality, own, region }) => {
        const tables = [table(period, 'regio-per-gemeente', rows, regionColumns, perMunicipality), table(period, 'eigen-gemeente', rows, ['soest'], own), table(period, 'regio', rows, ['regio'], region)];
        return ReleaseJsonSchema.parse({
          id,
          period,
          restatedPeriods: [],
          k,
          method: `Drempel k = ${String(k)}`,
          mark: 'x',
          legend: `x = niet gepubliceerd. Aantallen van 1 tot en met ${String(k - 1)} worden niet getoond.`,
          notes: [],
          suppressedCells: tables.flatMap((each) => each.cells).filter((cell) => cell.value === null).length,
          tables,
        });
      });
  });

const filterArbitrary = fc.record({ theme: fc.constantFrom('', ...THEMES), municipality: fc.constantFrom('', ...MUNICIPALITIES) });

/** Every data cell of a page: its `data-cel` key (undefined for the trend table) and its text. */
function dataCells(html: string): { key: string | undefined; text: string }[] {
  return [...html.matchAll(/<td([^>]*)>([^<]*)</g)]
    .filter((match) => (match[1] ?? '').includes('sh-number'))
    .map((match) => ({ key: /data-cel="([^"]*)"/.exec(match[1] ?? '')?.[1], text: match[2] ?? '' }));
}

const valueIn = (release: ReleaseJson, layout: string, row: string, column: string): number | null | undefined =>
  release.tables.find((each) => each.id === `${release.period}/${layout}`)?.cells.find((cell) => cell.row === row && cell.column === column)?.value;

const isPublishable = (text: string, release: { readonly k: number; readonly mark: string }): boolean => text === release.mark || Number(text) === 0 || Number(text) >= release.k;

/** Each keyed cell is the mark or its published value, never 1..k−1; the trend's months (no key) as their own releases published them. */
function expectAsPublished(html: string, release: ReleaseJson, published: (key: string) => number | null | undefined, trend: readonly TrendPointView[] = []): void {
  const cells = dataCells(html);
  expect(cells.length).toBeGreaterThan(0);
  for (const { key, text } of cells.filter((cell) => cell.key !== undefined)) {
    expect(isPublishable(text, release), `${key ?? ''}: ${text}`).toBe(true);
    const value = published(key ?? '');
    expect({ key, text }).toEqual({ key, text: value === null || value === undefined ? release.mark : String(value) });
  }
  const trendTexts = cells.filter((cell) => cell.key === undefined).map((cell) => cell.text);
  expect(trendTexts).toEqual(trend.map((point) => (point.value === null ? point.mark : String(point.value))));
  expect(trend.every((point, index) => isPublishable(trendTexts[index] ?? '', point))).toBe(true);
}

describe('RIEC pages over random published releases', () => {
  it('the dashboard, under any filter, shows each cell and each month of the trend as published', () => {
    fc.assert(
      fc.property(releaseArbitrary('2026-02', '00000000-0000-4000-8000-000000000001'), releaseArbitrary('2026-03', '00000000-0000-4000-8000-000000000002'), filterArbitrary, (february, march, filter) => {
        const trend = regionalTrend([february, march], filter.theme);
        const summary = { id: march.id, recipient: 'riec-mn', period: march.period, sequence: 2, builtAt: '2026-04-01T08:00:00Z', k: march.k, suppressedCells: march.suppressedCells };
        const html = renderDocument(createElement(RiecDashboardPage, { user: liaison, releases: [summary], release: march, filter, trend }));
        expectAsPublished(
          html,
          march,
          (key) => {
            const [row = '', column = ''] = key.split('|');
            return valueIn(march, 'regio-per-gemeente', row, column);
          },
          trend,
        );
        // A filter chooses within the release: no row or column of another theme or municipality.
        if (filter.theme !== '') expect(dataCells(html).every(({ key }) => key === undefined || key.startsWith(`${filter.theme}|`))).toBe(true);
        if (filter.municipality !== '') expect(dataCells(html).every(({ key }) => key === undefined || key.endsWith(`|${filter.municipality}`))).toBe(true);
      }),
      { numRuns: 80 },
    );
  });

  it('the release page and "mijn gemeente in de regio" show each cell as published', () => {
    fc.assert(
      fc.property(releaseArbitrary('2026-03', '00000000-0000-4000-8000-000000000003'), (release) => {
        // The release page shows every table in turn (a key like `autobranche|soest` is in two of them): in order.
        const shown = dataCells(renderDocument(createElement(ReleasePage, { user: liaison, release })));
        const expected = release.tables.flatMap((each) => each.rows.flatMap((row) => each.columns.map((column) => ({ key: `${row}|${column}`, text: String(each.cells.find((cell) => cell.row === row && cell.column === column)?.value ?? release.mark) }))));
        expect(shown).toEqual(expected);
        expect(shown.every(({ text }) => isPublishable(text, release))).toBe(true);
        expectAsPublished(renderDocument(createElement(MyMunicipalityPage, { user: member, release })), release, (key) => {
          const [row = '', side = ''] = key.split('|');
          return side === 'eigen' ? valueIn(release, 'eigen-gemeente', row, 'soest') : valueIn(release, 'regio', row, 'regio');
        });
      }),
      { numRuns: 80 },
    );
  });
});
