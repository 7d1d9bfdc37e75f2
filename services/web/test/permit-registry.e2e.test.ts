import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_POOL_PARTY, type ApplicationDetail, type EstablishmentSummary, type PermitDetail, type ScreeningDetail } from '@signaalhub/contracts';
import type { UserIdentity } from '@signaalhub/identity';
import { eventually, testInfrastructure, uniqueName, type RunningService } from '@signaalhub/test-infra';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ESTABLISHMENTS, DEMO_PERMIT_OFFICER, DEMO_SIGNALLED_KVK, seedDemoPermits } from '../../../scripts/seed-demo-permits.js';
import { DEMO_CONFLICTED_COORDINATOR, DEMO_LEAD_COORDINATOR, demoCoordinatorPool } from '../src/accounts/demo-coordinators.js';
import { isoDateFromNow, SERVICE_DEADLINE_MS, startBrowserStack, takeScreeningStep, type BrowserStack } from './support/browser-stack.js';
import { leakedCanaries, openRegisterFromSignIn, registerCsv, registerJson, showRegisterOn, withoutJavaScript } from './support/public-register.js';

const daysAgo = (days: number): string => isoDateFromNow(-days);
const randomDigits = (length: number): string => Array.from({ length }, () => String(Math.floor(Math.random() * 10))).join('');

/**
 * Soest's permit officer in a real browser on the registry, the Bibob pool and the web, seeded as
 * `npm start` seeds it: finds an establishment by trade name, registers one and its application, requests
 * the Bibob screening; the pool's coordinator asks the LBB's advice (the officer sees the decision date move,
 * with its explanation) and concludes "mindere mate van gevaar" with a proposed condition, approved by a
 * second coordinator; the officer asks and records the zienswijze, grants the permit with that condition,
 * suspends, reinstates and revokes it. Issue 11 acceptance 1 in the same scenario: after the grant, signed out,
 * the public register shows that permit without its people, Bibob condition or reasons (also with JavaScript
 * disabled, and in the JSON and CSV); after the suspension it says geschorst; after the revocation the registry's
 * application clock moves past the publication term (a restart with PERMIT_REGISTRY_CLOCK_OFFSET_SECONDS) and
 * the permit is gone from the page, the JSON and the CSV, also as the register stood on a day it was valid.
 * Every screen: screenshot and axe-core WCAG 2.1 AA.
 */
