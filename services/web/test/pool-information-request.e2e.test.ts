import { randomInt, randomUUID } from 'node:crypto';
import { DEFAULT_POOL_PARTY, type AgendaEntry, type PoolInformationRequest, type ScreeningDetail } from '@signaalhub/contracts';
import type { UserIdentity } from '@signaalhub/identity';
import { eventually, type RunningService } from '@signaalhub/test-infra';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_LEAD_COORDINATOR, demoCoordinatorPool } from '../src/accounts/demo-coordinators.js';
import { signalReference } from '../src/labels/reference.js';
import { isoDateFromNow, SERVICE_DEADLINE_MS, startBrowserStack, type BrowserStack } from './support/browser-stack.js';

const randomKvk = (): string => String(randomInt(10_000_000, 100_000_000));

/**
 * Acceptance 5 of the pool (issue 10): a coordinator sends a "verzoek om informatie" about a hit signal
 * of a Baarn screening; Baarn's meeting member sees it in the meeting service, answers with the signal;
 * the coordinator sees the answer; a second request is refused and the coordinator sees the reason. Real
 * intake, meeting, pool and web application; every screen screenshot and axe-core WCAG 2.1 AA.
 */
describe('verzoek om informatie from the pool to the owning municipality, in a real browser', () => {
  let stack: BrowserStack;
  let intake: RunningService;
  let meeting: RunningService;
  let bibob: RunningService;
  let web: RunningService;
  let page: Page;
  const lead: UserIdentity = { userId: DEMO_LEAD_COORDINATOR, party: DEFAULT_POOL_PARTY, roles: ['bibob-coordinator'] };
  const baarnInspector: UserIdentity = { userId: 'inspecteur.baarn', party: 'gemeente-baarn', roles: ['inspector'] };
  const baarnMember: UserIdentity = { userId: 'overleg.baarn', party: 'gemeente-baarn', roles: ['meeting-member'] };

  beforeAll(async () => {
    stack = await startBrowserStack({
      screenshots: 'verzoek-om-informatie-pool/',
      // The demo pool with room to spare: the shared broker's topic may hold other runs' requests, which this pool takes too.
      bibobEnv: { BIBOB_COORDINATORS: JSON.stringify(demoCoordinatorPool(new Date()).map((entry) => ({ ...entry, capacity: 500 }))) },
    });
    if (stack.bibob === undefined) throw new Error('the stack was started with the pool');
    ({ intake, meeting, web, page } = stack);
    bibob = stack.bibob;
  });

  afterAll(async () => {
    await stack.stop();
  });

  const call = (base: string, identity: UserIdentity, path: string, init?: RequestInit): Promise<Response> => stack.callService(base, identity, path, init);
  const json = { 'content-type': 'application/json' };

  async function signOut(): Promise<void> {
    await page.getByRole('button', { name: 'Afmelden' }).click();
    await page.getByRole('heading', { level: 1, name: 'Aanmelden' }).waitFor();
  }

  /** A Baarn signal about the business, through the intake API as a Baarn inspector; the id is its message id. */
  async function baarnSignal(kvkNumber: string, freeText: string): Promise<string> {
    const response = await call(intake.base, baarnInspector, '/api/signals', {
      method: 'POST',
      headers: { ...json, 'idempotency-key': randomUUID() },
      body: JSON.stringify({
        municipality: 'baarn',
        theme: 'autobranche',
        location: { postcode: '3741AA', huisnummer: { number: randomInt(1, 9999) } },
        subjects: [{ kind: 'business', kvkNumber, tradeName: 'Autohandel Eemland' }],
        indicators: ['contante-betalingen'],
        freeText,
        distribution: { recipients: ['gemeente-baarn', 'politie-bes'] },
      }),
    });
    expect(response.status).toBe(201);
    return ((await response.json()) as { id: string }).id;
  }

  async function requestsOf(screeningId: string): Promise<PoolInformationRequest[]> {
    const response = await call(bibob.base, lead, `/api/screenings/${screeningId}/information-requests`);
    expect(response.status).toBe(200);
    return (await response.json()) as PoolInformationRequest[];
  }

  /** The coordinator's form on the screening page: one hit signal and a purpose. */
  async function sendRequest(signalId: string, purpose: string): Promise<void> {
    await page.locator('#verzoek-melding').selectOption(signalId);
    await page.locator('#verzoek-doel').fill(purpose);
    await page.getByRole('button', { name: 'Verzoek versturen' }).click();
    await page.getByText('Het verzoek om informatie is verstuurd').waitFor();
  }

  /** Baarn's meeting member opens the pool's open request about `signalId`. */
  async function openAtBaarn(signalId: string): Promise<void> {
    await eventually(
      async () => {
        await page.goto(`${web.base}/verzoeken`);
        const row = page.locator('section').filter({ has: page.getByRole('heading', { name: 'Open verzoeken' }) }).getByRole('row').filter({ hasText: signalReference(signalId) });
        return (await row.count()) === 1 ? row : undefined;
      },
      { timeoutMs: SERVICE_DEADLINE_MS, what: 'the request at the Baarn meeting' },
    ).then((row) => row.getByRole('link', { name: 'Bibob-pool BES' }).click());
    await page.getByRole('heading', { level: 1, name: 'Verzoek om informatie van Bibob-pool BES' }).waitFor();
  }

  /** The coordinator's screening page once the request's status reads `status`. */
  async function screeningShows(screeningId: string, signalId: string, status: string): Promise<string> {
    return eventually(
      async () => {
        await page.goto(`${web.base}/toetsen/${screeningId}`);
        const row = page.locator('section[aria-labelledby="kop-informatieverzoeken"] tbody tr').filter({ hasText: signalReference(signalId) });
        const text = (await row.count()) === 1 ? await row.innerText() : '';
        return text.includes(status) ? text : undefined;
      },
      { timeoutMs: SERVICE_DEADLINE_MS, what: `the request ${status} on the screening page` },
    );
  }

  it('lets a coordinator ask Baarn for a hit signal: answered, then a second request refused with its reason; both audited on both sides', { timeout: 600_000 }, async () => {
    const kvkNumber = randomKvk();
    const answeredText = `Signaaltekst-verstrekt-${randomUUID()}`;
    const refusedText = `Signaaltekst-geweigerd-${randomUUID()}`;
    const toAnswer = await baarnSignal(kvkNumber, answeredText);
    const toRefuse = await baarnSignal(kvkNumber, refusedText);
    await eventually(
      async () => {
        const entries = (await (await call(meeting.base, baarnMember, '/api/agenda?municipality=baarn')).json()) as AgendaEntry[];
        return [toAnswer, toRefuse].every((id) => entries.some((entry) => entry.id === id)) ? true : undefined;
      },
      { timeoutMs: SERVICE_DEADLINE_MS, what: 'both Baarn signals on the Baarn agenda' },
    );

    // A Baarn screening of the same business: the pool learnt both signals' tokens from their headers.
    const created = await call(bibob.base, lead, '/api/screenings', {
      method: 'POST',
      headers: json,
      body: JSON.stringify({
        municipality: 'baarn',
        kind: 'autobranche',
        applicant: { kvkNumber, vestigingsnummer: '000012345678' },
        people: [{ name: 'Kees van Dam', birthDate: '1971-03-14', role: 'bestuurder' }],
        receivedOn: isoDateFromNow(-5),
        decisionTermWeeks: 8,
      }),
    });
    expect(created.status).toBe(201);
    const { id: screeningId } = (await created.json()) as { id: string };
    await eventually(
      async () => {
        const detail = (await (await call(bibob.base, lead, `/api/screenings/${screeningId}`)).json()) as ScreeningDetail;
        return detail.hits.business.total === 2 ? detail : undefined;
      },
      { timeoutMs: SERVICE_DEADLINE_MS, what: 'both Baarn signals as hits of the screening' },
    );

    // The coordinator sees the Baarn hit without content, and asks Baarn for the first signal.
    await stack.signIn(DEMO_LEAD_COORDINATOR);
    await page.goto(`${web.base}/toetsen/${screeningId}`);
    const hits = await page.locator('section[aria-labelledby="kop-treffers"]').innerText();
    expect(hits).toContain('Baarn (2)');
    expect(await page.locator('main').innerText()).not.toMatch(/Signaaltekst-|Autohandel Eemland/);
    await stack.screen('01-toets-met-treffer');
    await page.getByRole('button', { name: 'Verzoek versturen' }).click();
    await page.getByRole('alert').filter({ hasText: 'Er zijn 2 fouten gevonden' }).waitFor();
    expect(await page.locator('.sh-error-summary a[href="#verzoek-doel"]').innerText()).toMatch(/^Doel van het verzoek:/);
    expect(await requestsOf(screeningId)).toEqual([]);
    await stack.screen('02-verzoek-zonder-doel');
    const purpose = 'Bibob-onderzoek exploitatievergunning autobranche: eerdere meldingen over deze onderneming.';
    await sendRequest(toAnswer, purpose);
    expect(await screeningShows(screeningId, toAnswer, 'Open')).toContain(purpose);
    await stack.screen('03-verzoek-verstuurd');
    await signOut();

    // Baarn's meeting member sees the request and its purpose, and gives the signal.
    await stack.signIn('overleg.baarn');
    await openAtBaarn(toAnswer);
    expect(await page.locator('main').innerText()).toContain(purpose);
    await stack.screen('04-verzoek-bij-baarn');
    await page.getByRole('button', { name: 'Melding verstrekken' }).click();
    await page.getByText('De melding is versleuteld verstrekt aan de verzoeker.').waitFor();
    await stack.screen('05-verstrekt-door-baarn');
    await signOut();

    // The coordinator sees the answer, and opens the signal.
    await stack.signIn(DEMO_LEAD_COORDINATOR);
    await screeningShows(screeningId, toAnswer, 'Beantwoord');
    await stack.screen('06-verzoek-beantwoord');
    await page.getByRole('link', { name: `Melding ${signalReference(toAnswer)} bekijken` }).click();
    await page.getByRole('heading', { level: 1, name: `Melding ${signalReference(toAnswer)} van Baarn` }).waitFor();
    expect(await page.locator('main').innerText()).toContain(answeredText);
    await stack.screen('07-verstrekte-melding');

    // A second request, refused by Baarn with a reason the coordinator sees.
    await page.goto(`${web.base}/toetsen/${screeningId}`);
    await sendRequest(toRefuse, 'Tweede verzoek: de andere melding over deze onderneming.');
    await signOut();
    await stack.signIn('overleg.baarn');
    await openAtBaarn(toRefuse);
    const reason = 'Er loopt een strafrechtelijk onderzoek; deze melding kan nu niet worden gedeeld.';
    await page.getByLabel('Reden van weigering').fill(reason);
    await page.getByRole('button', { name: 'Verzoek weigeren' }).click();
    await page.getByText('Het verzoek is geweigerd. De verzoeker krijgt de reden.').waitFor();
    await stack.screen('08-geweigerd-door-baarn');
    await signOut();
    await stack.signIn(DEMO_LEAD_COORDINATOR);
    expect(await screeningShows(screeningId, toRefuse, 'Geweigerd')).toContain(reason);
    expect(await page.locator('main').innerText()).not.toContain(refusedText);
    await stack.screen('09-verzoek-geweigerd');

    // Both sides recorded it, and audited every step.
    const requests = await requestsOf(screeningId);
    expect(requests.map((request) => [request.signalId, request.status])).toEqual([
      [toAnswer, 'beantwoord'],
      [toRefuse, 'geweigerd'],
    ]);
    const [answered, refused] = requests;
    if (answered === undefined || refused === undefined) throw new Error('two requests');
    const poolAudit = async (objectId: string): Promise<string[]> => (await bibob.auditEntries({ objectId })).map((entry) => `${entry.action}:${entry.result}`);
    expect(await poolAudit(answered.id)).toEqual(['information.request:allowed', 'information.answer-received:allowed', 'information.open-answer:allowed']);
    expect(await poolAudit(refused.id)).toEqual(['information.request:allowed', 'information.answer-received:allowed']);
    const meetingAudit = await meeting.auditEntries({ userId: 'overleg.baarn', action: 'information.respond', result: 'allowed' });
    expect(meetingAudit.map((entry) => entry.object_id).sort()).toEqual([answered.id, refused.id].sort());
    expect((await meeting.auditEntries({ userId: 'overleg.baarn', action: 'information.open', result: 'allowed' })).length).toBeGreaterThanOrEqual(2);

    expect(stack.visited).toHaveLength(9);
    expect(stack.violations, stack.violations.join('\n')).toEqual([]);
  });
});
