import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AgendaEntry } from '@signaalhub/contracts';
import { IDENTITY_HEADER, issueIdentityToken, type UserIdentity } from '@signaalhub/identity';
import { eventually, RunningService, serviceEnv, testInfrastructure, uniqueName } from '@signaalhub/test-infra';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, describeViolations } from './support/axe.js';
import { launchChromium } from './support/chromium.js';

const SCREENSHOTS = fileURLToPath(new URL('../../../test-results/e2e/', import.meta.url));
const DEMO_PASSWORD = 'Signaalhub-demo-2026';
const SERVICE_DEADLINE_MS = 120_000;

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

function isoDateFromNow(days: number): string {
  return new Date(Date.now() + days * 24 * 60 * 60 * 1000).toISOString().slice(0, 10);
}

const sqlName = (prefix: string): string => uniqueName(prefix).replace(/-/g, '_');

describe('actions and their reminders in a real browser', () => {
  let intake: RunningService;
  let meeting: RunningService;
  let web: RunningService;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  /** Stopped in reverse order, whatever got started before a failure. */
  const started: { stop: () => Promise<unknown> }[] = [];
  const violations: string[] = [];
  const visited: string[] = [];

  async function track<T extends { stop: () => Promise<unknown> }>(starting: Promise<T>): Promise<T> {
    const part = await starting;
    started.push(part);
    return part;
  }

  beforeAll(async () => {
    const deadline = { deadlineMs: SERVICE_DEADLINE_MS };
    [intake, meeting] = await Promise.all([
      track(RunningService.start('signal-intake', serviceEnv({ LOG_LEVEL: 'warn', SIGNAL_INTAKE_DB_SCHEMA: sqlName('intake') }), deadline)),
      track(
        RunningService.start(
          'meeting',
          serviceEnv({
            LOG_LEVEL: 'warn',
            MEETING_DATABASE_SCHEMA: sqlName('meeting'),
            MEETING_QUEUE_PREFIX: uniqueName('bull'),
            MEETING_REPLAY_NAMESPACE: uniqueName('meeting'),
            ACTION_REMINDER_LEAD_DAYS: '1',
          }),
          deadline,
        ),
      ),
    ]);
    web = await track(
      RunningService.start(
        'web',
        serviceEnv({
          LOG_LEVEL: 'warn',
          WEB_DB_SCHEMA: sqlName('web'),
          WEB_REDIS_PREFIX: uniqueName('web'),
          SEED_DEMO_USERS: 'true',
          DEMO_PASSWORD,
          SIGNAL_INTAKE_URL: intake.base,
          MEETING_URL: meeting.base,
        }),
        deadline,
      ),
    );
    mkdirSync(SCREENSHOTS, { recursive: true });
    browser = await launchChromium();
    started.push({ stop: () => browser.close() });
    // axe-core is injected as a script; the pages' CSP forbids every script, so only the test context bypasses it.
    context = await browser.newContext({ bypassCSP: true, locale: 'nl-NL', viewport: { width: 1280, height: 900 } });
    page = await context.newPage();
  });

  afterAll(async () => {
    for (const part of started.reverse()) await part.stop();
  });

  /** Every screen the test visits: a full-page screenshot kept as an artifact, and an axe-core WCAG 2.1 AA run. */
  async function screen(name: string): Promise<void> {
    await page.screenshot({ path: `${SCREENSHOTS}acties-${name}.png`, fullPage: true });
    const found = await axeViolations(page);
    visited.push(name);
    if (found.length > 0) violations.push(describeViolations(name, found));
  }

  async function signIn(accountName: string): Promise<void> {
    await page.goto(`${web.base}/`);
    await page.getByLabel('Gebruikersnaam').fill(accountName);
    await page.getByLabel('Wachtwoord').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Aanmelden' }).click();
    await page.getByRole('heading', { level: 1, name: /Welkom/ }).waitFor();
  }

  async function callService(base: string, identity: UserIdentity, path: string, init: RequestInit = {}): Promise<Response> {
    const token = await issueIdentityToken(identity, { secret: testInfrastructure().identitySecret });
    return fetch(`${base}${path}`, { ...init, headers: { ...(init.headers as Record<string, string>), [IDENTITY_HEADER]: token } });
  }

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

    expect(visited).toHaveLength(8);
    if (violations.length > 0) process.stdout.write(`${violations.join('\n')}\n`);
    expect(violations).toEqual([]);
  });
});
