import { randomBytes, randomUUID } from 'node:crypto';
import type { AgendaEntry } from '@signaalhub/contracts';
import type { UserIdentity } from '@signaalhub/identity';
import { eventually, type RunningService } from '@signaalhub/test-infra';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SERVICE_DEADLINE_MS, startBrowserStack, type BrowserStack } from './support/browser-stack.js';

/** Planted in the signal and decision that are not sent to the RIEC: must never reach the RIEC member's print views. */
const NOT_FOR_RIEC = `ALLEEN-SOEST-POLITIE-${randomBytes(4).toString('hex')}`;

const reference = (id: string): string => id.replaceAll('-', '').slice(0, 8).toUpperCase();

/** `YYYY-MM-DD` in the Netherlands, `days` from today. */
function dutchDate(days: number): string {
  const parts = new Intl.DateTimeFormat('nl-NL', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(
    new Date(Date.now() + days * 24 * 60 * 60 * 1000),
  );
  const part = (type: string): string => parts.find((entry) => entry.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

const longDate = (isoDate: string): string =>
  new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Amsterdam' }).format(new Date(`${isoDate}T12:00:00Z`));

describe('meeting agenda and item history in a real browser', () => {
  let stack: BrowserStack;
  let intake: RunningService;
  let meeting: RunningService;
  let web: RunningService;
  let page: Page;

  beforeAll(async () => {
    stack = await startBrowserStack({ screenshots: 'meeting-history/' });
    ({ intake, meeting, web, page } = stack);
  });

  afterAll(async () => {
    await stack.stop();
  });

  const screen = (name: string): Promise<void> => stack.screen(name);
  const signIn = (accountName: string): Promise<void> => stack.signIn(accountName);
  const callService = (base: string, identity: UserIdentity, path: string, init?: RequestInit): Promise<Response> => stack.callService(base, identity, path, init);

  /** A Soest signal through the intake API, sent to `recipients`; resolves once it is on the Soest agenda. */
  async function soestSignal(recipients: string[], freeText: string): Promise<string> {
    const inspector: UserIdentity = { userId: 'inspecteur.soest', party: 'gemeente-soest', roles: ['inspector'] };
    const response = await callService(intake.base, inspector, '/api/signals', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': randomUUID() },
      body: JSON.stringify({
        municipality: 'soest',
        theme: 'autobranche',
        location: { postcode: '3762 EX', huisnummer: { number: 1 + Math.floor(Math.random() * 9_999) } },
        subjects: [{ kind: 'business', kvkNumber: String(10_000_000 + Math.floor(Math.random() * 89_999_999)), tradeName: 'Autohandel Eemland' }],
        indicators: ['snel-wisselende-voorraad'],
        freeText,
        distribution: { recipients },
      }),
    });
    expect(response.status).toBe(201);
    const { id } = (await response.json()) as { id: string };
    const member: UserIdentity = { userId: 'overleg.soest', party: 'gemeente-soest', roles: ['meeting-member'] };
    await eventually(
      async () => {
        const entries = (await (await callService(meeting.base, member, '/api/agenda?municipality=soest')).json()) as AgendaEntry[];
        return entries.some((entry) => entry.id === id) ? true : undefined;
      },
      { timeoutMs: SERVICE_DEADLINE_MS, what: 'the signal on the Soest agenda' },
    );
    return id;
  }

  async function decide(itemId: string, decision: { approach: string; leadParty: string; actions?: { description: string; dueDate: string }[]; feedback: string }): Promise<void> {
    await page.goto(`${web.base}/agenda/punten/${itemId}`);
    await page.getByRole('radio', { name: decision.approach }).check();
    await page.getByLabel('Trekker').selectOption(decision.leadParty);
    for (const [index, action] of (decision.actions ?? []).entries()) {
      await page.getByLabel(`Omschrijving actie ${index + 1} (niet verplicht)`).fill(action.description);
      await page.getByLabel(`Uiterste datum actie ${index + 1} (niet verplicht)`).fill(action.dueDate);
    }
    await page.getByLabel('Terugkoppeling aan de melder (niet verplicht)').fill(decision.feedback);
    await page.getByRole('button', { name: 'Besluit vastleggen' }).click();
    await page.getByText('Het besluit is vastgelegd').waitFor();
  }

  /** The rows of a table, as text, in order. */
  async function rows(tableCaption: string): Promise<string[]> {
    return page.locator('table').filter({ has: page.locator('caption', { hasText: tableCaption }) }).locator('tbody tr').allInnerTexts();
  }

  it('plans items for a meeting, decides them, shows every step of the history, filters Besproken and prints only what the member may see', async () => {
    const forAll = await soestSignal(['gemeente-soest', 'politie-bes', 'riec-mn'], 'Veel wisselende auto’s, ook bekend bij het RIEC.');
    const notForRiec = await soestSignal(['gemeente-soest', 'politie-bes'], `Tip van de wijkagent (${NOT_FOR_RIEC}).`);
    const [refAll, refNotForRiec] = [reference(forAll), reference(notForRiec)];
    const today = dutchDate(0);

    // A meeting in the past: the Dutch 422, next to the date field.
    await signIn('overleg.soest');
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Agenda' }).click();
    await page.getByLabel('Datum van een nieuw overleg').fill(dutchDate(-1));
    const [refused] = await Promise.all([
      page.waitForResponse((response) => response.url().endsWith('/agenda/overleggen') && response.request().method() === 'POST'),
      page.getByRole('button', { name: 'Overleg plannen' }).click(),
    ]);
    expect(refused.status()).toBe(422);
    await page.getByRole('alert').filter({ hasText: 'Er is 1 fout gevonden' }).waitFor();
    expect(await page.locator('#overleg-datum-fout').innerText()).toContain('Een overleg kan niet in het verleden liggen. Kies vandaag of een latere datum.');
    await screen('01-overleg-in-het-verleden');

    // Today's meeting, and both items on its agenda; the second one moved up.
    await page.getByLabel('Datum van een nieuw overleg').fill(today);
    await page.getByRole('button', { name: 'Overleg plannen' }).click();
    await page.getByText('Het overleg is gepland.').waitFor();
    await page.getByRole('link', { name: `Overleg van ${longDate(today)}` }).click();
    await page.getByRole('heading', { level: 1, name: `Overleg Soest van ${longDate(today)}` }).waitFor();
    const meetingUrl = page.url();
    for (const itemId of [forAll, notForRiec]) {
      await page.getByLabel('Melding', { exact: true }).selectOption(itemId);
      await page.getByRole('button', { name: 'Op de agenda zetten' }).click();
      await page.getByText('De melding staat op de agenda van dit overleg.').waitFor();
    }
    expect(await rows('Agendapunten van dit overleg')).toEqual([expect.stringContaining(refAll), expect.stringContaining(refNotForRiec)]);
    await page.getByRole('button', { name: new RegExp(`^Omhoog\\W+Autobranche ${refNotForRiec}$`) }).click();
    await page.getByText('De volgorde van de agenda is aangepast.').waitFor();
    const planned = await rows('Agendapunten van dit overleg');
    expect(planned).toEqual([expect.stringContaining(refNotForRiec), expect.stringContaining(refAll)]);
    expect(planned.every((row) => row.includes('Te bespreken'))).toBe(true);
    await screen('02-overleg-met-agendapunten');

    // "Meer informatie nodig", back on the agenda, then decided with two actions; the other item goes to the police.
    await decide(forAll, { approach: 'Meer informatie nodig', leadParty: 'gemeente-soest', feedback: 'Graag het kenteken van de bestelbus.' });
    await decide(forAll, {
      approach: 'Bestuurlijke aanpak',
      leadParty: 'gemeente-soest',
      actions: [
        { description: 'Exploitatievergunning controleren', dueDate: dutchDate(1) },
        { description: 'Bibob-toets aanvragen', dueDate: dutchDate(14) },
      ],
      feedback: 'De gemeente pakt dit bestuurlijk op.',
    });
    await decide(notForRiec, { approach: 'Strafrechtelijke aanpak', leadParty: 'politie-bes', feedback: `Politie neemt het over (${NOT_FOR_RIEC}).` });

    // The item's history shows every step, once both decisions have left for the reporter.
    await page.goto(`${web.base}/agenda/punten/${forAll}`);
    const history = page.locator('ol.sh-history > li');
    await eventually(
      async () => {
        if ((await history.filter({ hasText: 'Besluit en terugkoppeling verzonden' }).count()) === 2) return true;
        await page.reload();
        return undefined;
      },
      { timeoutMs: SERVICE_DEADLINE_MS, what: 'both decisions sent to the reporter' },
    );
    const steps = await history.locator('h3').allInnerTexts();
    expect(steps).toEqual([
      'Melding ontvangen',
      'Geagendeerd door Gemeente Soest',
      'Besluit: Meer informatie nodig',
      'Terug op de agenda (meer informatie nodig)',
      'Besluit en terugkoppeling verzonden aan Gemeente Soest (melder)',
      'Besluit: Bestuurlijke aanpak',
      'Besluit en terugkoppeling verzonden aan Gemeente Soest (melder)',
    ]);
    const decided = await history.filter({ hasText: 'Besluit: Bestuurlijke aanpak' }).innerText();
    expect(decided).toContain(`Besloten in het overleg van ${longDate(today)}`);
    expect(decided).toContain('Vastgelegd door overleg.soest (Gemeente Soest)');
    expect(decided).toContain(`Actie: Exploitatievergunning controleren (uiterlijk ${longDate(dutchDate(1))})`);
    expect(decided).toContain(`Actie: Bibob-toets aanvragen (uiterlijk ${longDate(dutchDate(14))})`);
    // Each action with its status today (actions API); the reminder lead decides whether tomorrow's is already due.
    expect(decided).toMatch(/Exploitatievergunning controleren \(uiterlijk [^)]+\); status: (Open|Binnenkort verlopen)/);
    expect(decided).toMatch(/Bibob-toets aanvragen \(uiterlijk [^)]+\); status: (Open|Binnenkort verlopen)/);
    expect(decided).toContain('Terugkoppeling aan de melder: De gemeente pakt dit bestuurlijk op.');
    expect(await history.filter({ hasText: 'Besluit: Meer informatie nodig' }).innerText()).toContain('Graag het kenteken van de bestelbus.');
    await screen('03-geschiedenis-van-de-melding');

    // "Besproken": newest decision first, filtered by approach and by lead party.
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Besproken' }).click();
    await page.getByRole('heading', { level: 1, name: 'Besproken meldingen Soest' }).waitFor();
    // Unfiltered, the list also holds Soest's signals from before the hub (other tests import some on the shared broker).
    const listed = await rows('Besproken meldingen van Soest');
    expect(listed.filter((row) => !row.includes('Van voor de hub'))).toEqual([expect.stringContaining(refNotForRiec), expect.stringContaining(refAll)]);
    expect(listed.filter((row) => row.includes('Van voor de hub')).every((row) => row.includes('Geïmporteerd, gemeld op'))).toBe(true);
    await screen('04-besproken');
    await page.getByLabel('Aanpak').selectOption('bestuurlijk');
    await page.getByRole('button', { name: 'Filteren' }).click();
    await page.getByRole('heading', { level: 2, name: 'Gevonden meldingen' }).waitFor();
    expect(await rows('Besproken meldingen van Soest')).toEqual([expect.stringContaining(refAll)]);
    await screen('05-besproken-bestuurlijk');
    await page.getByLabel('Aanpak').selectOption('');
    await page.getByLabel('Trekker').selectOption('politie-bes');
    await page.getByRole('button', { name: 'Filteren' }).click();
    await page.getByRole('heading', { level: 2, name: 'Gevonden meldingen' }).waitFor();
    const byPolice = await rows('Besproken meldingen van Soest');
    expect(byPolice).toEqual([expect.stringContaining(refNotForRiec)]);
    expect(byPolice[0]).toContain('Politie basisteam BES');
    await screen('06-besproken-trekker-politie');

    // The meeting's page lists the planned items in order, now decided; its print views as Soest sees them.
    await page.goto(meetingUrl);
    const decidedRows = await rows('Agendapunten van dit overleg');
    expect(decidedRows).toEqual([expect.stringContaining(refNotForRiec), expect.stringContaining(refAll)]);
    expect(decidedRows.every((row) => row.includes('Besloten'))).toBe(true);
    await screen('07-overleg-na-afloop');
    await page.emulateMedia({ media: 'print' });
    await page.goto(`${meetingUrl}/agenda`);
    await page.getByRole('heading', { level: 1, name: /^Agenda overleg Soest/ }).waitFor();
    expect(await page.getByRole('navigation', { name: 'Hoofdmenu' }).isVisible()).toBe(false);
    const soestAgenda = await page.locator('main').innerText();
    expect(soestAgenda).toContain(NOT_FOR_RIEC);
    expect(soestAgenda.indexOf(refNotForRiec)).toBeLessThan(soestAgenda.indexOf(refAll));
    await screen('08-agenda-afdrukken-soest');
    await page.goto(`${meetingUrl}/besluitenlijst`);
    await page.getByRole('heading', { level: 1, name: /^Besluitenlijst overleg Soest/ }).waitFor();
    const soestList = await page.locator('main').innerText();
    expect(soestList).toContain('Exploitatievergunning controleren');
    expect(soestList).toContain(`Politie neemt het over (${NOT_FOR_RIEC}).`);
    await screen('09-besluitenlijst-soest');
    await page.emulateMedia({ media: 'screen' });
    await page.getByRole('button', { name: 'Afmelden' }).click();
    await page.getByRole('heading', { level: 1, name: 'Aanmelden' }).waitFor();

    // The RIEC sits at the meeting but was not sent the police item: its print views leave that content out.
    await signIn('riec.liaison');
    await page.emulateMedia({ media: 'print' });
    await page.goto(`${meetingUrl}/agenda`);
    await page.getByRole('heading', { level: 1, name: /^Agenda overleg Soest/ }).waitFor();
    const riecAgenda = await page.locator('main').innerText();
    expect(riecAgenda).toContain('Veel wisselende auto’s, ook bekend bij het RIEC.');
    expect(riecAgenda).toContain(refNotForRiec);
    expect(riecAgenda).not.toContain(NOT_FOR_RIEC);
    expect(riecAgenda).toContain('De inhoud is niet voor uw organisatie bestemd');
    await screen('10-agenda-afdrukken-riec');
    await page.goto(`${meetingUrl}/besluitenlijst`);
    await page.getByRole('heading', { level: 1, name: /^Besluitenlijst overleg Soest/ }).waitFor();
    const riecList = await page.locator('main').innerText();
    expect(riecList).toContain('Exploitatievergunning controleren');
    expect(riecList).toContain('Strafrechtelijke aanpak');
    expect(riecList).not.toContain(NOT_FOR_RIEC);
    await screen('11-besluitenlijst-riec');
    await page.emulateMedia({ media: 'screen' });

    expect(stack.visited).toHaveLength(11);
    if (stack.violations.length > 0) process.stdout.write(`${stack.violations.join('\n')}\n`);
    expect(stack.violations).toEqual([]);
  });
});
