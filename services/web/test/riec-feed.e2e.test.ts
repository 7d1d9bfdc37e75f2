import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { CrossMunicipalityHit } from '@signaalhub/contracts';
import type { UserIdentity } from '@signaalhub/identity';
import { eventually, type RunningService } from '@signaalhub/test-infra';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SERVICE_DEADLINE_MS, startBrowserStack, type BrowserStack } from './support/browser-stack.js';

const digits = (length: number): string => Array.from({ length }, () => String(Math.floor(Math.random() * 10))).join('');
const liaison: UserIdentity = { userId: 'riec.liaison', party: 'riec-mn', roles: ['riec-liaison'] };
const inspector = (municipality: string): UserIdentity => ({ userId: `inspecteur.${municipality}`, party: `gemeente-${municipality}`, roles: ['inspector'] });

/** The current month in the Dutch calendar: the period the feed counts a signal submitted now in. */
const currentMonth = (): string => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit' }).format(new Date());

/**
 * The RIEC liaison's screens in a real browser on the intake, the riec feed and the web (issue 12, build 7
 * and acceptance 1; the hand-overs are services/web/test/riec-handover.e2e.test.ts): a business reported in
 * Baarn and Soest in different spellings is one hit per identifier; the liaison opens the signal sent to the
 * RIEC and asks for the other; the exclusion list adds and removes; signals posted in several municipalities
 * are in the month's release, its charts and tables, small cells as the mark; the MISP and CSV exports
 * download; a meeting member sees their municipality in the region. Every screen: screenshot and axe-core
 * WCAG 2.1 AA.
 */
