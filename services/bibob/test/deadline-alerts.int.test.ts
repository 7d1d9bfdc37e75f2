import { Jobs } from '@signaalhub/contracts';
import { createLogger } from '@signaalhub/logging';
import { uniqueName, waitUntil } from '@signaalhub/test-infra';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { afterEach, describe, expect, it } from 'vitest';
import { alertJobId } from '../src/alerts/alert-plan.js';
import { DeadlineAlerts } from '../src/alerts/deadline-alerts.js';
import { composeBibob, type BibobService } from '../src/composition.js';
import { BibobConfigSchema, type BibobConfig } from '../src/config.js';
import { ScreeningFormIntake } from '../src/screenings/screening-form.js';
import { ScreeningReader } from '../src/screenings/screening-reader.js';
import { ScreeningWorkflow } from '../src/screenings/screening-workflow.js';
import { bibobEnv, coordinator, provided } from './support/running-bibob.js';
import { screeningForm } from './support/screening-requests.js';

/** Received 2026-06-01 with a term of 8 weeks: 2026-06-01 + 56 days = Monday 2026-07-27, a working day. */
const DECISION_DATE = '2026-07-27';
/** The decision date has passed at the end of that day. */
const DECISION_PASSES_AT = Date.parse('2026-07-28T00:00:00.000Z');
const LEAD_SECONDS = 3;

