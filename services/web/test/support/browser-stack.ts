import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { IDENTITY_HEADER, issueIdentityToken, type UserIdentity } from '@signaalhub/identity';
import { RunningService, serviceEnv, testInfrastructure, uniqueName } from '@signaalhub/test-infra';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { axeViolations, describeViolations } from './axe.js';
import { launchChromium } from './chromium.js';

export const DEMO_PASSWORD = 'Signaalhub-demo-2026';
export const SERVICE_DEADLINE_MS = 120_000;

const SCREENSHOTS = fileURLToPath(new URL('../../../../test-results/e2e/', import.meta.url));
const sqlName = (prefix: string): string => uniqueName(prefix).replace(/-/g, '_');

/** `YYYY-MM-DD` (UTC) `days` from now. */
export function isoDateFromNow(days: number): string {
  return new Date(Date.now() + days * 24 * 60 * 60 * 1000).toISOString().slice(0, 10);
}

/** The intake, meeting service and web application as processes, and one Chromium page signed in through the web. */
export interface BrowserStack {
  readonly intake: RunningService;
  readonly meeting: RunningService;
  readonly web: RunningService;
  /** The Bibob pool, when the stack was started with `bibobEnv`. */
  readonly bibob: RunningService | undefined;
  /** The permit registry, when the stack was started with `registryEnv` (a new one after `restartRegistry`). */
  readonly registry: RunningService | undefined;
  /** The riec feed, when the stack was started with `feedEnv`. */
  readonly feed: RunningService | undefined;
  readonly context: BrowserContext;
  readonly page: Page;
  /** Names of the screens visited, and the axe-core WCAG 2.1 AA violations found on them. */
  readonly visited: string[];
  readonly violations: string[];
  /** A full-page screenshot kept as an artifact, and an axe-core run. */
  screen(name: string): Promise<void>;
  signIn(accountName: string): Promise<void>;
  /**
   * Stops the permit registry and starts it again on the same port, schema and namespace with `overrides`
   * (e.g. PERMIT_REGISTRY_CLOCK_OFFSET_SECONDS: the only way tests move its clock); the web keeps its address.
   */
  restartRegistry(overrides: Readonly<Record<string, string>>): Promise<RunningService>;
  /** "Afmelden", back on the sign-in page. */
  signOut(): Promise<void>;
  /** A call straight to a service's API as `identity` (set-up the browser does not need to see). */
  callService(base: string, identity: UserIdentity, path: string, init?: RequestInit): Promise<Response>;
  /** Stops everything, in reverse order of starting. */
  stop(): Promise<void>;
}

/**
 * Starts the stack; `screenshots` is a file name prefix under test-results/e2e/ (may hold a folder);
 * `meetingEnv` adds settings of the meeting service; `bibobEnv` starts the Bibob pool too, with these
 * settings, and tells the web application where it is; `registryEnv` likewise for the permit registry.
 * Whatever started is stopped again if a later part fails.
 */
