import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createEventBus, type EventBus } from '@signaalhub/bus';
import { InformationAnswered, Topics, type Envelope, type InformationRequestSummary } from '@signaalhub/contracts';
import { storedEnvelopeOpener } from '@signaalhub/envelope';
import { createLogger } from '@signaalhub/logging';
import { eventually, RunningService, serviceEnv, testInfrastructure, uniqueName } from '@signaalhub/test-infra';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caller } from '../../meeting/test/support/running-meeting.js';
import { informationTopicReader, POOL_PARTY, sealInformationRequest } from '../../meeting/test/support/sealed-information-requests.js';
import { randomKvkNumber, sealSignal, testKeys } from '../../meeting/test/support/sealed-signals.js';
import { signalReference } from '../src/labels/reference.js';
import { axeViolations, describeViolations } from './support/axe.js';
import { launchChromium } from './support/chromium.js';

const SCREENSHOTS = fileURLToPath(new URL('../../../test-results/e2e/', import.meta.url));
const DEMO_PASSWORD = 'Signaalhub-demo-2026';
const SERVICE_DEADLINE_MS = 120_000;

const sqlName = (prefix: string): string => uniqueName(prefix).replace(/-/g, '_');

describe('verzoek om informatie in a real browser', () => {
  let meeting: RunningService;
  let web: RunningService;
  let bus: EventBus;
  let browser: Browser;
  let page: Page;
  const started: { stop: () => Promise<unknown> }[] = [];
  const violations: string[] = [];
  const visited: string[] = [];
  /** Envelopes on the information topic, by message id. */
  const published = new Map<string, Envelope>();

  beforeAll(async () => {
    const deadline = { deadlineMs: SERVICE_DEADLINE_MS };
    meeting = await RunningService.start(
      'meeting',
      serviceEnv({ LOG_LEVEL: 'warn', MEETING_DATABASE_SCHEMA: sqlName('meeting'), MEETING_QUEUE_PREFIX: uniqueName('bull'), MEETING_REPLAY_NAMESPACE: uniqueName('meeting') }),
      { ...deadline, schemaVariable: 'MEETING_DATABASE_SCHEMA' },
    );
    started.push(meeting);
    web = await RunningService.start(
      'web',
      serviceEnv({ LOG_LEVEL: 'warn', WEB_DB_SCHEMA: sqlName('web'), WEB_REDIS_PREFIX: uniqueName('web'), SEED_DEMO_USERS: 'true', DEMO_PASSWORD, MEETING_URL: meeting.base }),
      deadline,
    );
    started.push(web);
    bus = createEventBus({ brokers: testInfrastructure().kafkaBrokers, clientId: 'information-browser', logger: createLogger('information-browser', 'warn') });
    started.push({ stop: () => bus.close() });
    await informationTopicReader(bus, published);
    mkdirSync(SCREENSHOTS, { recursive: true });
    browser = await launchChromium();
    started.push({ stop: () => browser.close() });
    // axe-core is injected as a script; the pages' CSP forbids every script, so only the test context bypasses it.
    const context = await browser.newContext({ bypassCSP: true, locale: 'nl-NL', viewport: { width: 1280, height: 900 } });
    page = await context.newPage();
  });

  afterAll(async () => {
    for (const part of started.reverse()) await part.stop();
  });

  async function screen(name: string): Promise<void> {
    await page.screenshot({ path: `${SCREENSHOTS}${name}.png`, fullPage: true });
    const found = await axeViolations(page);
    visited.push(name);
    if (found.length > 0) violations.push(describeViolations(name, found));
  }

  /** Two Soest signals on the Soest agenda and a request from the pool for each. */
  async function twoRequests(): Promise<{ signalId: string; requestId: string; freeText: string }[]> {
    const producer = bus.createProducer();
    await producer.connect();
    const made: { signalId: string; requestId: string; freeText: string }[] = [];
    for (const purpose of ['Bibob-onderzoek exploitatievergunning Autobedrijf De Eem.', 'Bibob-onderzoek vastgoedtransactie Eemweg.']) {
      const freeText = uniqueName('signaaltekst');
      const { envelope: signal } = await sealSignal({ municipality: 'soest', kvkNumber: randomKvkNumber(), freeText });
      await producer.send(Topics.signalSubmitted, [{ key: 'soest', value: Buffer.from(JSON.stringify(signal)) }]);
      const { envelope, request } = await sealInformationRequest({ municipality: 'soest', signalId: signal.header.messageId, purpose });
      await producer.send(Topics.information, [{ key: 'soest', value: Buffer.from(JSON.stringify(envelope)) }]);
      made.push({ signalId: signal.header.messageId, requestId: request.requestId, freeText });
    }
    const member = caller('gemeente-soest');
    await eventually(
      async () => {
        const requests = (await (await meeting.call('GET', '/api/information-requests?municipality=soest', member)).json()) as InformationRequestSummary[];
        const agenda = (await (await meeting.call('GET', '/api/agenda?municipality=soest', member)).json()) as { id: string }[];
        const arrived = made.every(({ requestId, signalId }) => requests.some((entry) => entry.id === requestId) && agenda.some((entry) => entry.id === signalId));
        return arrived ? true : undefined;
      },
      { timeoutMs: SERVICE_DEADLINE_MS, what: 'both requests and both signals at the Soest meeting' },
    );
    return made;
  }

  async function answerTo(requestId: string): Promise<InformationAnswered> {
    const rows = await meeting.pool.query<{ answer_message_id: string }>(`SELECT answer_message_id FROM ${meeting.schema}.information_requests WHERE request_id = $1`, [requestId]);
    const messageId = rows.rows[0]?.answer_message_id ?? '';
    const envelope = await eventually(() => published.get(messageId), { timeoutMs: 60_000, what: 'the answer on the information topic' });
    expect(envelope.header.recipients).toEqual([POOL_PARTY]);
    const { keyring } = await testKeys();
    return (await storedEnvelopeOpener(keyring).open(envelope, { as: POOL_PARTY, payload: InformationAnswered })).payload;
  }

  it('lets a Soest member answer one request of the pool with the signal and refuse another with a reason', async () => {
    const [toAnswer, toRefuse] = await twoRequests();
    if (toAnswer === undefined || toRefuse === undefined) throw new Error('two requests were made');

    await page.goto(`${web.base}/`);
    await page.getByLabel('Gebruikersnaam').fill('overleg.soest');
    await page.getByLabel('Wachtwoord').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Aanmelden' }).click();
    await page.getByRole('heading', { level: 1, name: /Welkom/ }).waitFor();
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Verzoeken om informatie' }).click();
    await page.getByRole('heading', { level: 1, name: 'Verzoeken om informatie aan Soest' }).waitFor();
    const openSection = page.locator('section').filter({ has: page.getByRole('heading', { name: 'Open verzoeken' }) });
    const answerRow = openSection.getByRole('row').filter({ hasText: signalReference(toAnswer.signalId) });
    const refuseRow = openSection.getByRole('row').filter({ hasText: signalReference(toRefuse.signalId) });
    expect(await answerRow.count()).toBe(1);
    expect(await refuseRow.count()).toBe(1);
    expect(await answerRow.innerText()).toContain('Bibob-pool BES');
    await screen('info-01-verzoeken-open');

    // The first: the purpose is shown, and the signal is given.
    await answerRow.getByRole('link', { name: 'Bibob-pool BES' }).click();
    await page.getByRole('heading', { level: 1, name: 'Verzoek om informatie van Bibob-pool BES' }).waitFor();
    expect(await page.locator('main').innerText()).toContain('Bibob-onderzoek exploitatievergunning Autobedrijf De Eem.');
    await screen('info-02-verzoek');
    await page.getByRole('button', { name: 'Melding verstrekken' }).click();
    await page.getByText('De melding is versleuteld verstrekt aan de verzoeker.').waitFor();
    await screen('info-03-verstrekt');
    const answer = await answerTo(toAnswer.requestId);
    expect(answer).toMatchObject({ outcome: 'answered', requestId: toAnswer.requestId, answeredBy: { party: 'gemeente-soest', userId: 'overleg.soest' } });
    expect(answer.outcome === 'answered' ? answer.signal.freeText : undefined).toBe(toAnswer.freeText);

    // The second: refused, first without a reason (an error naming the field), then with one.
    await page.locator('section').filter({ has: page.getByRole('heading', { name: 'Open verzoeken' }) }).getByRole('row').filter({ hasText: signalReference(toRefuse.signalId) }).getByRole('link').click();
    await page.getByRole('heading', { level: 1, name: 'Verzoek om informatie van Bibob-pool BES' }).waitFor();
    await page.getByRole('button', { name: 'Verzoek weigeren' }).click();
    await page.getByRole('alert').filter({ hasText: 'Er is 1 fout gevonden' }).waitFor();
    const reasonField = page.getByLabel('Reden van weigering');
    expect(await reasonField.getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('.sh-error-summary a[href="#reden-weigering"]').innerText()).toContain('Reden van weigering');
    expect(await page.locator('#reden-weigering-fout').innerText()).toContain('Reden van weigering');
    await screen('info-04-weigeren-zonder-reden');
    expect(await meeting.pool.query(`SELECT 1 FROM ${meeting.schema}.information_requests WHERE request_id = $1 AND status = 'open'`, [toRefuse.requestId])).toMatchObject({ rowCount: 1 });

    const reason = 'Er loopt een strafrechtelijk onderzoek; informatie kan nu niet worden gedeeld.';
    await reasonField.fill(reason);
    await page.getByRole('button', { name: 'Verzoek weigeren' }).click();
    await page.getByText('Het verzoek is geweigerd. De verzoeker krijgt de reden.').waitFor();
    const handledSection = page.locator('section').filter({ has: page.getByRole('heading', { name: 'Afgehandelde verzoeken' }) });
    expect(await handledSection.getByRole('row').filter({ hasText: signalReference(toAnswer.signalId) }).innerText()).toContain('Beantwoord');
    expect(await handledSection.getByRole('row').filter({ hasText: signalReference(toRefuse.signalId) }).innerText()).toContain('Geweigerd');
    await screen('info-05-afgehandeld');
    const refusal = await answerTo(toRefuse.requestId);
    expect(refusal).toMatchObject({ outcome: 'refused', reason, answeredBy: { userId: 'overleg.soest' } });

    // Handled requests stay visible with their outcome, who and when.
    await handledSection.getByRole('row').filter({ hasText: signalReference(toRefuse.signalId) }).getByRole('link').click();
    await page.getByRole('heading', { level: 2, name: 'Afhandeling' }).waitFor();
    const shown = await page.locator('main').innerText();
    expect(shown).toContain('Het verzoek is geweigerd.');
    expect(shown).toContain(reason);
    expect(shown).toContain('gebruiker overleg.soest');
    await screen('info-06-geweigerd-verzoek');

    const audit = await meeting.auditEntries({ userId: 'overleg.soest' });
    expect(audit.filter((entry) => entry.action === 'information.respond' && entry.result === 'allowed').map((entry) => entry.object_id).sort()).toEqual(
      [toAnswer.requestId, toRefuse.requestId].sort(),
    );

    expect(visited).toHaveLength(6);
    if (violations.length > 0) process.stdout.write(`${violations.join('\n')}\n`);
    expect(violations).toEqual([]);
  });
});
