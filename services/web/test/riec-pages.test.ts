import type { HitInformationRequest, ReleaseJson } from '@signaalhub/contracts';
import { ReleaseJson as ReleaseJsonSchema } from '@signaalhub/contracts';
import { createElement } from 'react';
import { describe, expect, it } from 'vitest';
import { chartSvg } from '../src/charts/svg-chart.js';
import { exclusionFormErrors, exclusionRequest, emptyExclusionForm } from '../src/forms/exclusion-form.js';
import { HitPage } from '../src/pages/hits-pages.js';
import { MyMunicipalityPage } from '../src/pages/my-municipality-page.js';
import { regionalTrend } from '../src/pages/release-view.js';
import { RiecDashboardPage } from '../src/pages/riec-dashboard-page.js';
import { renderDocument } from '../src/render.js';

const liaison = { displayName: 'RIEC-contactpersoon', partyLabel: 'RIEC Midden-Nederland', roles: ['riec-liaison' as const], csrfToken: 'c'.repeat(43) };
const member = { displayName: 'Overleglid Soest', partyLabel: 'Gemeente Soest', roles: ['meeting-member' as const], csrfToken: 'c'.repeat(43) };
/** The text of the table cell marked `data-cel="row|column"`. */
const cell = (html: string, key: string): string | undefined => new RegExp(`<td data-cel="${key.replace('|', '\\|')}"[^>]*>([^<]*)<`).exec(html)?.[1];
const LEGEND = 'x = niet gepubliceerd. Aantallen van 1 tot en met 4 worden niet getoond.';

function release(period: string, cells: Record<string, number | null>, id = '00000000-0000-4000-8000-000000000001'): ReleaseJson {
  const rows = ['autobranche', 'horeca', 'totaal'];
  const columns = ['baarn', 'soest', 'totaal'];
  return ReleaseJsonSchema.parse({
    id,
    period,
    restatedPeriods: [],
    k: 5,
    method: 'Drempel k = 5',
    mark: 'x',
    legend: LEGEND,
    notes: [],
    suppressedCells: Object.values(cells).filter((value) => value === null).length,
    tables: [{ id: `${period}/regio-per-gemeente`, period, rows, columns, cells: rows.flatMap((row) => columns.map((column) => ({ row, column, value: `${row}|${column}` in cells ? cells[`${row}|${column}`] : 0 }))) }],
  });
}

const march = release('2026-03', {
  'autobranche|baarn': 7,
  'autobranche|soest': null,
  'autobranche|totaal': null,
  'horeca|baarn': 6,
  'horeca|soest': null,
  'horeca|totaal': null,
  'totaal|baarn': 13,
  'totaal|soest': 9,
  'totaal|totaal': 22,
});
const summary = { id: march.id, recipient: 'riec-mn', period: '2026-03', sequence: 1, builtAt: '2026-04-01T08:00:00Z', k: 5, suppressedCells: 4 };

