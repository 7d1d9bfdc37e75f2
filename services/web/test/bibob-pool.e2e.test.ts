import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEventBus, type BusConsumer, type BusMessage, type EventBus } from '@signaalhub/bus';
import { DEFAULT_POOL_PARTY, Envelope, EventTypes, ScreeningRequested, Topics, type ScreeningDetail, type ScreeningSummary } from '@signaalhub/contracts';
import { EnvelopeSealer, matchToken } from '@signaalhub/envelope';
import type { UserIdentity } from '@signaalhub/identity';
import { createLogger } from '@signaalhub/logging';
import { loadServiceKeys } from '@signaalhub/service-kit';
import { eventually, testInfrastructure, uniqueName, type RunningService } from '@signaalhub/test-infra';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoScreenings } from '../../../scripts/seed-demo-screenings.js';
import { DEMO_ABSENT_COORDINATOR, DEMO_CONFLICTED_COORDINATOR, DEMO_LEAD_COORDINATOR, demoCoordinatorPool } from '../src/accounts/demo-coordinators.js';
import { SERVICE_DEADLINE_MS, startBrowserStack, type BrowserStack } from './support/browser-stack.js';

const DAY_MS = 86_400_000;
const daysAgo = (days: number): string => new Date(Date.now() - days * DAY_MS).toISOString().slice(0, 10);
const randomKvk = (): string => String(10_000_000 + Math.floor(Math.random() * 89_999_999));

/**
 * The coordinator pool in a real browser on the demo pool (Anouk leads, Bas has a conflict with Baarn,
 * Carla is absent), seeded as `npm start` seeds it: a screening requested by Soest's sealed event and
 * one through the form for Baarn, assigned automatically; the Soest one through aanvulling, LBB with
 * extension and advice to a conclusion approved by a second coordinator; art. 28 on the bus and in the
 * disclosure register; Soest's permit officer reads it. Every screen: screenshot and axe-core WCAG 2.1 AA.
 */
