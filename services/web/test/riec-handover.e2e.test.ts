import { createEventBus, type EventBus } from '@signaalhub/bus';
import type { HandoverSummary } from '@signaalhub/contracts';
import { createLogger } from '@signaalhub/logging';
import { eventually, testInfrastructure, type RunningService } from '@signaalhub/test-infra';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caller } from '../../meeting/test/support/running-meeting.js';
import { handedOverItem } from '../../meeting/test/support/handed-over-item.js';
import { liaison, startFeed } from '../../riec-feed/test/support/running-feed.js';
import { SERVICE_DEADLINE_MS, startBrowserStack, type BrowserStack } from './support/browser-stack.js';

const REASON = 'De politie pakt dit zelf op; het RIEC heeft geen rol.';

/** Issue 12 acceptance 1 (hand-over part): the RIEC liaison accepts one hand-over and returns another; Soest's item shows the return and its reason. */
describe('hand-overs to the RIEC in a real browser', () => {
  let stack: BrowserStack;
  let feed: RunningService;
  let meeting: RunningService;
  let web: RunningService;
  let bus: EventBus;
  let page: Page;
  const started: { stop: () => Promise<unknown> }[] = [];
  const member = caller('gemeente-soest');

  beforeAll(async () => {
    feed = await startFeed();
    started.push(feed);
    stack = await startBrowserStack({ screenshots: 'riec-handover/', webEnv: { RIEC_FEED_URL: feed.base } });
    started.push(stack);
    ({ meeting, web, page } = stack);
    bus = createEventBus({ brokers: testInfrastructure().kafkaBrokers, clientId: 'riec-handover-browser', logger: createLogger('riec-handover-browser', 'warn') });
    started.push({ stop: () => bus.close() });
  });

  afterAll(async () => {
    for (const part of started.reverse()) await part.stop();
  });

  /** A Soest signal decided with "Overdragen aan het RIEC" (set-up through the APIs; the decision form has its own tests). */
  it('shows the inbox, accepts one hand-over, returns another with a reason, and Soest sees the return and its reason', async () => {
    const toAccept = await handedOverItem(bus, meeting, member, SERVICE_DEADLINE_MS);
    const toReturn = await handedOverItem(bus, meeting, member, SERVICE_DEADLINE_MS);
    await eventually(
      async () => {
        const inbox = (await (await feed.call('GET', '/api/handovers', liaison())).json()) as HandoverSummary[];
        return [toAccept, toReturn].every(({ decisionId }) => inbox.some((handover) => handover.id === decisionId)) ? true : undefined;
      },
      { timeoutMs: SERVICE_DEADLINE_MS, what: "both hand-overs in the RIEC's inbox" },
    );

    await stack.signIn('riec.liaison');
    await page.getByRole('link', { name: 'Overdrachten aan het RIEC' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Overdrachten aan het RIEC' }).waitFor();
    expect(await page.locator(`a[href="/riec/overdrachten/${toAccept.decisionId}"]`).count()).toBe(1);
    await stack.screen('01-overdrachten');

    await page.locator(`a[href="/riec/overdrachten/${toAccept.decisionId}"]`).click();
    await page.getByRole('heading', { level: 1, name: 'Overdracht van Soest' }).waitFor();
    expect(await page.locator('main').innerText()).toContain('Strafrechtelijke aanpak');
    await stack.screen('02-overdracht');
    await page.getByLabel('Zaaknummer van het RIEC').fill('RIEC-2026-12');
    await page.getByRole('button', { name: 'Overdracht accepteren' }).click();
    await page.getByText('De overdracht is geaccepteerd.').waitFor();
    await stack.screen('03-geaccepteerd');

    await page.goto(`${web.base}/riec/overdrachten/${toReturn.decisionId}`);
    await page.getByRole('button', { name: 'Overdracht teruggeven' }).click();
    await page.getByRole('link', { name: /Reden van teruggeven/ }).waitFor();
    await stack.screen('04-teruggeven-zonder-reden');
    await page.getByLabel('Reden van teruggeven').fill(REASON);
    await page.getByRole('button', { name: 'Overdracht teruggeven' }).click();
    await page.getByText('De overdracht is teruggegeven.').waitFor();
    await stack.screen('05-teruggegeven');

    await stack.signOut();
    await stack.signIn('overleg.soest');
    await page.goto(`${web.base}/agenda/punten/${toReturn.itemId}`);
    const history = page.locator('ol.sh-history > li');
    await eventually(
      async () => {
        if ((await history.filter({ hasText: 'Overgedragen aan het RIEC — teruggegeven' }).count()) === 1) return true;
        await page.reload();
        return undefined;
      },
      { timeoutMs: SERVICE_DEADLINE_MS, what: 'the return on the Soest item' },
    );
    expect(await history.filter({ hasText: 'Overgedragen aan het RIEC — teruggegeven' }).innerText()).toContain(`Reden: ${REASON}`);
    await stack.screen('06-melding-teruggegeven');

    expect(stack.violations, stack.violations.join('\n')).toEqual([]);
  });
});
