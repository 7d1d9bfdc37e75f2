import { Jobs, type ScreeningDeadlineAlertJobData } from '@signaalhub/contracts';
import { eventually, pendingWindowMs, RunningService, startPrivateRedis, testInfrastructure } from '@signaalhub/test-infra';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { alertJobId } from '../src/alerts/alert-plan.js';
import { DeadlineAlerts } from '../src/alerts/deadline-alerts.js';
import { bibobEnv, coordinator } from './support/running-bibob.js';
import { screeningForm } from './support/screening-requests.js';

/*
 * Issue 10 acceptance 6 against the compiled service process. Its application clock
 * (BIBOB_CLOCK_OFFSET_SECONDS) is moved to shortly before the end of a screening's decision date, with a
 * short lead time, so BullMQ's real-time delays are seconds. The safety-net sweep is set to ten minutes:
 * whatever moves within the test was moved by the step itself or by the reconcile on start.
 */

/** Received 2026-06-01 with a term of 8 weeks (the form's defaults): Monday 2026-07-27. */
const DECISION_DATE = '2026-07-27';
const DECISION_PASSES_AT = Date.parse('2026-07-28T00:00:00.000Z');
const LEAD_SECONDS = 20;

interface AlertRow {
  screening_id: string;
  deadline: string;
  deadline_date: string;
  moment: string;
  fired_at: Date;
}

