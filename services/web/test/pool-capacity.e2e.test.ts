import { randomInt } from 'node:crypto';
import { DEFAULT_POOL_PARTY, type ScreeningDetail, type ScreeningListItem } from '@signaalhub/contracts';
import type { UserIdentity } from '@signaalhub/identity';
import type { RunningService } from '@signaalhub/test-infra';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ABSENT_COORDINATOR, DEMO_CONFLICTED_COORDINATOR, DEMO_LEAD_COORDINATOR } from '../src/accounts/demo-coordinators.js';
import { isoDateFromNow, startBrowserStack, type BrowserStack } from './support/browser-stack.js';

const REASON = 'Herverdeling na ziekmelding van de behandelaar';
const ALL_OTHERS = 'de-bilt';

/**
 * The demo coordinators' accounts on a pool of their own: Anouk leads, Bas and Anouk declared a conflict with
 * De Bilt (so a De Bilt screening waits, "niet toegewezen"), Carla is absent now and again later. Room to
 * spare: the shared broker's screening topic may hold other runs' requests, which this pool takes too.
 */
const POOL = [
  { id: DEMO_LEAD_COORDINATOR, name: 'Anouk Jansen', capacity: 500, lead: true, conflictsOfInterest: { municipalities: [ALL_OTHERS] } },
  { id: DEMO_CONFLICTED_COORDINATOR, name: 'Bas de Wit', capacity: 500, conflictsOfInterest: { municipalities: [ALL_OTHERS] } },
  {
    id: DEMO_ABSENT_COORDINATOR,
    name: 'Carla Smit',
    capacity: 500,
    absences: [
      { from: isoDateFromNow(-3), to: isoDateFromNow(21) },
      { from: isoDateFromNow(60), to: isoDateFromNow(70) },
    ],
  },
];

/** How lists name a screening: the first 8 characters of its id, upper case. */
const reference = (id: string): string => id.slice(0, 8).toUpperCase();
const coordinator = (userId: string): UserIdentity => ({ userId, party: DEFAULT_POOL_PARTY, roles: ['bibob-coordinator'] });

/**
 * The pool's capacity screen and a lead's bulk reassignment in a real browser: the overdue screening red,
 * marked in words and first; the capacity per coordinator; a refused reassignment (no reason) naming the
 * field; two screenings moved with a reason that the history of each shows; a non-lead sees no form.
 * Every screen: screenshot and axe-core WCAG 2.1 AA.
 */