describe('RIEC feed screens in a real browser', () => {
  let stack: BrowserStack;
  let feed: RunningService;
  let page: Page;

  beforeAll(async () => {
    // The feed's clock runs 40 days ahead, so this month (of the signals the test posts) has ended for it and
    // can be released; the signals themselves carry today's time.
    stack = await startBrowserStack({ screenshots: 'riec-feed/', feedEnv: { RIEC_FEED_CLOCK_OFFSET_SECONDS: String(40 * 86_400) } });
    if (stack.feed === undefined) throw new Error('the stack was started with the feed');
    feed = stack.feed;
    ({ page } = stack);
  }, SERVICE_DEADLINE_MS * 2);

  afterAll(async () => {
    await stack.stop();
  });

  const screen = (name: string): Promise<void> => stack.screen(name);
  const go = async (path: string): Promise<void> => {
    await page.goto(`${stack.web.base}${path}`);
  };

  async function submit(municipality: string, body: Readonly<Record<string, unknown>>): Promise<string> {
    const response = await stack.callService(stack.intake.base, inspector(municipality), '/api/signals', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': randomUUID() },
      body: JSON.stringify({ municipality, indicators: [], freeText: 'Proefmelding voor het regiobeeld', ...body }),
    });
    expect(response.status, await response.clone().text()).toBe(201);
    return ((await response.json()) as { id: string }).id;
  }

  async function hits(): Promise<CrossMunicipalityHit[]> {
    const response = await feed.get('/api/hits', liaison);
    expect(response.status).toBe(200);
    return (await response.json()) as CrossMunicipalityHit[];
  }

  /** The feed's raw signal counts of a month per `theme|municipality`: what a release is built from. */
  async function rawCounts(month: string): Promise<Map<string, number>> {
    const { rows } = await feed.pool.query<{ dimension: string; municipality: string; count: number }>(
      `SELECT dimension, municipality, count FROM "${feed.schema}".counts WHERE measure = 'signals' AND period_kind = 'month' AND period = $1`,
      [month],
    );
    return new Map(rows.map((row) => [`${row.dimension}|${row.municipality}`, row.count]));
  }

  it('shows a business reported in Baarn and Soest once per identifier, opens or asks for its signals, and keeps the exclusion list', { timeout: 300_000 }, async () => {
    const before = new Set((await hits()).map((hit) => hit.id));
    const kvk = `9${digits(7)}`;
    const postcode = `${String(1000 + Math.floor(Math.random() * 8999))}KX`;
    const kentekenDigits = digits(3);
    // The same business in two spellings each: KvK with and without spaces, postcode lower case, kenteken with and without dashes.
    await submit('baarn', {
      theme: 'autobranche',
      location: { postcode: postcode.toLowerCase(), huisnummer: { number: 7 } },
      subjects: [{ kind: 'business', kvkNumber: `${kvk.slice(0, 4)} ${kvk.slice(4)}` }, { kind: 'vehicle', kenteken: `KN-${kentekenDigits}-R` }],
      distribution: { recipients: ['gemeente-baarn', 'politie-bes'] },
    });
    await submit('soest', {
      theme: 'horeca',
      location: { postcode: `${postcode.slice(0, 4)} ${postcode.slice(4)}`, huisnummer: { number: 7 } },
      subjects: [{ kind: 'business', kvkNumber: kvk }, { kind: 'vehicle', kenteken: `KN${kentekenDigits}R` }],
      distribution: { recipients: ['gemeente-soest', 'politie-bes'] },
    });
    const soestToRiec = await submit('soest', {
      theme: 'autobranche',
      location: { postcode: '3762AB', huisnummer: { number: 1 } },
      subjects: [{ kind: 'business', kvkNumber: kvk }],
      distribution: { recipients: ['gemeente-soest', 'politie-bes', 'riec-mn'] },
    });
    const found = await eventually(
      async () => {
        const fresh = (await hits()).filter((hit) => !before.has(hit.id));
        return fresh.length >= 3 && fresh.some((hit) => hit.kind === 'kvk' && hit.themes.length === 2) ? fresh : undefined;
      },
      { timeoutMs: 60_000, what: 'the three hits of the business reported in Baarn and Soest' },
    );
    // Each identifier once, whatever its spelling.
    expect(found.map((hit) => hit.kind).sort()).toEqual(['address', 'kenteken', 'kvk']);
    for (const hit of found) expect(hit.municipalities).toBe(2);
    const kvkHit = found.find((hit) => hit.kind === 'kvk');
    if (kvkHit === undefined) throw new Error('a kvk hit was found');
    expect(kvkHit.themes).toEqual(['autobranche', 'horeca']);

    await stack.signIn('riec.liaison');
    await screen('01-start');
    for (const link of ['Regiobeeld', 'Publicaties', 'Treffers tussen gemeenten', 'Uitsluitingslijst']) {
      expect(await page.getByRole('link', { name: link, exact: true }).count()).toBeGreaterThan(0);
    }
    await go('/riec/treffers');
    await screen('02-treffers');
    for (const hit of found) expect(await page.locator(`a[href="/riec/treffers/${hit.id}"]`).count()).toBe(1);
    // No identifier or token on the page, only kinds and counts.
    const listed = await page.locator('main').innerText();
    expect(listed).not.toContain(kvk);
    expect(listed.toUpperCase()).not.toContain(postcode);


    await page.locator(`a[href="/riec/treffers/${kvkHit.id}"]`).click();
    await page.getByRole('heading', { level: 1, name: /^Treffer / }).waitFor();
    expect(await page.locator('tbody tr').count()).toBe(3);
    await screen('03-treffer');
    await page.locator(`a[href="/riec/treffers/${kvkHit.id}/meldingen/${soestToRiec}"]`).click();
    await page.getByRole('heading', { level: 1, name: /van Soest$/ }).waitFor();
    expect(await page.locator('main').innerText()).toContain(kvk);
    await screen('04-melding-geopend');
    await page.goBack();
    // A signal the RIEC was not sent: a "verzoek om informatie", the purpose required.
    const form = page.locator('form').filter({ hasText: /Verzoek om informatie: melding .* van Baarn/ });
    await form.getByRole('button', { name: 'Verzoek om informatie versturen' }).click();
    await page.getByRole('alert').filter({ hasText: 'Er is 1 fout gevonden' }).waitFor();
    expect(await page.locator('textarea[aria-invalid="true"]').count()).toBe(1);
    await screen('05-verzoek-fout');
    await page.locator('form').filter({ hasText: /van Baarn/ }).getByLabel('Doel en grondslag van het verzoek').fill('Zicht op een keten van autobedrijven in de regio (RIEC-casus).');
    await page.locator('form').filter({ hasText: /van Baarn/ }).getByRole('button', { name: 'Verzoek om informatie versturen' }).click();
    await page.getByText('Het verzoek om informatie is verstuurd').waitFor();

    // The exclusion list: an error next to its field, then added (the kvk hit is gone), then removed (it is back).
    await go('/riec/uitsluitingen');
    await screen('06-uitsluitingen');
    await page.getByLabel('Onderneming (KvK-nummer)').check();
    await page.locator('#kvk-nummer').fill(kvk);
    await page.getByRole('button', { name: 'Toevoegen aan de uitsluitingslijst' }).click();
    await page.getByRole('alert').filter({ hasText: 'Er is 1 fout gevonden' }).waitFor();
    expect(await page.locator('#omschrijving').getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#kvk-nummer').inputValue()).toBe(kvk);
    await screen('07-uitsluiting-fout');
    await page.locator('#omschrijving').fill('Proefbedrijf dat overal voorkomt');
    await page.getByRole('button', { name: 'Toevoegen aan de uitsluitingslijst' }).click();
    await page.getByText('Het item is aan de uitsluitingslijst toegevoegd.').waitFor();
    expect(await page.getByRole('cell', { name: 'Proefbedrijf dat overal voorkomt', exact: true }).count()).toBe(1);
    await screen('08-uitsluiting-toegevoegd');
    await go('/riec/treffers');
    expect(await page.locator(`a[href="/riec/treffers/${kvkHit.id}"]`).count()).toBe(0);
    await go('/riec/uitsluitingen');
    await page.getByRole('button', { name: /Verwijderen Proefbedrijf dat overal voorkomt/ }).click();
    await page.getByText('Het item is van de uitsluitingslijst verwijderd').waitFor();
    expect((await hits()).filter((hit) => hit.kind === 'kvk' && !before.has(hit.id))).toHaveLength(1);

    expect(stack.violations).toEqual([]);
    await stack.signOut();
  });

  // Needs the releases API (POST/GET /api/releases, exports) of the feed-publish branch.
  it('counts signals of several municipalities in the month\'s release: charts, tables, the mark and legend, the CSV', { timeout: 300_000 }, async () => {
    const month = currentMonth();
    const before = await rawCounts(month);
    // Five car-trade signals in De Bilt (a visible cell) and one human-trafficking signal in Eemnes (a small cell, suppressed).
    for (let index = 0; index < 5; index += 1) {
      await submit('de-bilt', { theme: 'autobranche', location: { postcode: '1231AB', huisnummer: { number: index + 1 } }, subjects: [{ kind: 'business', kvkNumber: `8${digits(7)}` }], distribution: { recipients: ['gemeente-de-bilt', 'politie-bes'] } });
    }
    await submit('eemnes', { theme: 'mensenhandel', location: { postcode: '3755AB', huisnummer: { number: 3 } }, subjects: [{ kind: 'business', kvkNumber: `8${digits(7)}` }], distribution: { recipients: ['gemeente-eemnes', 'politie-bes'] } });
    // The shared test broker holds other tests' signals of this month too, so the release is checked against the
    // feed's own raw counts (ground truth), once it has counted this test's six.
    await eventually(
      async () => {
        const now = await rawCounts(month);
        return now.get('autobranche|de-bilt') === (before.get('autobranche|de-bilt') ?? 0) + 5 && now.get('mensenhandel|eemnes') === (before.get('mensenhandel|eemnes') ?? 0) + 1 ? true : undefined;
      },
      { timeoutMs: 60_000, what: "the feed's count of the six signals" },
    );
    const raw = await rawCounts(month);
    // A small cell to see suppressed: Eemnes' human-trafficking signal on a fresh stack (reruns on one broker add to it).
    const small = [...raw].find(([key, count]) => count < 5 && key === 'mensenhandel|eemnes') ?? [...raw].find(([, count]) => count < 5);
    if (small === undefined) throw new Error('no count from 1 to 4 in this month: start from a fresh test stack (stop it and delete its .stack-test data)');
    const [smallTheme = '', smallMunicipality = ''] = small[0].split('|');
    await stack.signIn('riec.liaison');
    await go('/riec/publicaties');
    await screen('10-publicaties');
    await page.getByLabel('Maand').fill(month);
    await page.getByRole('button', { name: 'Publicatie samenstellen' }).click();
    await page.getByText('De publicaties van de maand zijn samengesteld.').waitFor();
    await go('/riec');
    // Every published cell is its raw count (totals: the sum of theirs); every count from 1 to k−1 is the mark.
    const shown = new Map<string, string>();
    for (const cell of await page.locator('section[aria-labelledby="kop-per-gemeente"] td[data-cel]').all()) shown.set((await cell.getAttribute('data-cel')) ?? '', (await cell.innerText()).trim());
    const expected = (key: string): number => {
      const [row = '', column = ''] = key.split('|');
      let sum = 0;
      for (const [rawKey, count] of raw) {
        const [rawRow, rawColumn] = rawKey.split('|');
        if ((row === 'totaal' || row === rawRow) && (column === 'totaal' || column === rawColumn)) sum += count;
      }
      return sum;
    };
    expect(shown.size).toBeGreaterThan(40);
    for (const [key, value] of shown) {
      const count = expected(key);
      if (value !== 'x') expect({ key, value }).toEqual({ key, value: String(count) });
      if (count > 0 && count < 5) expect({ key, value }).toEqual({ key, value: 'x' });
    }
    // The six signals are in the release: the region's total counts them.
    expect(Number(shown.get('totaal|totaal'))).toBe(expected('totaal|totaal'));
    expect(expected('totaal|totaal')).toBeGreaterThanOrEqual(6);
    await screen('11-regiobeeld');
    expect(await page.locator('svg[role="img"][aria-label]').count()).toBe(2);
    expect(shown.get(small[0])).toBe('x');
    await page.getByText(/^x = niet gepubliceerd/).first().waitFor();
    await page.getByLabel('Gemeente', { exact: true }).selectOption('de-bilt');
    await page.getByRole('button', { name: 'Tonen' }).click();
    expect(await page.locator('td[data-cel^="autobranche|eemnes"]').count()).toBe(0);
    await screen('12-regiobeeld-gefilterd');

    await page.getByRole('link', { name: 'Verantwoording en downloads' }).click();
    await page.getByText('Drempel').first().waitFor();
    await screen('13-publicatie');
    await go('/riec/treffers');
    const mispDownload = page.waitForEvent('download');
    await page.getByRole('link', { name: /MISP-event/ }).click();
    const misp = JSON.parse(readFileSync(await (await mispDownload).path(), 'utf8')) as { Event?: { info?: string } };
    expect(misp.Event).toBeDefined();
    await page.goBack();
    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Tabellen als CSV' }).click();
    const csv = readFileSync(await (await download).path(), 'utf8');
    expect(csv.split('\r\n')[0]).toBe('publicatie,periode,tabel,thema,kolom,aantal');
    expect(csv).toContain(`,${smallTheme},${smallMunicipality},x\r\n`);
    await stack.signOut();

    await stack.signIn(`overleg.${smallMunicipality}`);
    await go('/mijn-gemeente');
    await page.getByRole('heading', { level: 1, name: 'Mijn gemeente in de regio' }).waitFor();
    expect(await page.locator(`td[data-cel="${smallTheme}|eigen"]`).innerText()).toBe('x');
    await page.getByText(/^x = niet gepubliceerd/).first().waitFor();
    await screen('14-mijn-gemeente');
    expect(stack.violations).toEqual([]);
  });
});