describe(`${DeadlineAlerts.name} across restarts of the service`, () => {
  const env = bibobEnv({ BIBOB_ALERT_LEAD_SECONDS: String(LEAD_SECONDS), BIBOB_ALERT_SWEEP_MS: '600000' });
  const schema = env.BIBOB_DATABASE_SCHEMA ?? '';
  const database = new pg.Pool({ connectionString: testInfrastructure().databaseUrl, max: 2 });
  const redis = new Redis(testInfrastructure().redisUrl, { maxRetriesPerRequest: 3 });
  const queue = new Queue<ScreeningDeadlineAlertJobData>(Jobs.screeningDeadlineAlert.queue, { connection: redis, prefix: env.BIBOB_QUEUE_PREFIX });
  const author = coordinator();
  let running: RunningService | undefined;
  /** Time for opening, stepping, a SIGKILL and a restart before the `nadert` alert: set from a measured start. */
  let pendingForMs = 0;

  async function start(offsetSeconds: number): Promise<RunningService> {
    running = await RunningService.start('bibob', { ...env, BIBOB_CLOCK_OFFSET_SECONDS: String(offsetSeconds) }, { schemaVariable: 'BIBOB_DATABASE_SCHEMA' });
    return running;
  }

  async function alertsOf(screeningIds: readonly string[]): Promise<AlertRow[]> {
    const result = await database.query<AlertRow>(
      `SELECT screening_id, deadline, to_char(deadline_date, 'YYYY-MM-DD') AS deadline_date, moment, fired_at FROM "${schema}".screening_alerts
       WHERE screening_id = ANY($1::uuid[]) ORDER BY screening_id, fired_at`,
      [screeningIds],
    );
    return result.rows;
  }

  async function pendingJobIds(screeningId: string): Promise<string[]> {
    const jobs = await queue.getJobs(['delayed', 'waiting', 'active']);
    return jobs.flatMap((job) => (job.id?.startsWith(screeningId) === true ? [job.id] : [])).sort();
  }

  const jobIds = (screeningId: string, deadlines: Record<string, string>): string[] =>
    Object.entries(deadlines)
      .flatMap(([deadline, deadlineDate]) =>
        (['nadert', 'verstreken'] as const).map((moment) => alertJobId({ screeningId, deadline: deadline as ScreeningDeadlineAlertJobData['deadline'], deadlineDate, moment })),
      )
      .sort();

  async function json<T>(response: Response, status: number): Promise<T> {
    expect(response.status, await response.clone().text()).toBe(status);
    return (await response.json()) as T;
  }

  beforeAll(async () => {
    redis.on('error', () => undefined);
    const startedAt = Date.now();
    await (await start(0)).stop();
    pendingForMs = pendingWindowMs(Date.now() - startedAt);
  }, 120_000);

  afterAll(async () => {
    await running?.stop();
    await queue.obliterate({ force: true }).catch(() => undefined);
    await queue.close();
    redis.disconnect();
    await database.end();
  });

  it('fires each alert once at its moment across a SIGKILL and restarts of the service; a suspension moves its alerts from the step', { timeout: 420_000 }, async () => {
    const offsetSeconds = Math.round((DECISION_PASSES_AT - (Date.now() + pendingForMs)) / 1000);
    const first = await start(offsetSeconds);
    const { id: waiting } = await json<{ id: string }>(await first.call('POST', '/api/screenings', author, screeningForm({ municipality: 'soest' })), 201);
    const { id: suspended } = await json<{ id: string }>(await first.call('POST', '/api/screenings', author, screeningForm({ municipality: 'soest' })), 201);
    // Opening schedules at once (no sweep within this test).
    expect(await pendingJobIds(waiting)).toEqual(jobIds(waiting, { uitersteBeslisdatum: DECISION_DATE }));

    const step = (body: Record<string, unknown>): Promise<Response> =>
      first.call('POST', `/api/screenings/${suspended}/transitions`, author, { reason: 'Volgens het draaiboek', date: DECISION_DATE, ...body });
    await json(await step({ step: 'onderzoek-starten' }), 200);
    await json(await step({ step: 'lbb-advies-vragen' }), 200);
    // The step answered with its alerts moved: the open LBB request counts to its 8-week cap, 56 days from
    // 2026-07-27 is Monday 2026-09-21; the advice is due 56 days after the request, Monday 2026-09-21 too.
    const moved = jobIds(suspended, { uitersteBeslisdatum: '2026-09-21', lbbAdviesUiterlijk: '2026-09-21' });
    expect(await pendingJobIds(suspended)).toEqual(moved);

    // A crash while both screenings' alerts are pending (checked), then the same service again.
    first.process.stop('SIGKILL');
    await first.stop();
    expect(await alertsOf([waiting, suspended])).toEqual([]);
    const second = await start(offsetSeconds);
    // Pending still, unless it fired already on a slow machine (then it is stored, and not pending again).
    const fired = (await alertsOf([waiting])).map((row) => alertJobId({ screeningId: waiting, deadline: 'uitersteBeslisdatum', deadlineDate: row.deadline_date, moment: row.moment as 'nadert' }));
    expect(await pendingJobIds(waiting)).toEqual(jobIds(waiting, { uitersteBeslisdatum: DECISION_DATE }).filter((jobId) => !fired.includes(jobId)));
    expect(await pendingJobIds(suspended)).toEqual(moved);

    await eventually(async () => ((await alertsOf([waiting])).length >= 2 ? true : undefined), { timeoutMs: pendingForMs + 60_000, what: 'both alerts of the waiting screening' });
    const [approaching, passed] = await alertsOf([waiting]);
    expect([approaching?.moment, passed?.moment]).toEqual(['nadert', 'verstreken']);
    expect([approaching?.deadline_date, passed?.deadline_date]).toEqual([DECISION_DATE, DECISION_DATE]);
    // At their moments by the service's clock: the lead time before the end of the decision date, and its end.
    expect(approaching?.fired_at.getTime()).toBeGreaterThanOrEqual(DECISION_PASSES_AT - LEAD_SECONDS * 1000);
    expect(approaching?.fired_at.getTime()).toBeLessThan(DECISION_PASSES_AT);
    expect(passed?.fired_at.getTime()).toBeGreaterThanOrEqual(DECISION_PASSES_AT);

    // Stopped and started once more after both fired: the reconcile on start adds nothing that fires twice,
    // and the suspended screening's old date, now passed, gave no alert.
    await second.stop();
    const third = await start(offsetSeconds);
    await eventually(() => (third.log.includes('deadline alerts reconciled') ? true : undefined), { timeoutMs: 30_000, what: 'the reconcile on start' });
    await eventually(async () => ((await pendingJobIds(waiting)).length === 0 ? true : undefined), { timeoutMs: 30_000, what: 'no pending job of the waiting screening' });
    expect((await alertsOf([waiting, suspended])).map((row) => [row.screening_id, row.moment])).toEqual([
      [waiting, 'nadert'],
      [waiting, 'verstreken'],
    ]);
    expect(await pendingJobIds(suspended)).toEqual(moved);
    await third.stop();
  });

  it('keeps its alert jobs through a redis-server SIGKILL, restores them from PostgreSQL when Redis lost its data, while the service runs', { timeout: 420_000 }, async () => {
    const privateRedis = await startPrivateRedis();
    const connection = new Redis(privateRedis.url, { maxRetriesPerRequest: 3 });
    // The test kills this server on purpose; its client reconnects, and reads poll.
    connection.on('error', () => undefined);
    const ownQueue = new Queue<ScreeningDeadlineAlertJobData>(Jobs.screeningDeadlineAlert.queue, { connection, prefix: env.BIBOB_QUEUE_PREFIX });
    ownQueue.on('error', () => undefined);
    try {
      /** The `verstreken` job of the screening as Redis has it now: its id and when it fires. */
      const pendingJob = async (screeningId: string): Promise<{ id: string; firesAt: number }> =>
        eventually(
          async () => {
            const id = alertJobId({ screeningId, deadline: 'uitersteBeslisdatum', deadlineDate: DECISION_DATE, moment: 'verstreken' });
            const job = await ownQueue.getJob(id).catch(() => undefined);
            return job === undefined ? undefined : { id, firesAt: job.timestamp + job.delay };
          },
          { timeoutMs: 30_000, what: `the pending alert of ${screeningId}` },
        );
      const offsetSeconds = Math.round((DECISION_PASSES_AT - (Date.now() + pendingForMs)) / 1000);
      running = await RunningService.start(
        'bibob',
        { ...env, REDIS_URL: privateRedis.url, BIBOB_CLOCK_OFFSET_SECONDS: String(offsetSeconds) },
        { schemaVariable: 'BIBOB_DATABASE_SCHEMA' },
      );
      const sut = running;
      const { id } = await json<{ id: string }>(await sut.call('POST', '/api/screenings', author, screeningForm({ municipality: 'soest' })), 201);
      const pending = await pendingJob(id);

      await privateRedis.kill();
      await privateRedis.start();
      // The append-only file kept the job itself (the same moment), not a copy re-added from PostgreSQL.
      expect(await pendingJob(id)).toEqual(pending);

      await privateRedis.kill({ discardData: true });
      await privateRedis.start();
      // Nothing survived in Redis: the running service re-adds the jobs when its connection is back (the sweep waits ten minutes).
      const restored = await pendingJob(id);
      expect(Math.abs(restored.firesAt - pending.firesAt)).toBeLessThan(2_000);
      expect(sut.process.running).toBe(true);

      await eventually(async () => ((await alertsOf([id])).length >= 2 ? true : undefined), { timeoutMs: pendingForMs + 60_000, what: 'both alerts after Redis lost them' });
      const [approaching, passed] = await alertsOf([id]);
      expect([approaching?.moment, passed?.moment]).toEqual(['nadert', 'verstreken']);
      expect(approaching?.fired_at.getTime()).toBeGreaterThanOrEqual(DECISION_PASSES_AT - LEAD_SECONDS * 1000);
      expect(passed?.fired_at.getTime()).toBeGreaterThanOrEqual(DECISION_PASSES_AT);
      await sut.stop();
    } finally {
      await ownQueue.close();
      connection.disconnect();
      await privateRedis.dispose();
    }
  });
});
