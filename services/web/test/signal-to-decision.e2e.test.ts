import { randomUUID } from 'node:crypto';
import type { AgendaEntry } from '@signaalhub/contracts';
import type { UserIdentity } from '@signaalhub/identity';
import { eventually, type RunningService } from '@signaalhub/test-infra';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, isoDateFromNow, SERVICE_DEADLINE_MS, startBrowserStack, type BrowserStack } from './support/browser-stack.js';

/**
 * Identifiers of this run only: signals of earlier runs stay on the shared broker, and a same KvK number
 * or address would add hits ("Soest (2)") that this test did not make.
 */
const kvkNumber = String(10_000_000 + Math.floor(Math.random() * 89_999_999));
const randomLetter = (): string => 'ABCEFGHJKLMNPRTVWXZ'.charAt(Math.floor(Math.random() * 19));
const randomAddress = (digits: string): { postcode: string; huisnummer: string } => ({
  postcode: `${digits} ${randomLetter()}${randomLetter()}`,
  huisnummer: String(1 + Math.floor(Math.random() * 9_999)),
});
const baarnAddress = randomAddress('3741');
const soestAddress = randomAddress('3762');

describe('signal to decision in a real browser', () => {
  let stack: BrowserStack;
  let intake: RunningService;
  let meeting: RunningService;
  let web: RunningService;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    stack = await startBrowserStack({ screenshots: '' });
    ({ intake, meeting, web, context, page } = stack);
  });

  afterAll(async () => {
    await stack.stop();
  });

  const screen = (name: string): Promise<void> => stack.screen(name);
  const signIn = (accountName: string): Promise<void> => stack.signIn(accountName);
  const callService = (base: string, identity: UserIdentity, path: string, init?: RequestInit): Promise<Response> => stack.callService(base, identity, path, init);

  async function signOut(): Promise<void> {
    await page.getByRole('button', { name: 'Afmelden' }).click();
    await page.getByRole('heading', { level: 1, name: 'Aanmelden' }).waitFor();
  }

  it('takes a Soest signal with a Baarn hit from the inspector through the meeting back to the inspector', async () => {
    // An earlier Baarn signal on the same KvK number, straight through the intake API as a Baarn inspector.
    const baarnInspector: UserIdentity = { userId: 'inspecteur.baarn', party: 'gemeente-baarn', roles: ['inspector'] };
    const baarnSignal = await callService(intake.base, baarnInspector, '/api/signals', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': randomUUID() },
      body: JSON.stringify({
        municipality: 'baarn',
        theme: 'autobranche',
        location: { postcode: baarnAddress.postcode, huisnummer: { number: Number(baarnAddress.huisnummer) } },
        subjects: [{ kind: 'business', kvkNumber, tradeName: 'Autobedrijf Baarn' }],
        indicators: ['contante-betalingen'],
        freeText: 'Veel contante verkopen.',
        distribution: { recipients: ['gemeente-baarn', 'politie-bes', 'riec-mn'] },
      }),
    });
    expect(baarnSignal.status).toBe(201);
    const { id: baarnId } = (await baarnSignal.json()) as { id: string };
    const baarnMember: UserIdentity = { userId: 'overleg.baarn', party: 'gemeente-baarn', roles: ['meeting-member'] };
    await eventually(
      async () => {
        const response = await callService(meeting.base, baarnMember, '/api/agenda?municipality=baarn');
        const entries = (await response.json()) as AgendaEntry[];
        return entries.some((entry) => entry.id === baarnId) ? true : undefined;
      },
      { timeoutMs: SERVICE_DEADLINE_MS, what: 'the Baarn signal on the Baarn agenda' },
    );

    // The Soest inspector signs in.
    await page.goto(`${web.base}/`);
    await expect.poll(() => page.title()).toBe('Aanmelden – Signaalhub');
    await screen('01-aanmelden');
    await page.getByLabel('Gebruikersnaam').fill('inspecteur.soest');
    await page.getByLabel('Wachtwoord').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Aanmelden' }).click();
    await page.getByRole('heading', { level: 1, name: /Welkom/ }).waitFor();
    const session = (await context.cookies()).find((cookie) => cookie.name === '__Host-signaalhub-sessie');
    expect(session).toMatchObject({ httpOnly: true, secure: true, sameSite: 'Strict' });
    await screen('02-start-toezichthouder');

    // Theme first, then the form with that theme's indicators.
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Nieuwe melding' }).click();
    await page.getByRole('radio', { name: 'Autobranche' }).waitFor();
    await screen('03-thema-kiezen');
    await page.getByRole('radio', { name: 'Autobranche' }).check();
    await page.getByRole('button', { name: 'Verder' }).click();
    await page.getByRole('heading', { level: 1, name: 'Nieuwe melding – Autobranche' }).waitFor();
    await screen('04-meldingsformulier');

    // One field wrong: a KvK number of four digits.
    await page.getByLabel('Postcode').fill(soestAddress.postcode);
    await page.getByLabel('Huisnummer').fill(soestAddress.huisnummer);
    await page.getByLabel('KvK-nummer').fill('1234');
    await page.getByLabel('Handelsnaam (niet verplicht)').fill('Autohandel De Eem');
    await page.getByRole('checkbox', { name: 'Snel wisselende voorraad voertuigen' }).check();
    await page.getByLabel('Toelichting (niet verplicht)').fill('Elke week andere dure auto’s, nauwelijks klanten.');
    await page.getByRole('button', { name: 'Melding versturen' }).click();
    await page.getByRole('alert').filter({ hasText: 'Er is 1 fout gevonden' }).waitFor();
    const kvkField = page.getByLabel('KvK-nummer');
    expect(await kvkField.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await kvkField.getAttribute('aria-describedby')) ?? '';
    expect(describedBy.split(' ')).toContain('kvk-nummer-fout');
    expect(await page.locator('#kvk-nummer-fout').innerText()).toContain('KvK-nummer moet 8 cijfers zijn');
    expect(await page.locator('.sh-error-summary a[href="#kvk-nummer"]').innerText()).toBe('KvK-nummer moet 8 cijfers zijn');
    // What was typed elsewhere is kept.
    expect(await page.getByLabel('Postcode').inputValue()).toBe(soestAddress.postcode);
    await screen('05-fout-naast-het-veld');

    // Corrected and sent.
    await kvkField.fill(kvkNumber);
    await page.getByRole('button', { name: 'Melding versturen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Mijn meldingen' }).waitFor();
    await page.getByText('Uw melding is ontvangen').waitFor();
    const reference = (await page.locator('article').first().innerText()).match(/Kenmerk: ([0-9A-F]{8})/)?.[1];
    expect(reference).toBeDefined();
    await screen('06-mijn-meldingen-verstuurd');
    await signOut();
    await screen('07-afgemeld');

    // A Soest meeting member finds it on the agenda with the Baarn hit.
    await signIn('overleg.soest');
    await screen('08-start-overleglid');
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Agenda' }).click();
    const row = page.getByRole('row').filter({ hasText: reference ?? 'no reference' });
    await eventually(
      async () => {
        if ((await row.count()) === 1) return true;
        await page.reload();
        return undefined;
      },
      { timeoutMs: SERVICE_DEADLINE_MS, what: 'the Soest signal on the Soest agenda' },
    );
    expect(await row.getByRole('cell').last().innerText()).toBe('ook gemeld in Baarn (1)');
    await screen('09-agenda-soest');

    await row.getByRole('link', { name: 'Autobranche' }).click();
    await page.getByRole('heading', { level: 1, name: 'Melding Autobranche, Soest' }).waitFor();
    expect(await page.locator('main').innerText()).toContain(`KvK ${kvkNumber}, Autohandel De Eem`);
    // The item names the hit's report day (the Baarn signal was reported today or, near midnight, yesterday).
    expect(await page.locator('main').innerText()).toMatch(/Dezelfde betrokkenen of hetzelfde adres: ook gemeld in Baarn \(1, gemeld op \d{1,2} [a-z]+ \d{4}\)\./);
    await screen('10-agendapunt');

    // "bestuurlijk, trekker gemeente-soest, actie binnen 14 dagen".
    const dueDate = isoDateFromNow(14);
    const feedback = `Bestuurlijke aanpak: controle van de exploitatievergunning (${reference ?? ''}).`;
    await page.getByRole('radio', { name: 'Bestuurlijke aanpak' }).check();
    await page.getByLabel('Trekker').selectOption('gemeente-soest');
    await page.getByLabel('Omschrijving actie 1 (niet verplicht)').fill('Exploitatievergunning controleren');
    await page.getByLabel('Uiterste datum actie 1 (niet verplicht)').fill(dueDate);
    await page.getByLabel('Terugkoppeling aan de melder (niet verplicht)').fill(feedback);
    await screen('11-besluit-ingevuld');
    await page.getByRole('button', { name: 'Besluit vastleggen' }).click();
    await page.getByText('Het besluit is vastgelegd').waitFor();
    expect(await page.getByRole('row').filter({ hasText: reference ?? 'no reference' }).count()).toBe(0);
    await screen('12-besluit-vastgelegd');
    await signOut();

    // The inspector sees the feedback.
    await signIn('inspecteur.soest');
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Mijn meldingen' }).click();
    const card = page.locator('article').filter({ hasText: `Kenmerk: ${reference ?? ''}` });
    await eventually(
      async () => {
        if ((await card.getByText(feedback).count()) === 1) return true;
        await page.reload();
        return undefined;
      },
      { timeoutMs: SERVICE_DEADLINE_MS, what: 'the feedback under Mijn meldingen' },
    );
    const text = await card.innerText();
    expect(text).toContain('Aanpak: Bestuurlijke aanpak. Trekker: Gemeente Soest.');
    expect(text).toContain(`Exploitatievergunning controleren (uiterlijk ${new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${dueDate}T12:00:00Z`))})`);
    await screen('13-terugkoppeling');

    expect(stack.visited).toHaveLength(13);
    if (stack.violations.length > 0) process.stdout.write(`${stack.violations.join('\n')}\n`);
    expect(stack.violations).toEqual([]);
  });
});