describe(DeadlineAlerts.name, () => {
  const running: BibobService[] = [];
  /** The application clock every part reads: the real time shifted to the moment a test needs. */
  let offsetMs = 0;
  const clock = (): Date => new Date(Date.now() + offsetMs);
  const setNow = (at: number): void => {
    offsetMs = at - Date.now();
  };

  afterEach(async () => {
    for (const parts of running.splice(0)) await stopped(parts);
  });

  /** The safety-net sweep waits ten minutes: what moves here was moved by the opening, the step or the start. */
  function settings(): BibobConfig {
    return BibobConfigSchema.parse(
      bibobEnv({ LOG_LEVEL: 'warn', BIBOB_QUEUE_PREFIX: uniqueName('bibob-alerts'), BIBOB_ALERT_LEAD_SECONDS: String(LEAD_SECONDS), BIBOB_ALERT_SWEEP_MS: '600000' }),
    );
  }

  async function started(config: BibobConfig): Promise<BibobService> {
    const parts = await composeBibob({ config, logger: createLogger('bibob-alerts-test', 'warn'), clock });
    running.push(parts);
    await parts.start?.();
    return parts;
  }

  async function stopped(parts: BibobService): Promise<void> {
    const index = running.indexOf(parts);
    if (index >= 0) running.splice(index, 1);
    await parts.stop?.();
    await parts.close();
  }

  async function alertRows(parts: BibobService, config: BibobConfig, id: string): Promise<{ deadline: string; deadline_date: string; moment: string; fired_at: Date }[]> {
    const result = await parts.postgres.query<{ deadline: string; deadline_date: string; moment: string; fired_at: Date }>(
      `SELECT deadline, to_char(deadline_date, 'YYYY-MM-DD') AS deadline_date, moment, fired_at FROM "${config.BIBOB_DATABASE_SCHEMA}".screening_alerts
       WHERE screening_id = $1 ORDER BY fired_at`,
      [id],
    );
    return result.rows;
  }

  async function pendingJobIds(config: BibobConfig): Promise<string[]> {
    const connection = new Redis(config.REDIS_URL, { maxRetriesPerRequest: null });
    const queue = new Queue(Jobs.screeningDeadlineAlert.queue, { connection, prefix: config.BIBOB_QUEUE_PREFIX });
    try {
      return (await queue.getJobs(['delayed', 'waiting', 'active'])).flatMap((job) => (job.id === undefined ? [] : [job.id]));
    } finally {
      await queue.close();
      await connection.quit();
    }
  }

  async function loseTheQueue(config: BibobConfig): Promise<void> {
    const connection = new Redis(config.REDIS_URL, { maxRetriesPerRequest: null });
    const queue = new Queue(Jobs.screeningDeadlineAlert.queue, { connection, prefix: config.BIBOB_QUEUE_PREFIX });
    await queue.obliterate({ force: true });
    await queue.close();
    await connection.quit();
  }

  const openScreening = async (parts: BibobService): Promise<string> =>
    (await provided(parts, ScreeningFormIntake).submit(coordinator(), screeningForm({ municipality: 'soest' }), 'test')).id;

  it('fires the lead-time alert and the deadline alert once each, at their moments, and shows the screening overdue', async () => {
    const config = settings();
    const sut = await started(config);
    setNow(DECISION_PASSES_AT - 6_000);
    const id = await openScreening(sut);

    await waitUntil(async () => (await alertRows(sut, config, id)).length === 2, { timeoutMs: 20_000, what: 'both alerts stored' });

    const [approaching, passed] = await alertRows(sut, config, id);
    expect([approaching?.moment, passed?.moment]).toEqual(['nadert', 'verstreken']);
    expect([approaching?.deadline_date, passed?.deadline_date]).toEqual([DECISION_DATE, DECISION_DATE]);
    expect(approaching?.fired_at.getTime()).toBeGreaterThanOrEqual(DECISION_PASSES_AT - LEAD_SECONDS * 1000);
    expect(approaching?.fired_at.getTime()).toBeLessThan(DECISION_PASSES_AT);
    expect(passed?.fired_at.getTime()).toBeGreaterThanOrEqual(DECISION_PASSES_AT);
    const [line] = (await provided(sut, ScreeningReader).list(coordinator(), {}, 'test')).filter((item) => item.id === id);
    expect(line?.overdue).toBe(true);
    expect(line?.alerts.map((alert) => [alert.deadline, alert.moment, alert.current])).toEqual([
      ['uitersteBeslisdatum', 'nadert', true],
      ['uitersteBeslisdatum', 'verstreken', true],
    ]);
  });

  it('moves the alerts when an LBB request suspends the term: old jobs removed, new ones for the moved dates', async () => {
    const config = settings();
    setNow(Date.parse('2026-06-10T12:00:00.000Z'));
    const sut = await started(config);
    const id = await openScreening(sut);
    const before = (moment: 'nadert' | 'verstreken'): string => alertJobId({ screeningId: id, deadline: 'uitersteBeslisdatum', deadlineDate: DECISION_DATE, moment });
    await waitUntil(async () => (await pendingJobIds(config)).includes(before('verstreken')), { timeoutMs: 10_000, what: 'alerts scheduled' });

    const workflow = provided(sut, ScreeningWorkflow);
    await workflow.step(coordinator(), id, { step: 'onderzoek-starten', reason: 'Start', date: '2026-06-10' }, 'test');
    await workflow.step(coordinator(), id, { step: 'lbb-advies-vragen', reason: 'Advies nodig', date: '2026-06-10' }, 'test');

    // The open LBB request counts to its 8-week cap: 56 suspended days move 2026-07-27 to Monday 2026-09-21;
    // the advice is due 56 days after the request: Wednesday 2026-08-05.
    const moved = ['nadert', 'verstreken'].flatMap((moment) => [
      alertJobId({ screeningId: id, deadline: 'uitersteBeslisdatum', deadlineDate: '2026-09-21', moment: moment as 'nadert' }),
      alertJobId({ screeningId: id, deadline: 'lbbAdviesUiterlijk', deadlineDate: '2026-08-05', moment: moment as 'nadert' }),
    ]);
    await waitUntil(async () => (await pendingJobIds(config)).filter((jobId) => jobId.startsWith(id)).sort().join() === [...moved].sort().join(), {
      timeoutMs: 10_000,
      what: 'alerts moved to the new dates',
    });
    // A job of the old date that ran anyway stores nothing.
    await sut.alerts.fire({ screeningId: id, deadline: 'uitersteBeslisdatum', deadlineDate: DECISION_DATE, moment: 'verstreken' });
    expect(await alertRows(sut, config, id)).toEqual([]);
  });

  it('loses and doubles no alert across a restart of the service with its queue lost while it was down', async () => {
    const config = settings();
    const first = await started(config);
    setNow(DECISION_PASSES_AT - 8_000);
    const id = await openScreening(first);
    await waitUntil(async () => (await pendingJobIds(config)).includes(`${id}-uitersteBeslisdatum-${DECISION_DATE}-verstreken`), { timeoutMs: 5_000, what: 'alerts scheduled' });
    await stopped(first);
    await loseTheQueue(config);

    const sut = await started(config);

    await waitUntil(async () => (await alertRows(sut, config, id)).length === 2, { timeoutMs: 20_000, what: 'both alerts stored after the restart' });
    await stopped(sut);
    // Started again after both fired: the reconcile re-adds their jobs, which store nothing twice.
    await loseTheQueue(config);
    const again = await started(config);
    await waitUntil(async () => (await pendingJobIds(config)).filter((jobId) => jobId.startsWith(id)).length === 0, { timeoutMs: 10_000, what: 'the re-added jobs ran' });
    expect((await alertRows(again, config, id)).map((row) => row.moment)).toEqual(['nadert', 'verstreken']);
  });
});