describe('Bibob pool capacity and reassignment in a real browser', () => {
  let bibob: RunningService;
  let stack: BrowserStack;
  const started: { stop: () => Promise<unknown> }[] = [];

  beforeAll(async () => {
    stack = await startBrowserStack({ screenshots: 'pool-capacity/', bibobEnv: { BIBOB_COORDINATORS: JSON.stringify(POOL) } });
    started.push(stack);
    if (stack.bibob === undefined) throw new Error('the browser stack started no Bibob pool');
    bibob = stack.bibob;
  }, 300_000);

  afterAll(async () => {
    for (const part of started.reverse()) await part.stop();
  });

  async function openScreening(fields: { municipality: string; receivedOn: string; kvkNumber: string }): Promise<string> {
    const response = await bibob.call('POST', '/api/screenings', coordinator(DEMO_LEAD_COORDINATOR), {
      municipality: fields.municipality,
      kind: 'autobranche',
      applicant: { kvkNumber: fields.kvkNumber, vestigingsnummer: '000012345678' },
      people: [{ name: 'Jan de Vries', birthDate: '1975-06-01', role: 'bestuurder' }],
      receivedOn: fields.receivedOn,
      decisionTermWeeks: 8,
    });
    expect(response.status).toBe(201);
    return ((await response.json()) as { id: string }).id;
  }

  async function detail(id: string): Promise<ScreeningDetail> {
    const response = await bibob.get(`/api/screenings/${id}`, coordinator(DEMO_LEAD_COORDINATOR));
    expect(response.status).toBe(200);
    return (await response.json()) as ScreeningDetail;
  }

  /** A link of the pool's navigation. */
  const nav = (name: string) => stack.page.getByRole('navigation').getByRole('link', { name, exact: true });

  /** Rows of the page's table, by the screening's link (the reference is the id's start). */
  const rowOf = (id: string) => stack.page.getByRole('row').filter({ has: stack.page.locator(`a[href="/toetsen/${id}"]`) });

  it('shows the overdue screening red and first, the capacity, and moves two screenings with an audited reason', { timeout: 600_000 }, async () => {
    const { page, web } = stack;
    // Received 100 days ago with a term of 8 weeks: the decision date has passed.
    const overdue = await openScreening({ municipality: 'soest', receivedOn: isoDateFromNow(-100), kvkNumber: String(randomInt(10_000_000, 100_000_000)) });
    // One business twice: the second follows the first to its handler, so both have the same coordinator.
    const business = String(randomInt(10_000_000, 100_000_000));
    const first = await openScreening({ municipality: 'soest', receivedOn: isoDateFromNow(-2), kvkNumber: business });
    const second = await openScreening({ municipality: 'soest', receivedOn: isoDateFromNow(-1), kvkNumber: business });
    const waiting = await openScreening({ municipality: ALL_OTHERS, receivedOn: isoDateFromNow(-1), kvkNumber: String(randomInt(10_000_000, 100_000_000)) });
    const handler = (await detail(first)).assignee;
    expect(handler).not.toBeNull();
    expect((await detail(second)).assignee).toBe(handler);
    expect((await detail(waiting)).assignee).toBeNull();
    const target = handler === DEMO_LEAD_COORDINATOR ? DEMO_CONFLICTED_COORDINATOR : DEMO_LEAD_COORDINATOR;

    // The API's order and deadline: overdue first, with the passed decision date.
    const listed = (await (await bibob.get('/api/screenings', coordinator(DEMO_LEAD_COORDINATOR))).json()) as ScreeningListItem[];
    const line = listed.find((item) => item.id === overdue);
    expect(line).toMatchObject({ overdue: true, nextDeadline: { deadline: 'uitersteBeslisdatum', passed: true } });
    expect(listed.findIndex((item) => item.id === overdue)).toBeLessThan(listed.findIndex((item) => !item.overdue));

    // The lead's overview: the overdue one red, in words, above every screening that is not overdue.
    await stack.signIn(DEMO_LEAD_COORDINATOR);
    await nav('Bibob-toetsen').click();
    await page.getByRole('heading', { level: 1, name: 'Bibob-toetsen van de pool' }).waitFor();
    const overdueRow = rowOf(overdue);
    expect(await overdueRow.innerText()).toContain('Termijn verstreken');
    expect(await overdueRow.innerText()).toContain('Uiterste beslisdatum');
    expect(await overdueRow.getAttribute('class')).toContain('sh-row-overdue');
    const background = await overdueRow.evaluate((row) => getComputedStyle(row).backgroundColor);
    expect(background).toBe('rgb(253, 236, 238)');
    const rows = await page.locator('tbody tr').evaluateAll((found) => found.map((row) => ({ overdue: row.classList.contains('sh-row-overdue'), text: row.textContent })));
    const overdueIndex = rows.findIndex((row) => row.text.includes(reference(overdue)));
    expect(overdueIndex).toBeGreaterThanOrEqual(0);
    expect(rows.slice(0, overdueIndex).every((row) => row.overdue)).toBe(true);
    expect(rows.findIndex((row) => !row.overdue)).toBeGreaterThan(overdueIndex);
    expect(await rowOf(first).innerText()).toMatch(/Uiterste beslisdatum: \d{1,2} \w+ \d{4}/);
    await stack.screen('01-overzicht-verlopen-eerst');

    // The capacity screen from the pool's navigation.
    await nav('Capaciteit').click();
    await page.getByRole('heading', { level: 1, name: 'Capaciteit van de pool' }).waitFor();
    const anouk = await page.getByRole('row').filter({ hasText: 'Anouk Jansen' }).innerText();
    expect(anouk).toContain('(leidinggevend)');
    expect(anouk).toMatch(/\d+ van 500/);
    expect(anouk).toContain('Beschikbaar');
    const carla = await page.getByRole('row').filter({ hasText: 'Carla Smit' }).innerText();
    expect(carla).toContain('Afwezig');
    expect(carla.split(';')).toHaveLength(2);
    expect(await page.locator('main').innerText()).not.toMatch(/De Bilt|belangenconflict met/i);
    await stack.screen('02-capaciteit');

    // "Niet toegewezen": the De Bilt screening waits; the lead can select it.
    await nav('Niet toegewezen').click();
    await page.getByRole('heading', { level: 1, name: 'Niet toegewezen' }).waitFor();
    expect(await rowOf(waiting).count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Opnieuw toewijzen' }).count()).toBe(1);
    await stack.screen('03-niet-toegewezen');

    // Bulk: two screenings ticked, no reason: refused, the error summary names the field, nothing moved.
    await nav('Bibob-toetsen').click();
    await page.getByLabel(new RegExp(`Selecteer .*${reference(first)}`)).check();
    await page.getByLabel(new RegExp(`Selecteer .*${reference(second)}`)).check();
    await page.locator('#toewijzing-behandelaar').selectOption(target);
    await page.getByRole('button', { name: 'Opnieuw toewijzen' }).click();
    const summary = page.locator('.sh-error-summary');
    await summary.waitFor();
    expect(await summary.innerText()).toContain('Reden:');
    expect(await summary.getByRole('link').first().getAttribute('href')).toBe('#toewijzing-reden');
    expect((await detail(first)).assignee).toBe(handler);
    // The ticked screenings stay ticked for the second try.
    expect(await page.getByLabel(new RegExp(`Selecteer .*${reference(first)}`)).isChecked()).toBe(true);
    await stack.screen('04-toewijzen-fout-reden');

    // With a reason: both move, and each history shows the reason.
    await page.getByLabel(new RegExp(`Selecteer .*${reference(second)}`)).check();
    await page.locator('#toewijzing-behandelaar').selectOption(target);
    await page.locator('#toewijzing-reden').fill(REASON);
    await page.getByRole('button', { name: 'Opnieuw toewijzen' }).click();
    await page.getByText('De toewijzing is gewijzigd').waitFor();
    expect([(await detail(first)).assignee, (await detail(second)).assignee]).toEqual([target, target]);
    expect(await rowOf(first).innerText()).toContain(target);
    await stack.screen('05-toewijzen-gelukt');

    await rowOf(second).getByRole('link').click();
    const history = page.locator('.sh-timeline');
    await history.waitFor();
    const entries = await history.getByRole('listitem').allInnerTexts();
    expect(entries.filter((entry) => entry.startsWith('Toegewezen') && entry.includes(`Reden: ${REASON}`))).toHaveLength(1);
    expect(entries.find((entry) => entry.includes(REASON))).toContain(DEMO_LEAD_COORDINATOR);
    // The audit log of the service has the move of each (allowed, by the lead).
    for (const id of [first, second]) {
      const audit = await bibob.pool.query(`SELECT 1 FROM "${bibob.schema}".audit_log WHERE action = 'screening.reassign' AND object_id = $1 AND result = 'allowed' AND actor_user = $2`, [
        id,
        DEMO_LEAD_COORDINATOR,
      ]);
      expect(audit.rowCount).toBe(1);
    }
    await stack.screen('06-geschiedenis-met-reden');

    // Single, on the screening's own page: back to the first handler.
    await page.locator('#toewijzing-behandelaar').selectOption(handler ?? '');
    await page.locator('#toewijzing-reden').fill('Terug naar de vaste behandelaar van dit bedrijf');
    await page.getByRole('button', { name: 'Toets opnieuw toewijzen' }).click();
    await page.getByText('De toewijzing is gewijzigd').waitFor();
    expect((await detail(second)).assignee).toBe(handler);
    expect(await page.locator('.sh-facts').first().innerText()).toContain(handler ?? '');
    await stack.screen('07-enkele-toets-toegewezen');

    // A coordinator who does not lead sees no reassignment at all.
    await page.getByRole('button', { name: 'Afmelden' }).click();
    await stack.signIn(DEMO_CONFLICTED_COORDINATOR);
    await page.goto(`${web.base}/toetsen`);
    expect(await page.getByRole('button', { name: 'Opnieuw toewijzen' }).count()).toBe(0);
    expect(await page.getByRole('checkbox').count()).toBe(0);
    await page.goto(`${web.base}/toetsen/${first}`);
    expect(await page.getByRole('heading', { name: 'Opnieuw toewijzen' }).count()).toBe(0);
    await stack.screen('08-geen-leiding-geen-formulier');

    expect(stack.visited).toHaveLength(8);
    expect(stack.violations).toEqual([]);
  });
});