export async function startBrowserStack(options: {
  screenshots: string;
  meetingEnv?: Readonly<Record<string, string>>;
  bibobEnv?: Readonly<Record<string, string>>;
  /** Starts the permit registry too, with these settings (e.g. its own schema), and tells the web application where it is. */
  registryEnv?: Readonly<Record<string, string>>;
  /** Starts the riec feed too, with these settings, and tells the web application where it is. */
  feedEnv?: Readonly<Record<string, string>>;
  /** More settings of the web application, e.g. the URL of a service the test started itself. */
  webEnv?: Readonly<Record<string, string>>;
}): Promise<BrowserStack> {
  const started: { stop: () => Promise<unknown> }[] = [];
  const stop = async (): Promise<void> => {
    for (const part of started.reverse()) await part.stop();
  };
  const track = async <T extends { stop: () => Promise<unknown> }>(starting: Promise<T>): Promise<T> => {
    const part = await starting;
    started.push(part);
    return part;
  };
  try {
    const deadline = { deadlineMs: SERVICE_DEADLINE_MS };
    const [intake, meeting] = await Promise.all([
      track(RunningService.start('signal-intake', serviceEnv({ LOG_LEVEL: 'warn', SIGNAL_INTAKE_DB_SCHEMA: sqlName('intake') }), deadline)),
      track(
        RunningService.start(
          'meeting',
          serviceEnv({
            LOG_LEVEL: 'warn',
            MEETING_DATABASE_SCHEMA: sqlName('meeting'),
            MEETING_QUEUE_PREFIX: uniqueName('bull'),
            MEETING_REPLAY_NAMESPACE: uniqueName('meeting'),
            ...options.meetingEnv,
          }),
          { ...deadline, schemaVariable: 'MEETING_DATABASE_SCHEMA' },
        ),
      ),
    ]);
    const bibob =
      options.bibobEnv === undefined
        ? undefined
        : await track(
            RunningService.start(
              'bibob',
              serviceEnv({
                LOG_LEVEL: 'warn',
                BIBOB_DATABASE_SCHEMA: sqlName('bibob'),
                BIBOB_REPLAY_NAMESPACE: uniqueName('bibob'),
                BIBOB_QUEUE_PREFIX: uniqueName('bibob-queue'),
                ...options.bibobEnv,
              }),
              { ...deadline, schemaVariable: 'BIBOB_DATABASE_SCHEMA' },
            ),
          );
    const startRegistry = (env: Record<string, string>): Promise<RunningService> =>
      RunningService.start('permit-registry', env, { ...deadline, schemaVariable: 'PERMIT_REGISTRY_DATABASE_SCHEMA' });
    let registry =
      options.registryEnv === undefined
        ? undefined
        : await startRegistry(
            serviceEnv({
              LOG_LEVEL: 'warn',
              PERMIT_REGISTRY_DATABASE_SCHEMA: sqlName('permits'),
              PERMIT_REGISTRY_REPLAY_NAMESPACE: uniqueName('permits'),
              ...options.registryEnv,
            }),
          );
    // Stops whichever registry runs by then (a restart replaces it).
    started.push({ stop: async () => registry?.stop() });
    const feed =
      options.feedEnv === undefined
        ? undefined
        : await track(
            RunningService.start(
              'riec-feed',
              serviceEnv({
                LOG_LEVEL: 'warn',
                RIEC_FEED_DATABASE_SCHEMA: sqlName('riec_feed'),
                RIEC_FEED_REPLAY_NAMESPACE: uniqueName('riec-feed'),
                ...options.feedEnv,
              }),
              { ...deadline, schemaVariable: 'RIEC_FEED_DATABASE_SCHEMA' },
            ),
          );
    const web = await track(
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
          ...(bibob === undefined ? {} : { BIBOB_URL: bibob.base }),
          ...(registry === undefined ? {} : { PERMIT_REGISTRY_URL: registry.base }),
          ...(feed === undefined ? {} : { RIEC_FEED_URL: feed.base }),
          ...options.webEnv,
        }),
        deadline,
      ),
    );
    const screenshots = `${SCREENSHOTS}${options.screenshots}`;
    mkdirSync(screenshots.slice(0, screenshots.lastIndexOf('/') + 1), { recursive: true });
    const browser: Browser = await launchChromium();
    started.push({ stop: () => browser.close() });
    // axe-core is injected as a script; the pages' CSP forbids every script, so only the test context bypasses it.
    const context = await browser.newContext({ bypassCSP: true, locale: 'nl-NL', viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const visited: string[] = [];
    const violations: string[] = [];
    return {
      intake,
      meeting,
      web,
      bibob,
      get registry() {
        return registry;
      },
      feed,
      context,
      page,
      visited,
      violations,
      async screen(name) {
        await page.screenshot({ path: `${screenshots}${name}.png`, fullPage: true });
        const found = await axeViolations(page);
        visited.push(name);
        if (found.length > 0) violations.push(describeViolations(name, found));
      },
      async signIn(accountName) {
        await page.goto(`${web.base}/`);
        await page.getByLabel('Gebruikersnaam').fill(accountName);
        await page.getByLabel('Wachtwoord').fill(DEMO_PASSWORD);
        await page.getByRole('button', { name: 'Aanmelden' }).click();
        await page.getByRole('heading', { level: 1, name: /Welkom/ }).waitFor();
      },
      async restartRegistry(overrides) {
        if (registry === undefined) throw new Error('the stack was started without the permit registry');
        await registry.stop();
        registry = await startRegistry({ ...registry.env, ...overrides });
        return registry;
      },
      async signOut() {
        await page.getByRole('button', { name: 'Afmelden' }).click();
        await page.getByRole('heading', { level: 1, name: 'Aanmelden' }).waitFor();
      },
      async callService(base, identity, path, init = {}) {
        const token = await issueIdentityToken(identity, { secret: testInfrastructure().identitySecret });
        return fetch(`${base}${path}`, { ...init, headers: { ...(init.headers as Record<string, string>), [IDENTITY_HEADER]: token } });
      },
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** One step through the "Volgende stap" form on the open screening page of the Bibob pool. */
export async function takeScreeningStep(page: Page, step: string, date: string): Promise<void> {
  await page.locator('#stap-soort').selectOption(step);
  await page.locator('#stap-reden').fill('Volgens het draaiboek');
  await page.locator('#stap-datum').fill(date);
  await page.getByRole('button', { name: 'Stap vastleggen' }).click();
  await page.getByText('De stap is vastgelegd.').waitFor();
}
