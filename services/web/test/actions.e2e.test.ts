import { randomUUID } from 'node:crypto';
import type { AgendaEntry } from '@signaalhub/contracts';
import type { UserIdentity } from '@signaalhub/identity';
import { eventually, type RunningService } from '@signaalhub/test-infra';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isoDateFromNow, SERVICE_DEADLINE_MS, startBrowserStack, type BrowserStack } from './support/browser-stack.js';

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
const soestAddress = randomAddress('3762');

describe('actions and their reminders in a real browser', () => {
  let stack: BrowserStack;
  let intake: RunningService;
  let meeting: RunningService;
  let web: RunningService;
  let page: Page;

  beforeAll(async () => {
    stack = await startBrowserStack({ screenshots: 'acties-', meetingEnv: { ACTION_REMINDER_LEAD_DAYS: '1' } });
    ({ intake, meeting, web, page } = stack);
  });

  afterAll(async () => {
    await stack.stop();
  });

  const screen = (name: string): Promise<void> => stack.screen(name);
  const signIn = (accountName: string): Promise<void> => stack.signIn(accountName);
  const callService = (base: string, identity: UserIdentity, path: string, init?: RequestInit): Promise<Response> => stack.callService(base, identity, path, init);

  it("reminds the lead party's member of the action due tomorrow on the start page, and lets them mark it done", async () => {
    const inspector: UserIdentity = { userId: 'inspecteur.soest', party: 'gemeente-soest', roles: ['inspector'] };
    const submitted = await callService(intake.base, inspector, '/api/signals', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': randomUUID() },
      body: JSON.stringify({
        municipality: 'soest',
        theme: 'autobranche',
        location: { postcode: soestAddress.postcode, huisnummer: { number: Number(soestAddress.huisnummer) } },
        subjects: [{ kind: 'business', kvkNumber, tradeName: 'Autohandel De Eem' }],
        indicators: ['contante-betalingen'],
        freeText: 'Veel contante verkopen.',
        distribution: { recipients: ['gemeente-soest', 'politie-bes', 'riec-mn'] },
      }),
    });
    expect(submitted.status).toBe(201);
    const { id: itemId } = (await submitted.json()) as { id: string };
    const member: UserIdentity = { userId: 'overleg.soest', party: 'gemeente-soest', roles: ['meeting-member'] };
    await eventually(
      async () => {
        const entries = (await (await callService(meeting.base, member, '/api/agenda?municipality=soest')).json()) as AgendaEntry[];
        return entries.some((entry) => entry.id === itemId) ? true : undefined;
      },
      { timeoutMs: SERVICE_DEADLINE_MS, what: 'the signal on the Soest agenda' },
    );

    // The meeting decides: two actions led by Soest, one due tomorrow, one in a month.
    await signIn('overleg.soest');
    await page.goto(`${web.base}/agenda/punten/${itemId}`);
    await page.getByRole('heading', { level: 1, name: 'Melding Autobranche, Soest' }).waitFor();
    await page.getByRole('radio', { name: 'Bestuurlijke aanpak' }).check();
    await page.getByLabel('Trekker').selectOption('gemeente-soest');
    await page.getByLabel('Omschrijving actie 1 (niet verplicht)').fill('Exploitatievergunning controleren');
    await page.getByLabel('Uiterste datum actie 1 (niet verplicht)').fill(isoDateFromNow(1));
    await page.getByLabel('Omschrijving actie 2 (niet verplicht)').fill('Gesprek met de eigenaar');
    await page.getByLabel('Uiterste datum actie 2 (niet verplicht)').fill(isoDateFromNow(30));
    await screen('01-besluit-met-twee-acties');
    await page.getByRole('button', { name: 'Besluit vastleggen' }).click();
    await page.getByText('Het besluit is vastgelegd').waitFor();

    // With a one-day lead the "due" reminder of tomorrow's action fires at once; the other one waits.
    const attention = page.locator('section').filter({ has: page.getByRole('heading', { name: 'Acties die aandacht vragen' }) });
    await eventually(
      async () => {
        await page.goto(`${web.base}/`);
        return (await attention.getByRole('row').filter({ hasText: 'Exploitatievergunning controleren' }).count()) === 1 ? true : undefined;
      },
      { timeoutMs: SERVICE_DEADLINE_MS, what: 'the reminded action on the start page' },
    );
    expect(await attention.innerText()).not.toContain('Gesprek met de eigenaar');
    expect(await attention.getByRole('row').filter({ hasText: 'Exploitatievergunning controleren' }).innerText()).toContain('Binnenkort verlopen');
    await screen('02-start-met-herinnering');

    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Acties' }).click();
    await page.getByRole('heading', { level: 1, name: 'Acties' }).waitFor();
    expect(await page.getByRole('row').filter({ hasText: 'Gesprek met de eigenaar' }).innerText()).toContain('Open');
    await screen('03-acties');

    // The item shows its actions too.
    await page.goto(`${web.base}/agenda/punten/${itemId}`);
    await page.getByRole('heading', { level: 2, name: 'Acties' }).waitFor();
    expect(await page.getByRole('row').filter({ hasText: 'Exploitatievergunning controleren' }).count()).toBe(1);
    await screen('04-agendapunt-met-acties');

    // Marked done from the start page: a missing note is refused in Dutch next to the field, then accepted.
    await page.goto(`${web.base}/`);
    await attention.getByRole('link', { name: /Afronden/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Actie afronden' }).waitFor();
    await screen('05-afronden');
    await page.getByRole('button', { name: 'Actie afronden' }).click();
    await page.getByRole('alert').filter({ hasText: 'Er is 1 fout gevonden' }).waitFor();
    expect(await page.getByLabel('Toelichting').getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#afgerond-toelichting-fout').innerText()).toMatch(/[a-z]/);
    await screen('06-afronden-fout');
    await page.getByLabel('Toelichting').fill('Vergunning gecontroleerd; in orde bevonden.');
    await page.getByRole('button', { name: 'Actie afronden' }).click();
    await page.getByText('De actie is afgerond').waitFor();
    const doneRow = page.getByRole('row').filter({ hasText: 'Exploitatievergunning controleren' });
    expect(await doneRow.innerText()).toContain('Afgerond op');
    expect(await doneRow.innerText()).toContain('Vergunning gecontroleerd; in orde bevonden.');
    await screen('07-acties-afgerond');

    await page.goto(`${web.base}/`);
    expect(await page.getByRole('heading', { name: 'Acties die aandacht vragen' }).count()).toBe(0);
    await screen('08-start-zonder-herinnering');

    expect(stack.visited).toHaveLength(8);
    if (stack.violations.length > 0) process.stdout.write(`${stack.violations.join('\n')}\n`);
    expect(stack.violations).toEqual([]);
  });
});
