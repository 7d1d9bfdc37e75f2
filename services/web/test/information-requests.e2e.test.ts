import { createEventBus, type EventBus } from '@signaalhub/bus';
import { InformationAnswered, Topics, type Envelope, type InformationRequestSummary } from '@signaalhub/contracts';
import { storedEnvelopeOpener } from '@signaalhub/envelope';
import { createLogger } from '@signaalhub/logging';
import { eventually, testInfrastructure, uniqueName, type RunningService } from '@signaalhub/test-infra';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caller } from '../../meeting/test/support/running-meeting.js';
import { informationTopicReader, POOL_PARTY, sealInformationRequest } from '../../meeting/test/support/sealed-information-requests.js';
import { randomKvkNumber, sealSignal, testKeys } from '../../meeting/test/support/sealed-signals.js';
import { signalReference } from '../src/labels/reference.js';
import { DEMO_PASSWORD, SERVICE_DEADLINE_MS, startBrowserStack, type BrowserStack } from './support/browser-stack.js';

describe('verzoek om informatie in a real browser', () => {
  let stack: BrowserStack;
  let meeting: RunningService;
  let web: RunningService;
  let bus: EventBus;
  let page: Page;
  const started: { stop: () => Promise<unknown> }[] = [];
  /** Envelopes on the information topic, by message id. */
  const published = new Map<string, Envelope>();

  beforeAll(async () => {
    stack = await startBrowserStack({ screenshots: '' });
    started.push(stack);
    ({ meeting, web, page } = stack);
    bus = createEventBus({ brokers: testInfrastructure().kafkaBrokers, clientId: 'information-browser', logger: createLogger('information-browser', 'warn') });
    started.push({ stop: () => bus.close() });
    await informationTopicReader(bus, published);
  });

  afterAll(async () => {
    for (const part of started.reverse()) await part.stop();
  });

  const screen = (name: string): Promise<void> => stack.screen(name);

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

    expect(stack.visited).toHaveLength(6);
    expect(stack.violations, stack.violations.join('\n')).toEqual([]);
  });
});