describe(RiecDashboardPage.name, () => {
  const render = (filter: { theme: string; municipality: string }): string =>
    renderDocument(createElement(RiecDashboardPage, { user: liaison, releases: [summary], release: march, filter, trend: regionalTrend([march], filter.theme) }));

  it('shows every suppressed cell with the one mark and the legend, and the charts as named images', () => {
    const sut = render({ theme: '', municipality: '' });
    expect(cell(sut, 'autobranche|soest')).toBe('x');
    expect(cell(sut, 'autobranche|baarn')).toBe('7');
    expect(sut).toContain(LEGEND);
    expect(sut.match(/<svg role="img" aria-label="[^"]+"/g)).toHaveLength(2);
    expect(sut).toContain('<title>Meldingen per thema per gemeente, maart 2026</title>');
  });

  it('filters within the release: only the chosen theme and municipality, no totals computed for them', () => {
    const sut = render({ theme: 'horeca', municipality: 'baarn' });
    expect(cell(sut, 'horeca|baarn')).toBe('6');
    expect(sut).not.toContain('data-cel="autobranche|');
    expect(sut).not.toContain('|soest"');
    expect(sut).not.toContain('data-cel="totaal|');
  });
});

describe(chartSvg.name, () => {
  it('draws no bar for a suppressed value and keeps no inline style (the CSP allows none)', () => {
    const bars = (values: (number | null)[]): number =>
      (chartSvg({ kind: 'bar', title: 'Proef', categories: ['a', 'b'], series: [{ name: 'Reeks', values }] }).match(/<path d="M[^"]*Z" fill="#24578f"/g) ?? []).length;
    expect(bars([6, 7])).toBe(2);
    expect(bars([6, null])).toBe(1);
    const svg = chartSvg({ kind: 'line', title: 'A & B', categories: ['a'], series: [{ name: 'Reeks', values: [5] }] });
    expect(svg).not.toMatch(/<style|style="/);
    expect(svg).toContain('aria-label="A &amp; B"');
  });
});

describe(regionalTrend.name, () => {
  it("takes each month's regional total as published, a suppressed total as null", () => {
    const april = release('2026-04', { 'totaal|totaal': null, 'horeca|totaal': 8 }, '00000000-0000-4000-8000-000000000002');
    expect(regionalTrend([march, april], '').map((point) => point.value)).toEqual([22, null]);
    expect(regionalTrend([march, april], 'horeca').map((point) => point.value)).toEqual([null, 8]);
  });
});

describe(MyMunicipalityPage.name, () => {
  it("shows the municipality's own counts next to the region's, with the same mark and legend", () => {
    const own = ReleaseJsonSchema.parse({
      ...march,
      tables: [
        { id: '2026-03/eigen-gemeente', period: '2026-03', rows: ['autobranche', 'totaal'], columns: ['soest'], cells: [{ row: 'autobranche', column: 'soest', value: null }, { row: 'totaal', column: 'soest', value: 9 }] },
        { id: '2026-03/regio', period: '2026-03', rows: ['autobranche', 'totaal'], columns: ['regio'], cells: [{ row: 'autobranche', column: 'regio', value: 12 }, { row: 'totaal', column: 'regio', value: 22 }] },
      ],
    });
    const sut = renderDocument(createElement(MyMunicipalityPage, { user: member, release: own }));
    expect(cell(sut, 'autobranche|eigen')).toBe('x');
    expect(cell(sut, 'autobranche|regio')).toBe('12');
    expect(cell(sut, 'totaal|eigen')).toBe('9');
    expect(sut).toContain(LEGEND);
  });
});

describe(exclusionRequest.name, () => {
  it('sends only the chosen kind’s fields, and names a house number that is no number', () => {
    const form = { ...emptyExclusionForm(), kvkNumber: '1234 5678', kenteken: 'AB-12-CD', label: 'Depot' };
    expect(exclusionRequest({ ...form, exclusionKind: 'kvk' }).request).toEqual({ kind: 'kvk', kvkNumber: '1234 5678', label: 'Depot' });
    expect(exclusionRequest({ ...form, exclusionKind: 'address', postcode: '3762ab', huisnummer: '12', toevoeging: 'a' }).request).toEqual({
      kind: 'address',
      postcode: '3762ab',
      huisnummer: { number: 12, toevoeging: 'a' },
      label: 'Depot',
    });
    const refused = exclusionRequest({ ...form, exclusionKind: 'address', huisnummer: 'twaalf' });
    expect(refused.request).toBeUndefined();
    expect(exclusionFormErrors(refused.problems)).toEqual([{ fieldId: 'huisnummer', message: 'Huisnummer: Vul een huisnummer in met alleen cijfers, bijvoorbeeld 12' }]);
    expect(exclusionFormErrors(exclusionRequest({ ...form, exclusionKind: '' }).problems)[0]?.fieldId).toBe('soort-kvk');
  });
});

describe(HitPage.name, () => {
  it("shows each request's state: asked, answered with a link to the given signal, refused with its reason", () => {
    const hitId = '00000000-0000-4000-8000-00000000a001';
    const signal = (n: number): string => `00000000-0000-4000-8000-00000000b00${String(n)}`;
    const request = (n: number, status: HitInformationRequest['status'], refusalReason: string | null = null): HitInformationRequest => ({
      id: `00000000-0000-4000-8000-00000000c00${String(n)}`,
      hitId,
      signalId: signal(n),
      municipality: 'baarn',
      requestedBy: { party: 'riec-mn', userId: 'riec.liaison' },
      requestedAt: '2026-03-02T09:00:00Z',
      status,
      answeredBy: status === 'open' ? null : { party: 'gemeente-baarn', userId: 'overleg.baarn' },
      answeredAt: status === 'open' ? null : '2026-03-03T10:00:00Z',
      refusalReason,
    });
    const signals = [1, 2, 3].map((n) => ({ signalId: signal(n), municipality: 'baarn', theme: 'autobranche' as const, submittedAt: '2026-03-01T08:00:00Z', sentToRiec: false }));
    const sut = renderDocument(
      createElement(HitPage, { user: liaison, hitId, signals, requests: [request(1, 'open'), request(2, 'beantwoord'), request(3, 'geweigerd', 'Lopend strafrechtelijk onderzoek')] }),
    );
    const section = /<section aria-labelledby="kop-verzoeken">(.*?)<\/section>/s.exec(sut)?.[1] ?? '';
    const requestRows = [...section.matchAll(/<tbody[^>]*>(.*?)<\/tbody>/gs)]
      .flatMap((body) => [...(body[1] ?? '').matchAll(/<tr[^>]*>(.*?)<\/tr>/gs)])
      .map((row) => (row[1] ?? '').replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim());
    expect(requestRows).toHaveLength(3);
    expect(requestRows[0]).toContain('Nog geen antwoord');
    expect(requestRows[1]).toMatch(/Beantwoord op .+Openen/);
    expect(requestRows[2]).toContain('Reden van weigering: Lopend strafrechtelijk onderzoek');
    expect(sut).toContain(`href="/riec/treffers/${hitId}/meldingen/${signal(2)}"`);
  });
});
