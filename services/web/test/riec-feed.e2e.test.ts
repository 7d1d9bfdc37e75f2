import { randomUUID } from 'node:crypto';
import type { CrossMunicipalityHit } from '@signaalhub/contracts';
import type { UserIdentity } from '@signaalhub/identity';
import { eventually, type RunningService } from '@signaalhub/test-infra';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SERVICE_DEADLINE_MS, startBrowserStack, type BrowserStack } from './support/browser-stack.js';

const digits = (length: number): string => Array.from({ length }, () => String(Math.floor(Math.random() * 10))).join('');
const liaison: UserIdentity = { userId: 'riec.liaison', party: 'riec-mn', roles: ['riec-liaison'] };
const inspector = (municipality: string): UserIdentity => ({ userId: `inspecteur.${municipality}`, party: `gemeente-${municipality}`, roles: ['inspector'] });


/**
 * The RIEC liaison's screens in a real browser on the intake, the riec feed and the web (issue 12, build 7
 * and acceptance 1 in part): a business reported in Baarn and Soest in different spellings is one hit per
 * identifier; the liaison opens the signal sent to the RIEC and asks for the other; the exclusion list adds
 * and removes; the MISP and CSV exports download; released counts, charts and suppressed cells (once the releases API is
 * in). Every screen: screenshot and axe-core WCAG 2.1 AA.
 */
describe('RIEC feed screens in a real browser', () => {
  let stack: BrowserStack;
  let feed: RunningService;
  let page: Page;

  beforeAll(async () => {
    stack = await startBrowserStack({ screenshots: 'riec-feed/', feedEnv: {} });
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
});