describe('Permit registry in a real browser', () => {
  let stack: BrowserStack;
  let registry: RunningService;
  let bibob: RunningService;
  let web: RunningService;
  let page: Page;
  const officer: UserIdentity = { userId: DEMO_PERMIT_OFFICER, party: 'gemeente-soest', roles: ['permit-officer'] };
  const coordinator = (userId: string): UserIdentity => ({ userId, party: DEFAULT_POOL_PARTY, roles: ['bibob-coordinator'] });

  beforeAll(async () => {
    stack = await startBrowserStack({
      screenshots: 'permit-registry/',
      // The demo pool with room to spare: the shared broker's topic may hold other runs' requests, which this pool takes too.
      bibobEnv: { BIBOB_COORDINATORS: JSON.stringify(demoCoordinatorPool(new Date()).map((entry) => ({ ...entry, capacity: 500 }))) },
      // The sweep runs often, so the register is swept soon after the registry's clock moves.
      registryEnv: { PERMIT_REGISTRY_RETENTION_SWEEP_MS: '200' },
    });
    if (stack.bibob === undefined || stack.registry === undefined) throw new Error('the stack was started with the pool and the registry');
    ({ bibob, registry } = stack as BrowserStack & { bibob: RunningService; registry: RunningService });
    ({ web, page } = stack);
  });

  afterAll(async () => {
    await stack.stop();
  });

  const screen = (name: string): Promise<void> => stack.screen(name);

  /** Days the registry's clock moves after the revocation: past the shipped 30-day publication term. */
  const PAST_PUBLICATION_TERM_DAYS = 40;

  const signOut = (): Promise<void> => stack.signOut();

  async function application(id: string): Promise<ApplicationDetail> {
    const response = await registry.get(`/api/applications/${id}`, officer);
    expect(response.status).toBe(200);
    return (await response.json()) as ApplicationDetail;
  }

  async function permit(id: string): Promise<PermitDetail> {
    const response = await registry.get(`/api/permits/${id}`, officer);
    expect(response.status).toBe(200);
    return (await response.json()) as PermitDetail;
  }

  async function screening(id: string): Promise<ScreeningDetail> {
    const response = await bibob.get(`/api/screenings/${id}`, coordinator(DEMO_LEAD_COORDINATOR));
    expect(response.status).toBe(200);
    return (await response.json()) as ScreeningDetail;
  }

  const mainText = (): Promise<string> => page.locator('main').innerText();
  const idFromUrl = (): string => decodeURIComponent(new URL(page.url()).pathname.split('/').at(-1) ?? '');
  const decisionDate = (): Promise<string> => page.locator('dt', { hasText: 'Uiterste beslisdatum' }).locator('xpath=following-sibling::dd').innerText();

  const takeStep = (step: string, date: string): Promise<void> => takeScreeningStep(page, step, date);

  /** One permit action form on the open page: its date, reason and the button. */
  async function permitAction(action: string, reason: string, button: string, fill: Record<string, string> = {}): Promise<void> {
    for (const [id, value] of Object.entries(fill)) await page.locator(`#${id}`).fill(value);
    await page.locator(`#${action}-reden`).fill(reason);
    await page.getByRole('button', { name: button }).click();
  }

  it('takes an application from search to a granted, suspended, reinstated and revoked permit with the Bibob pool', { timeout: 900_000 }, async () => {
    // The registry as `npm start` seeds it, and a second start seeds nothing more.
    const seeded = await seedDemoPermits({ stackDir: mkdtempSync(join(tmpdir(), 'permits-seed-')), registryUrl: registry.base, identitySecret: testInfrastructure().identitySecret });
    expect(seeded).toBe(DEMO_ESTABLISHMENTS.length);
    expect(await seedDemoPermits({ stackDir: mkdtempSync(join(tmpdir(), 'permits-seed-')), registryUrl: registry.base, identitySecret: testInfrastructure().identitySecret })).toBe(0);
    const listed = (await (await registry.get('/api/establishments?municipality=soest&tradeName=Eemland%20Occasions', officer)).json()) as EstablishmentSummary[];
    expect(listed).toHaveLength(1);
    const statuses = new Set<string>();
    for (const summary of (await (await registry.get('/api/applications?municipality=soest', officer)).json()) as { permitId: string; bibob: string }[]) {
      statuses.add((await permit(summary.permitId)).status);
      if (summary.bibob === 'gevraagd' || summary.bibob === 'geopend') statuses.add('bibob');
    }
    expect([...statuses].sort()).toEqual(['aangevraagd', 'bibob', 'geschorst', 'geweigerd', 'ingetrokken', 'verleend', 'vervallen']);

    // The officer's start page links the registry; the search by trade name finds the signalled car trader.
    await stack.signIn(DEMO_PERMIT_OFFICER);
    await screen('01-start-vergunningverlener');
    await page.getByRole('main').getByRole('link', { name: 'Vestigingen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Vestigingen in Soest' }).waitFor();
    expect(await page.locator('tbody tr').count()).toBeGreaterThanOrEqual(DEMO_ESTABLISHMENTS.length);
    await page.getByLabel('Handelsnaam (of een deel ervan)').fill('Eemland');
    await page.getByRole('button', { name: 'Zoeken' }).click();
    await page.getByRole('heading', { level: 2, name: 'Gevonden vestigingen' }).waitFor();
    expect(await page.locator('tbody tr').count()).toBe(1);
    await screen('02-zoeken-op-handelsnaam');
    await page.getByRole('link', { name: 'Eemland Occasions' }).click();
    await page.getByRole('heading', { level: 1, name: 'Eemland Occasions' }).waitFor();
    const eemland = await mainText();
    expect(eemland).toContain(DEMO_SIGNALLED_KVK);
    expect(eemland).toContain('SOEST-AB-2026-001');
    expect(eemland).toContain('Verleend');
    await screen('03-vestiging-eemland');

    // A bad postcode search and a bad registration: the Dutch error next to the field, nothing stored.
    await page.goto(`${web.base}/vestigingen?postcode=12`);
    await page.getByRole('alert').filter({ hasText: 'Postcode:' }).waitFor();
    expect(await page.locator('#zoek-postcode').getAttribute('aria-invalid')).toBe('true');
    await screen('04-zoeken-fout');
    await page.goto(`${web.base}/vestigingen/nieuw`);
    await page.getByRole('heading', { level: 1, name: 'Nieuwe vestiging inschrijven' }).waitFor();
    const tradeName = `Autohandel ${uniqueName('proef')}`;
    const kvkNumber = randomDigits(8);
    await page.getByLabel('Handelsnaam').fill(tradeName);
    await page.getByLabel('KvK-nummer').fill('1234');
    await page.getByLabel('Vestigingsnummer').fill(randomDigits(12));
    await page.getByLabel('Postcode').fill('3762 AB');
    await page.getByLabel('Huisnummer').fill('44');
    await page.getByRole('checkbox', { name: 'Handel', exact: true }).check();
    await page.locator('#sbi-code-handel').fill('45112');
    await page.locator('#verantwoordelijke-0-naam').fill('Jan de Proef');
    await page.locator('#verantwoordelijke-0-geboortedatum').fill('1975-04-03');
    await page.locator('#verantwoordelijke-0-rol').selectOption('eigenaar');
    await page.getByRole('button', { name: 'Vestiging inschrijven' }).click();
    await page.getByRole('alert').filter({ hasText: 'Er is 1 fout gevonden' }).waitFor();
    expect(await page.locator('.sh-error-summary a[href="#kvk-nummer"]').innerText()).toMatch(/^KvK-nummer: /);
    expect(await page.getByLabel('KvK-nummer').getAttribute('aria-invalid')).toBe('true');
    const before = (await (await registry.get(`/api/establishments?municipality=soest&tradeName=${encodeURIComponent(tradeName)}`, officer)).json()) as unknown[];
    expect(before).toHaveLength(0);
    await screen('05-inschrijven-fout');
    await page.getByLabel('KvK-nummer').fill(kvkNumber);
    await page.getByRole('button', { name: 'Vestiging inschrijven' }).click();
    await page.getByText('De vestiging is ingeschreven.').waitFor();
    const establishmentId = idFromUrl();
    await screen('06-vestiging-ingeschreven');

    // The application, and the Bibob screening with one button.
    await page.getByLabel('Aanvraag ontvangen op').fill(daysAgo(30));
    await page.getByRole('button', { name: 'Aanvraag registreren' }).click();
    await page.getByText('De aanvraag is geregistreerd.').waitFor();
    const applicationId = idFromUrl();
    expect((await application(applicationId)).establishmentId).toBe(establishmentId);
    await screen('07-aanvraag');
    await page.getByRole('button', { name: 'Bibob-toets aanvragen' }).click();
    await page.getByText('De Bibob-toets is aangevraagd bij de Bibob-pool.').waitFor();
    const screeningId = await eventually(async () => (await application(applicationId)).screeningId ?? undefined, {
      timeoutMs: SERVICE_DEADLINE_MS,
      what: 'the pool opening the screening',
    });
    const worker = (await screening(screeningId)).assignee ?? '';
    expect([DEMO_LEAD_COORDINATOR, DEMO_CONFLICTED_COORDINATOR]).toContain(worker);
    const approver = worker === DEMO_LEAD_COORDINATOR ? DEMO_CONFLICTED_COORDINATOR : DEMO_LEAD_COORDINATOR;
    await page.reload();
    const decisionBefore = await decisionDate();
    await screen('08-bibob-gevraagd');
    await signOut();

    // The pool asks the LBB's advice.
    await stack.signIn(worker);
    await page.goto(`${web.base}/toetsen/${screeningId}`);
    await takeStep('onderzoek-starten', daysAgo(20));
    await takeStep('lbb-advies-vragen', daysAgo(10));
    await screen('09-pool-lbb-gevraagd');
    await signOut();

    // The officer sees the decision date move, with its explanation.
    await stack.signIn(DEMO_PERMIT_OFFICER);
    const explanation = await eventually(
      async () => {
        await page.goto(`${web.base}/aanvragen/${applicationId}`);
        return (await application(applicationId)).bibob === 'lbb-advies-gevraagd' ? page.locator('section[aria-labelledby="kop-termijnen"]').innerText() : undefined;
      },
      { timeoutMs: SERVICE_DEADLINE_MS, what: 'the LBB request in the application' },
    );
    expect(await decisionDate()).not.toBe(decisionBefore);
    expect(await decisionDate()).toContain('(voorlopig)');
    expect(explanation).toContain('LBB');
    expect(await page.locator('section[aria-labelledby="kop-tijdlijn"]').innerText()).toContain('LBB-advies gevraagd');
    await screen('10-beslisdatum-verschoven');
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Aanvragen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Aanvragen in Soest' }).waitFor();
    expect(await page.locator('tbody').innerText()).toContain(tradeName);
    await screen('11-aanvragen');
    await signOut();

    // The pool concludes "mindere mate van gevaar" with a proposed condition; a second coordinator approves.
    const condition = `Geen contante betalingen boven 3.000 euro (${uniqueName('voorschrift')})`;
    await stack.signIn(worker);
    await page.goto(`${web.base}/toetsen/${screeningId}`);
    await takeStep('lbb-advies-ontvangen', daysAgo(3));
    for (const checkbox of await page.locator('input[type="checkbox"][name^="complete-"]').all()) await checkbox.check();
    await page.getByRole('button', { name: 'Vragenlijst opslaan' }).click();
    await page.getByText('De vragenlijst is opgeslagen.').waitFor();
    await page.getByRole('radio', { name: 'Mindere mate van gevaar' }).check();
    await page.locator('#conclusie-voorschriften').fill(condition);
    await page.locator('#conclusie-toelichting').fill('Contante betalingen zonder administratie.');
    await page.locator('#conclusie-reden').fill('Onderzoek afgerond');
    await page.getByRole('button', { name: 'Conclusie voorstellen' }).click();
    await page.getByText('De conclusie is voorgesteld.').waitFor();
    await signOut();
    await stack.signIn(approver);
    await page.goto(`${web.base}/toetsen/${screeningId}`);
    await page.locator('#goedkeuring-reden').fill('Akkoord na controle');
    await page.getByRole('button', { name: 'Conclusie versie 1 goedkeuren' }).click();
    await page.getByText('De conclusie is goedgekeurd').waitFor();
    await screen('12-pool-conclusie');
    await signOut();

    // The officer: the conclusion with its condition, the zienswijze, then the grant with that condition.
    await stack.signIn(DEMO_PERMIT_OFFICER);
    await eventually(async () => ((await application(applicationId)).conclusions.length > 0 ? true : undefined), {
      timeoutMs: SERVICE_DEADLINE_MS,
      what: 'the conclusion in the registry',
    });
    await page.goto(`${web.base}/aanvragen/${applicationId}`);
    await page.getByRole('heading', { level: 3, name: 'Conclusie versie 1: Mindere mate van gevaar' }).waitFor();
    expect(await page.locator('#voorschrift-0-tekst').inputValue()).toBe(condition);
    expect(await page.locator('#voorschrift-0-herkomst').inputValue()).toBe('bibob');
    await screen('13-aanvraag-conclusie');
    await permitAction('zienswijze-vragen', 'Voorschrift uit de Bibob-conclusie belast de aanvrager', 'Zienswijze vragen');
    await page.getByText('Zienswijze van de aanvrager: gevraagd, nog niet ontvangen.').waitFor();
    await permitAction('zienswijze-ontvangen', 'Aanvrager stemt in met het voorschrift', 'Zienswijze vastleggen');
    await page.getByText('Zienswijze van de aanvrager: ontvangen.').waitFor();
    // The end before the start: refused next to the field, nothing granted.
    const permitNumber = `SOEST-AB-${randomDigits(6)}`;
    await permitAction('verlenen', 'Aanvraag volledig, Bibob met voorschrift', 'Vergunning verlenen', {
      'verlenen-nummer': permitNumber,
      'verlenen-geldig-vanaf': isoDateFromNow(0),
      'verlenen-geldig-tot': daysAgo(1),
    });
    await page.getByRole('alert').filter({ hasText: 'Geldig tot en met:' }).waitFor();
    expect((await permit((await application(applicationId)).permitId)).status).toBe('aangevraagd');
    await screen('14-verlenen-fout');
    // Granted two days ago: yesterday is a day the public register showed it as verleend.
    await permitAction('verlenen', 'Aanvraag volledig, Bibob met voorschrift', 'Vergunning verlenen', {
      'verlenen-datum': daysAgo(2),
      'verlenen-nummer': permitNumber,
      'verlenen-geldig-vanaf': daysAgo(2),
      'verlenen-geldig-tot': isoDateFromNow(5 * 365),
    });
    await page.getByText('Het besluit is vastgelegd.').waitFor();
    const permitId = (await application(applicationId)).permitId;
    const granted = await permit(permitId);
    expect(granted).toMatchObject({ status: 'verleend', permitNumber });
    expect(granted.conditions).toContainEqual(expect.objectContaining({ kind: 'specifiek', text: condition, fromBibob: true }));
    expect(granted.conditions.filter((entry) => entry.kind === 'standaard').length).toBeGreaterThan(0);
    await page.getByRole('link', { name: 'Naar de vergunning' }).click();
    await page.getByRole('heading', { level: 1, name: `Vergunning ${permitNumber}: verleend` }).waitFor();
    expect(await page.locator('section[aria-labelledby="kop-voorschriften"]').innerText()).toContain(condition);
    await screen('15-vergunning-verleend');
    const permitUrl = page.url();

    // Signed out, the public register shows that permit, without people, the Bibob condition or reasons.
    const canaries = [kvkNumber, 'Jan de Proef', '1975-04-03', '3 april 1975', condition, 'Contante betalingen zonder administratie', 'Aanvraag volledig, Bibob met voorschrift', 'Aanvrager stemt in'];
    const publicTexts: string[] = [];
    const registerRow = () => page.getByRole('row').filter({ hasText: permitNumber });
    await signOut();
    await openRegisterFromSignIn(page, web.base);
    expect(await registerRow().innerText()).toContain(tradeName);
    expect(await registerRow().innerText()).toContain('Verleend');
    await screen('15a-openbaar-register-verleend');
    publicTexts.push(await page.content());
    const withoutScript = await withoutJavaScript(stack, async (bare) => {
      await openRegisterFromSignIn(bare, web.base);
      await bare.screenshot({ path: 'test-results/e2e/permit-registry/15b-openbaar-register-zonder-javascript.png', fullPage: true });
      return bare.content();
    });
    expect(withoutScript).toContain(permitNumber);
    expect(withoutScript).toContain(tradeName);
    publicTexts.push(withoutScript);
    const grantedJson = await registerJson(stack);
    expect(grantedJson.register.entries.find((entry) => entry.permitNumber === permitNumber)?.status).toBe('verleend');
    const grantedCsv = await registerCsv(stack);
    expect(grantedCsv.lines.filter((line) => line.includes(permitNumber))).toHaveLength(1);
    publicTexts.push(grantedJson.text, grantedCsv.text);
    // Positive control: the canaries are there for the officer.
    await stack.signIn(DEMO_PERMIT_OFFICER);
    await page.goto(`${web.base}/vestigingen/${establishmentId}`);
    expect(await mainText()).toContain('Jan de Proef');
    await page.goto(permitUrl);

    // Suspend, reinstate, revoke: each in the history with who, when and why.
    await permitAction('schorsen', 'Administratie ontbrak bij controle', 'Vergunning schorsen', { 'schorsen-vanaf': isoDateFromNow(0), 'schorsen-tot': isoDateFromNow(14) });
    await page.getByText('De vergunning is geschorst.').waitFor();
    expect((await permit(permitId)).status).toBe('geschorst');
    await screen('16-vergunning-geschorst');
    await signOut();
    await openRegisterFromSignIn(page, web.base);
    expect(await registerRow().innerText()).toContain('Geschorst');
    await screen('16a-openbaar-register-geschorst');
    publicTexts.push(await page.content());
    await stack.signIn(DEMO_PERMIT_OFFICER);
    await page.goto(permitUrl);
    await permitAction('schorsing-opheffen', 'Administratie op orde', 'Schorsing opheffen');
    await page.getByText('De schorsing is opgeheven').waitFor();
    expect((await permit(permitId)).status).toBe('verleend');
    // A revocation on Bibob grounds needs the zienswijze first: the registry's Dutch reason, nothing changed.
    await page.locator('#intrekken-grond').selectOption('bibob');
    await permitAction('intrekken', 'Nieuwe Bibob-informatie', 'Vergunning intrekken');
    await page.getByRole('alert').filter({ hasText: 'Vraag eerst de zienswijze' }).waitFor();
    expect((await permit(permitId)).status).toBe('verleend');
    await screen('17-intrekken-zonder-zienswijze');
    await page.locator('#intrekken-grond').selectOption('op-verzoek');
    await permitAction('intrekken', 'De houder stopt met de handel', 'Vergunning intrekken');
    await page.getByText('De vergunning is ingetrokken.').waitFor();
    const revoked = await permit(permitId);
    expect(revoked.status).toBe('ingetrokken');
    expect(revoked.history.map((entry) => entry.action)).toEqual(['zienswijze-vragen', 'zienswijze-ontvangen', 'verlenen', 'schorsen', 'schorsing-opheffen', 'intrekken']);
    const history = await page.locator('section[aria-labelledby="kop-geschiedenis"]').innerText();
    expect(history).toContain(`door ${DEMO_PERMIT_OFFICER}`);
    expect(history).toContain('Reden: De houder stopt met de handel');
    expect(await page.locator('section[aria-labelledby="kop-wijzigen"]').count()).toBe(0);
    await screen('18-vergunning-ingetrokken');
    await signOut();

    // Past the publication term by the registry's clock: gone from the page, the JSON and the CSV, for every day.
    await stack.restartRegistry({ PERMIT_REGISTRY_CLOCK_OFFSET_SECONDS: String(PAST_PUBLICATION_TERM_DAYS * 86_400) });
    await eventually(async () => ((await registerJson(stack)).text.includes(permitNumber) ? undefined : true), { timeoutMs: 15_000, what: 'the sweep after the term' });
    await openRegisterFromSignIn(page, web.base);
    expect(await page.content()).not.toContain(permitNumber);
    await screen('19-openbaar-register-na-termijn');
    await showRegisterOn(page, daysAgo(1));
    expect(new URL(page.url()).searchParams.get('datum')).toBe(daysAgo(1));
    expect(await page.content()).not.toContain(permitNumber);
    expect(await page.content()).not.toContain(tradeName);
    await screen('20-openbaar-register-gisteren-na-termijn');
    const goneJson = await registerJson(stack, daysAgo(1));
    expect(goneJson.register.date).toBe(daysAgo(1));
    // The sweep ran on the moved clock: it left tombstones dated on the registry's day, with no name or number.
    expect(goneJson.register.withdrawn).toContainEqual({ withdrawnOn: isoDateFromNow(PAST_PUBLICATION_TERM_DAYS) });
    const goneCsv = await registerCsv(stack, daysAgo(1));
    expect(goneCsv.lines[0]).toMatch(/^handelsnaam,/);
    const goneToday = await registerCsv(stack);
    for (const text of [goneJson.text, goneCsv.text, goneToday.text, (await registerJson(stack)).text]) {
      expect(text).not.toContain(permitNumber);
      expect(text).not.toContain(tradeName);
    }
    const goneWithoutScript = await withoutJavaScript(stack, async (bare) => {
      await openRegisterFromSignIn(bare, web.base);
      await showRegisterOn(bare, daysAgo(1));
      return bare.content();
    });
    expect(goneWithoutScript).not.toContain(permitNumber);
    expect(leakedCanaries(canaries, publicTexts)).toEqual([]);

    expect(stack.visited).toHaveLength(22);
    expect(stack.violations, stack.violations.join('\n')).toEqual([]);
  });
});