describe('Bibob pool in a real browser', () => {
  let stack: BrowserStack;
  let bibob: RunningService;
  let intake: RunningService;
  let web: RunningService;
  let bus: EventBus;
  let consumer: BusConsumer;
  let page: Page;
  const started: { stop: () => Promise<unknown> }[] = [];
  const onKafka: Envelope[] = [];
  const coordinator = (userId: string): UserIdentity => ({ userId, party: DEFAULT_POOL_PARTY, roles: ['bibob-coordinator'] });

  beforeAll(async () => {
    bus = createEventBus({ brokers: testInfrastructure().kafkaBrokers, clientId: uniqueName('bibob-web'), logger: createLogger('bibob-web-e2e', 'warn') });
    started.push({ stop: () => bus.close() });
    // Everything the pool publishes from now on: recipients are read from the envelopes' headers.
    const collect = (message: BusMessage): Promise<void> => Promise.resolve(void onKafka.push(Envelope.parse(JSON.parse(message.value.toString('utf8')))));
    consumer = bus.createConsumer({ groupId: uniqueName('bibob-web'), topics: [Topics.screening], handlers: { [Topics.screening]: collect }, fromBeginning: false });
    await consumer.start();
    started.push({ stop: () => consumer.stop() });
    stack = await startBrowserStack({
      screenshots: 'bibob-pool/',
      // The demo pool with room to spare: the shared broker's topic may hold other runs' requests, which this pool takes too.
      bibobEnv: { BIBOB_COORDINATORS: JSON.stringify(demoCoordinatorPool(new Date()).map((entry) => ({ ...entry, capacity: 500 }))) },
    });
    started.push(stack);
    if (stack.bibob === undefined) throw new Error('the stack was started with the pool');
    bibob = stack.bibob;
    ({ intake, web, page } = stack);
  });

  afterAll(async () => {
    for (const part of started.reverse()) await part.stop();
  });

  const screen = (name: string): Promise<void> => stack.screen(name);
  const signIn = (accountName: string): Promise<void> => stack.signIn(accountName);

  async function signOut(): Promise<void> {
    await page.getByRole('button', { name: 'Afmelden' }).click();
    await page.getByRole('heading', { level: 1, name: 'Aanmelden' }).waitFor();
  }

  async function detail(id: string): Promise<ScreeningDetail> {
    const response = await bibob.get(`/api/screenings/${id}`, coordinator(DEMO_LEAD_COORDINATOR));
    expect(response.status).toBe(200);
    return (await response.json()) as ScreeningDetail;
  }

  async function list(): Promise<ScreeningSummary[]> {
    const response = await bibob.get('/api/screenings', coordinator(DEMO_LEAD_COORDINATOR));
    expect(response.status).toBe(200);
    return (await response.json()) as ScreeningSummary[];
  }

  const listIds = async (): Promise<Set<string>> => new Set((await list()).map((screening) => screening.id));

  /** One step through the "Volgende stap" form on the open screening page. */
  async function takeStep(step: string, date: string): Promise<void> {
    await page.locator('#stap-soort').selectOption(step);
    await page.locator('#stap-reden').fill('Volgens het draaiboek');
    await page.locator('#stap-datum').fill(date);
    await page.getByRole('button', { name: 'Stap vastleggen' }).click();
    await page.getByText('De stap is vastgelegd.').waitFor();
  }

  const sentFor = (screeningId: string): Envelope[] => onKafka.filter((envelope) => 'screeningId' in envelope.header && envelope.header.screeningId === screeningId);
  const isType = (type: string) => (envelope: Envelope): boolean => envelope.header.type === type;
  const published = (screeningId: string, type: string): Promise<Envelope> =>
    eventually(() => sentFor(screeningId).find(isType(type)), { timeoutMs: 60_000, what: `${type} for the screening on Kafka` });

  it('takes a Soest request and a Baarn form through the pool to an approved conclusion, disclosed to the RIEC only on a recorded ground', { timeout: 600_000 }, async () => {
    // The pool as `npm start` seeds it.
    const seeded = await seedDemoScreenings({ stackDir: mkdtempSync(join(tmpdir(), 'bibob-seed-')), bibobUrl: bibob.base, identitySecret: testInfrastructure().identitySecret });
    expect(seeded).toBe(8);
    const seededIds = await listIds();
    expect(seededIds.size).toBeGreaterThanOrEqual(8);

    // Soest's registry requests a screening: sealed by Soest to the pool and itself.
    const { keyring, matchTokenKey } = await loadServiceKeys(testInfrastructure().keysDir, testInfrastructure().keyPassphrase);
    const soestKvk = randomKvk();
    const request = ScreeningRequested.parse({
      municipality: 'soest',
      kind: 'drank-en-horecavergunning',
      applicant: { kvkNumber: soestKvk, vestigingsnummer: '000012345678' },
      people: [{ name: 'Jan de Vries', birthDate: '1975-06-01', role: 'bestuurder' }],
      receivedOn: daysAgo(60),
      decisionTermWeeks: 8,
      reference: `aanvraag-soest-${uniqueName('e2e')}`,
      requestedBy: { party: 'gemeente-soest', userId: 'vergunning.soest' },
    });
    const sealed = await new EnvelopeSealer(keyring).seal(request, {
      from: 'gemeente-soest',
      to: [DEFAULT_POOL_PARTY, 'gemeente-soest'],
      type: EventTypes.screeningRequested,
      municipality: 'soest',
      permitKind: request.kind,
      matchTokens: [matchToken({ kind: 'kvk', kvkNumber: soestKvk }, matchTokenKey)],
    });
    const producer = bus.createProducer();
    await producer.connect();
    await producer.send(Topics.screening, [{ key: 'soest', value: Buffer.from(JSON.stringify(sealed)) }]);
    await producer.disconnect();
    const soestId = await eventually(
      async () => {
        const candidates = (await list()).filter((screening) => screening.municipality === 'soest' && !seededIds.has(screening.id));
        for (const candidate of candidates) if ((await detail(candidate.id)).reference === request.reference) return candidate.id;
        return undefined;
      },
      { timeoutMs: SERVICE_DEADLINE_MS, what: 'the Soest screening in the pool' },
    );
    const soest = await detail(soestId);
    expect(soest.reference).toBe(request.reference);
    // Assigned automatically, never to the absent coordinator.
    expect([DEMO_LEAD_COORDINATOR, DEMO_CONFLICTED_COORDINATOR]).toContain(soest.assignee);
    const worker = soest.assignee ?? '';
    const approver = worker === DEMO_LEAD_COORDINATOR ? DEMO_CONFLICTED_COORDINATOR : DEMO_LEAD_COORDINATOR;

    // The lead coordinator: start page, the pool overview.
    await signIn(DEMO_LEAD_COORDINATOR);
    await screen('01-start-coordinator');
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Bibob-toetsen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Bibob-toetsen van de pool' }).waitFor();
    const open = (await list()).filter((screening) => screening.phase !== 'afgesloten');
    expect(await page.locator('tbody tr').count()).toBe(open.length);
    expect(await page.locator('tbody').innerText()).toContain(soestId.slice(0, 8).toUpperCase());
    expect(await page.locator('tbody').innerText()).not.toContain(DEMO_ABSENT_COORDINATOR);
    await screen('02-pooloverzicht');
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Mijn toetsen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Mijn toetsen' }).waitFor();
    await screen('03-mijn-toetsen');
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Niet toegewezen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Niet toegewezen' }).waitFor();
    await page.getByText('Alle toetsen zijn toegewezen.').waitFor();
    await screen('04-niet-toegewezen');

    // The form for Baarn: wrong input first, named per field, nothing stored.
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Nieuwe toets' }).click();
    await page.getByRole('heading', { level: 1, name: 'Nieuwe Bibob-toets' }).waitFor();
    await screen('05-formulier-nieuwe-toets');
    await page.getByLabel('Gemeente').selectOption('baarn');
    await page.getByLabel('Soort beschikking').selectOption('autobranche');
    await page.getByLabel('KvK-nummer').fill('1234');
    await page.getByLabel('Vestigingsnummer').fill('000012345678');
    await page.locator('#persoon-0-naam').fill('Kees van Dam');
    await page.locator('#persoon-0-geboortedatum').fill('1971-03-14');
    await page.locator('#persoon-0-rol').fill('bestuurder');
    await page.getByRole('button', { name: 'Nog een persoon toevoegen' }).click();
    await page.locator('#persoon-1-naam').fill('Ria van Dam');
    await page.locator('#persoon-1-rol').fill('financier');
    await page.getByLabel('Datum ontvangst aanvraag').fill(daysAgo(10));
    const countBefore = (await listIds()).size;
    await page.getByRole('button', { name: 'Toets vastleggen' }).click();
    await page.getByRole('alert').filter({ hasText: 'Er zijn 2 fouten gevonden' }).waitFor();
    expect(await page.locator('.sh-error-summary a[href="#kvk-nummer"]').innerText()).toBe('KvK-nummer: vul 8 cijfers in');
    expect(await page.locator('.sh-error-summary a[href="#persoon-1-geboortedatum"]').innerText()).toMatch(/^Persoon 2, geboortedatum:/);
    expect(await page.getByLabel('KvK-nummer').getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#persoon-1-naam').inputValue()).toBe('Ria van Dam');
    expect((await listIds()).size).toBe(countBefore);
    await screen('06-formulier-fouten');
    // An earlier Baarn signal about the business, through the intake as a Baarn inspector: the pool learns its header's tokens.
    const baarnKvk = randomKvk();
    const baarnSignalText = `Signaaltekst-${uniqueName('baarn')}`;
    const baarnInspector: UserIdentity = { userId: 'inspecteur.baarn', party: 'gemeente-baarn', roles: ['inspector'] };
    const signalled = await stack.callService(intake.base, baarnInspector, '/api/signals', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': randomUUID() },
      body: JSON.stringify({
        municipality: 'baarn',
        theme: 'autobranche',
        location: { postcode: '3741AA', huisnummer: { number: 7 } },
        subjects: [{ kind: 'business', kvkNumber: baarnKvk, tradeName: 'Autohandel Eemland' }],
        indicators: ['contante-betalingen'],
        freeText: baarnSignalText,
        distribution: { recipients: ['gemeente-baarn', 'politie-bes'] },
      }),
    });
    expect(signalled.status).toBe(201);
    await page.getByLabel('KvK-nummer').fill(baarnKvk);
    await page.locator('#persoon-1-geboortedatum').fill('1974-08-09');
    await page.getByRole('button', { name: 'Toets vastleggen' }).click();
    await page.getByText('De toets is vastgelegd').waitFor();
    const baarnId = decodeURIComponent(new URL(page.url()).pathname.split('/').at(-1) ?? '');
    const baarn = await detail(baarnId);
    // Bas declared a conflict with Baarn and Carla is absent: the lead coordinator takes it.
    expect(baarn).toMatchObject({ municipality: 'baarn', assignee: DEMO_LEAD_COORDINATOR, applicant: { kvkNumber: baarnKvk } });
    expect(baarn.people.map((person) => person.name)).toEqual(['Kees van Dam', 'Ria van Dam']);
    await page.getByText('Ria van Dam').waitFor();
    // The Baarn hit, counted per municipality and theme, without the signal's content.
    const hitsText = await eventually(
      async () => {
        await page.goto(`${web.base}/toetsen/${baarnId}`);
        const text = await page.locator('section[aria-labelledby="kop-treffers"]').innerText();
        return text.includes('Baarn (1)') ? text : undefined;
      },
      { timeoutMs: SERVICE_DEADLINE_MS, what: 'the Baarn hit on the Baarn screening' },
    );
    expect(hitsText).toMatch(/Onderneming \(KvK-nummer\)\s+Baarn \(1\)\s+Autobranche \(1\)/);
    expect(await page.locator('main').innerText()).not.toMatch(new RegExp(`${baarnSignalText}|Autohandel Eemland|contante`));
    await screen('07-toets-baarn-vastgelegd');
    await signOut();

    // The Soest screening's coordinator takes it through the procedure in the browser.
    await signIn(worker);
    await page.goto(`${web.base}/toetsen/mijn`);
    await page.getByRole('link', { name: /Drank- en horecavergunning/ }).filter({ hasText: soestId.slice(0, 8).toUpperCase() }).click();
    await page.getByRole('heading', { level: 1, name: /Drank- en horecavergunning, Soest/ }).waitFor();
    await screen('08-toets-soest-ontvangen');
    await takeStep('onderzoek-starten', daysAgo(50));
    // A step that does not fit the phase: the service's Dutch reason, nothing changed.
    await page.locator('#stap-soort').selectOption('afsluiten');
    await page.locator('#stap-reden').fill('Te vroeg');
    await page.getByRole('button', { name: 'Stap vastleggen' }).click();
    await page.getByRole('alert').filter({ hasText: 'Deze stap kan niet in de fase "eigen onderzoek"' }).waitFor();
    await screen('09-stap-past-niet');
    await takeStep('aanvulling-vragen', daysAgo(45));
    await takeStep('aanvulling-ontvangen', daysAgo(40));
    await takeStep('lbb-advies-vragen', daysAgo(35));
    const decisionDate = (): Promise<string> => page.locator('dt', { hasText: 'Uiterste beslisdatum' }).locator('xpath=following-sibling::dd').innerText();
    const beforeExtension = await decisionDate();
    expect(beforeExtension).toContain('(voorlopig)');
    await takeStep('lbb-termijn-verlengen', daysAgo(10));
    // The extension moves the provisional decision date four weeks on, and the explanation says why.
    const afterExtension = await decisionDate();
    expect(afterExtension).not.toBe(beforeExtension);
    const explanation = await page.locator('section[aria-labelledby="kop-termijnen"]').innerText();
    expect(explanation).toContain('12 weken na de adviesaanvraag');
    expect(explanation).toContain('Uiterste beslisdatum voorlopig: het LBB-advies is nog niet ontvangen');
    expect(sentFor(soestId).some((envelope) => envelope.header.type === EventTypes.screeningConcluded)).toBe(false);
    await screen('10-lbb-verlengd');
    await takeStep('lbb-advies-ontvangen', daysAgo(3));
    const termijnen = await page.locator('section[aria-labelledby="kop-termijnen"]').innerText();
    expect(await decisionDate()).not.toContain('(voorlopig)');
    expect(termijnen).toMatch(/opgeschort van .* tot .*aanvulling/i);
    expect(termijnen).toContain(`advies ontvangen op`);
    expect(termijnen).toContain('Aanvulling gevraagd: de beslistermijn is opgeschort');
    expect(termijnen).toContain('LBB-termijn verlengd: ten hoogste 12 weken na het verzoek');
    expect(termijnen).toContain('LBB-advies ontvangen: de opschorting eindigt');
    expect((await detail(soestId)).timeline.gebeurtenissen.map((event) => event.soort)).toEqual([
      'aanvulling-gevraagd',
      'aanvulling-ontvangen',
      'lbb-gevraagd',
      'lbb-verlengd',
      'lbb-advies-ontvangen',
    ]);

    // The checklist, then the conclusion "ernstige mate van gevaar, grond a".
    for (const checkbox of await page.locator('input[type="checkbox"][name^="complete-"]').all()) await checkbox.check();
    await page.locator('#vraag-antecedenten-antwoord').fill('Veroordeling voor witwassen in 2019.');
    await page.getByRole('button', { name: 'Vragenlijst opslaan' }).click();
    await page.getByText('De vragenlijst is opgeslagen.').waitFor();
    await page.getByText('7 van 7 onderdelen compleet.').waitFor();
    // Ernstige mate without a ground: refused, named.
    await page.getByRole('radio', { name: 'Ernstige mate van gevaar' }).check();
    await page.locator('#conclusie-toelichting').fill('Vermogen uit strafbare feiten aannemelijk.');
    await page.locator('#conclusie-reden').fill('Eerste voorstel');
    await page.getByRole('button', { name: 'Conclusie voorstellen' }).click();
    await page.getByRole('alert').filter({ hasText: 'Grond: Bij ernstige mate van gevaar hoort grond a, b of beide' }).waitFor();
    await screen('11-conclusie-zonder-grond');
    await page.getByRole('radio', { name: 'Ernstige mate van gevaar' }).check();
    await page.getByRole('checkbox', { name: /Grond a/ }).check();
    await page.locator('#conclusie-toelichting').fill('Vermogen uit strafbare feiten aannemelijk.');
    await page.locator('#conclusie-reden').fill('Eerste voorstel');
    await page.getByRole('button', { name: 'Conclusie voorstellen' }).click();
    await page.getByText('De conclusie is voorgesteld.').waitFor();
    // Four eyes: the author cannot approve.
    await page.locator('#goedkeuring-reden').fill('Eigen akkoord');
    await page.getByRole('button', { name: 'Conclusie versie 1 goedkeuren' }).click();
    await page.getByRole('alert').filter({ hasText: 'Een tweede coördinator moet de conclusie goedkeuren' }).waitFor();
    await screen('12-vier-ogen');
    await signOut();

    await signIn(approver);
    await page.goto(`${web.base}/toetsen/${soestId}`);
    await page.locator('#goedkeuring-reden').fill('Akkoord na controle');
    await page.getByRole('button', { name: 'Conclusie versie 1 goedkeuren' }).click();
    await page.getByText('De conclusie is goedgekeurd').waitFor();
    await page.getByRole('heading', { level: 3, name: 'Versie 1: Ernstige mate van gevaar, grond a' }).waitFor();
    await screen('13-conclusie-goedgekeurd');

    // Art. 28: the conclusion to Soest alone; nothing to the RIEC until the ground is recorded.
    const concluded = await published(soestId, EventTypes.screeningConcluded);
    expect(concluded.header.recipients).toEqual(['gemeente-soest']);
    expect(JSON.stringify(concluded.header)).not.toMatch(/ernstige|gevaar|grounds/);
    expect(sentFor(soestId).some(isType(EventTypes.screeningDisclosed))).toBe(false);
    await page.locator('#verstrekking-toelichting').fill('Convenant RIEC Midden-Nederland, art. 28 lid 2 sub d.');
    await page.getByRole('button', { name: 'Verstrekken aan het RIEC' }).click();
    await page.getByText('De conclusie is verstrekt aan het RIEC').waitFor();
    const disclosed = await published(soestId, EventTypes.screeningDisclosed);
    expect(disclosed.header.recipients).toEqual(['riec-mn']);
    expect(sentFor(soestId).filter((envelope) => envelope !== disclosed).every((envelope) => envelope.header.recipients.join() === 'gemeente-soest')).toBe(true);
    await screen('14-verstrekt-aan-riec');
    await signOut();

    // The pool's auditor sees the disclosure in the register.
    await signIn('auditor.bibob');
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Verstrekkingen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Verstrekkingenregister' }).waitFor();
    const register = await page.locator('tbody').innerText();
    expect(register).toContain(soestId.slice(0, 8).toUpperCase());
    expect(register).toContain('RIEC Midden-Nederland');
    expect(register).toContain('art-28-lid-2-sub-d-riec');
    await screen('15-verstrekkingenregister');
    await signOut();

    // Soest's permit officer reads Soest's screenings and the conclusion, without any action; not Baarn's.
    await signIn('vergunning.soest');
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Bibob-toetsen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Bibob-toetsen voor Soest' }).waitFor();
    expect(await page.locator('tbody').innerText()).not.toContain('Baarn');
    await screen('16-vergunningverlener-soest');
    await page.goto(`${web.base}/toetsen/${soestId}`);
    await page.getByRole('heading', { level: 3, name: 'Versie 1: Ernstige mate van gevaar, grond a' }).waitFor();
    expect(await page.locator('main form').count()).toBe(0);
    await screen('17-toets-alleen-lezen');
    await page.goto(`${web.base}/toetsen/${baarnId}`);
    await page.getByRole('heading', { level: 1, name: 'Geen toegang' }).waitFor();

    expect(stack.visited).toHaveLength(17);
    expect(stack.violations, stack.violations.join('\n')).toEqual([]);
  });
});
