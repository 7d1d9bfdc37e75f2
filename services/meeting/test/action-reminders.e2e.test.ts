import { Jobs, type ActionReminderJobData } from '@signaalhub/contracts';
import { eventually, pendingWindowMs, RunningService, startPrivateRedis, testInfrastructure, type PrivateRedis } from '@signaalhub/test-infra';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ActionReminders } from '../src/reminders/action-reminders.js';
import { decideWithActions, soestItems } from './support/agenda-items.js';
import { caller, meetingEnv } from './support/running-meeting.js';

/*
 * Issue 9 acceptance 2. The meeting runs with a one-day lead and an application clock moved to just
 * before the "due" reminders of day D fire (MEETING_CLOCK_OFFSET_SECONDS), so BullMQ's real-time delays
 * are seconds, not days. Its Redis is a redis-server of this test's own, configured as in production
 * (appendonly yes, appendfsync everysec, noeviction: infra/stack's redis.conf), so it can be SIGKILLed and
 * started again on the same data directory and port — or without its data. Each scenario kills or wipes
 * while those reminders are pending (checked), then counts the stored notices.
 */

const DAY_MS = 86_400_000;
const dateOf = (ms: number): string => new Date(ms).toISOString().slice(0, 10);
/** Day D: far enough ahead that nothing else of the test falls on it. */
const D = dateOf(Date.now() + 30 * DAY_MS);
const dayAfter = (date: string, days: number): string => dateOf(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS);

interface Notice {
  decision_id: string;
  action_index: number;
  kind: string;
  due_date_version: number;
}

describe(ActionReminders.name, () => {
  let env: Record<string, string> = {};
  const member = caller('gemeente-soest');
  const database = new pg.Pool({ connectionString: testInfrastructure().databaseUrl, max: 2 });
  let privateRedis: PrivateRedis | undefined;
  let redis: Redis | undefined;
  let queue: Queue<ActionReminderJobData> | undefined;
  let items: string[] = [];
  let running: RunningService | undefined;
  /** Time for deciding, killing and a restart before the pending reminders fire: set from a measured start. */
  let pendingForMs = 0;

  /** A service whose clock reaches D−1 00:00 (when D's "due" reminders fire) `firesInMs` from now. */
  async function startBeforeDueReminders(firesInMs = pendingForMs): Promise<RunningService> {
    const firesAt = Date.parse(`${dayAfter(D, -1)}T00:00:00Z`);
    const offsetSeconds = Math.round((firesAt - (Date.now() + firesInMs)) / 1000);
    return start({ MEETING_CLOCK_OFFSET_SECONDS: String(offsetSeconds) });
  }

  async function start(overrides: Record<string, string> = {}): Promise<RunningService> {
    running = await RunningService.start('meeting', { ...env, ...overrides }, { schemaVariable: 'MEETING_DATABASE_SCHEMA' });
    return running;
  }

  async function kill(service: RunningService): Promise<void> {
    service.process.stop('SIGKILL');
    await service.stop();
  }

  async function notices(decisionIds: readonly string[]): Promise<Notice[]> {
    const result = await database.query<Notice>(
      `SELECT decision_id, action_index, kind, due_date_version FROM "${env.MEETING_DATABASE_SCHEMA ?? ''}".action_notices WHERE decision_id = ANY($1::uuid[])
        ORDER BY decision_id, action_index, kind`,
      [decisionIds],
    );
    return result.rows;
  }

  async function jobState(jobId: string): Promise<{ state: string; firesAt: number } | undefined> {
    const job = await queue?.getJob(jobId);
    if (job === undefined) return undefined;
    return { state: await job.getState(), firesAt: job.timestamp + job.delay };
  }

  /** The delayed "due" job of action 0, as Redis has it now (polled: the test's own client reconnects too). */
  async function pendingJob(decisionId: string): Promise<{ state: string; firesAt: number }> {
    return eventually(async () => {
      // While the test's own client reconnects, a read fails: poll again.
      const job = await jobState(`${decisionId}-0-due-v0`).catch(() => undefined);
      return job?.state === 'delayed' ? job : undefined;
    }, { timeoutMs: 30_000, what: `the pending reminder of ${decisionId}` });
  }

  beforeAll(async () => {
    privateRedis = await startPrivateRedis();
    env = meetingEnv({ ACTION_REMINDER_LEAD_DAYS: '1', REDIS_URL: privateRedis.url });
    redis = new Redis(privateRedis.url, { maxRetriesPerRequest: 3 });
    // The test kills this server on purpose; its client reconnects, and reads poll.
    redis.on('error', () => undefined);
    queue = new Queue<ActionReminderJobData>(Jobs.actionReminder.queue, { connection: redis, prefix: env.MEETING_QUEUE_PREFIX });
    queue.on('error', () => undefined);
    const startedAt = Date.now();
    const first = await start();
    pendingForMs = pendingWindowMs(Date.now() - startedAt);
    items = await soestItems(first, 4);
    await first.stop();
  }, 180_000);

  afterAll(async () => {
    await running?.stop();
    await queue?.close();
    redis?.disconnect();
    await privateRedis?.dispose();
    await database.end();
  });

  it('notes each due reminder exactly once when the service is killed while they are pending; a done action gets none; a moved one moves', { timeout: 420_000 }, async () => {
    const before = await startBeforeDueReminders();
    const tomorrow = dayAfter(D, -1); // the service's tomorrow: its "due" reminder is already late, so it fires at once
    const decisionId = await decideWithActions(before, items[0] ?? '', [D, D, D, tomorrow]);
    const done = await before.call('POST', `/api/actions/${decisionId}/1/done`, member, { doneOn: dayAfter(D, -2), note: 'Gesprek gevoerd' });
    expect(done.status, await done.clone().text()).toBe(200);
    const moved = await before.call('POST', `/api/actions/${decisionId}/2/due-date`, member, { dueDate: dayAfter(D, 5) });
    expect(moved.status, await moved.clone().text()).toBe(200);
    await eventually(async () => ((await notices([decisionId])).length > 0 ? true : undefined), { timeoutMs: 30_000, what: 'the late reminder' });
    // The moved action is scheduled by the sweep (every 5 s): pending before the kill, not only after.
    await eventually(async () => ((await jobState(`${decisionId}-2-due-v1`))?.state === 'delayed' ? true : undefined), { timeoutMs: 30_000, what: 'the moved reminder scheduled' });

    await kill(before);
    // Pending while the service is down: D's "due" jobs wait in Redis, only the late one was noted.
    expect(await notices([decisionId])).toEqual([{ decision_id: decisionId, action_index: 3, kind: 'due', due_date_version: 0 }]);
    expect((await jobState(`${decisionId}-0-due-v0`))?.state).toBe('delayed');
    expect(await jobState(`${decisionId}-1-due-v0`)).toBeUndefined();
    expect(await jobState(`${decisionId}-2-due-v0`)).toBeUndefined();
    const movedJob = await jobState(`${decisionId}-2-due-v1`);
    expect(movedJob?.state).toBe('delayed');

    const offsetSeconds = Number(before.env.MEETING_CLOCK_OFFSET_SECONDS);
    const after = await start({ MEETING_CLOCK_OFFSET_SECONDS: String(offsetSeconds) });
    const expected = [
      { decision_id: decisionId, action_index: 0, kind: 'due', due_date_version: 0 },
      // The late action's "overdue" (the start of D−1) is due now too.
      { decision_id: decisionId, action_index: 3, kind: 'due', due_date_version: 0 },
      { decision_id: decisionId, action_index: 3, kind: 'overdue', due_date_version: 0 },
    ];
    await eventually(async () => ((await notices([decisionId])).length >= expected.length ? true : undefined), {
      timeoutMs: pendingForMs + 60_000,
      what: "D's due reminders after the restart",
    });
    expect(await notices([decisionId])).toEqual(expected);
    // The moved action's reminder waits for its new date (due D+5, so D+4 by the service's clock), kept across the restart.
    const movedFiresAt = Date.parse(`${dayAfter(D, 4)}T00:00:00Z`) - offsetSeconds * 1000;
    expect(Math.abs((movedJob?.firesAt ?? 0) - movedFiresAt)).toBeLessThan(2_000);
    expect((await jobState(`${decisionId}-2-due-v1`))?.firesAt).toBe(movedJob?.firesAt);
    const listed = (await (await after.call('GET', `/api/actions?item=${items[0] ?? ''}`, member)).json()) as { actionIndex: number; status: string; reminders: unknown[] }[];
    expect(listed.map((action) => [action.actionIndex, action.status, action.reminders.length])).toEqual([
      [3, 'overdue', 2],
      [0, 'due', 1],
      [2, 'open', 0],
      [1, 'done', 0],
    ]);
    await after.stop();
  });

  it('notes each due reminder exactly once when redis-server is SIGKILLed and restarted on its data while the service runs, then the service is killed too', { timeout: 420_000 }, async () => {
    const sut = await startBeforeDueReminders();
    const decisionId = await decideWithActions(sut, items[1] ?? '', [D, D, dayAfter(D, -1)]);
    await eventually(async () => ((await notices([decisionId])).length > 0 ? true : undefined), { timeoutMs: 30_000, what: 'the late reminder' });
    const pending = await pendingJob(decisionId);

    await privateRedis?.kill();
    await privateRedis?.start();
    // Persistence kept the timer itself (same job, same moment), not only a copy re-added from PostgreSQL.
    expect(await pendingJob(decisionId)).toEqual(pending);
    // The service lived through it: still ready, still answering from its Redis-backed parts.
    await eventually(async () => ((await fetch(`${sut.base}/health/ready`)).status === 200 ? true : undefined), { timeoutMs: 30_000, what: 'the service ready again' });
    expect(sut.process.running).toBe(true);

    await kill(sut);
    const after = await start({ MEETING_CLOCK_OFFSET_SECONDS: String(Number(sut.env.MEETING_CLOCK_OFFSET_SECONDS)) });
    expect(await jobState(`${decisionId}-0-due-v0`)).toEqual(pending);
    const expected = [
      { decision_id: decisionId, action_index: 0, kind: 'due', due_date_version: 0 },
      { decision_id: decisionId, action_index: 1, kind: 'due', due_date_version: 0 },
      { decision_id: decisionId, action_index: 2, kind: 'due', due_date_version: 0 },
      { decision_id: decisionId, action_index: 2, kind: 'overdue', due_date_version: 0 },
    ];
    await eventually(async () => ((await notices([decisionId])).length >= expected.length ? true : undefined), {
      timeoutMs: pendingForMs + 60_000,
      what: "D's due reminders after both restarts",
    });
    expect(await notices([decisionId])).toEqual(expected);
    await after.stop();
  });

  it('restores the reminders from PostgreSQL as soon as a redis-server that lost its data is back, while the service keeps running', { timeout: 420_000 }, async () => {
    const sut = await startBeforeDueReminders();
    const decisionId = await decideWithActions(sut, items[2] ?? '', [D, dayAfter(D, -1)]);
    await eventually(async () => ((await notices([decisionId])).length > 0 ? true : undefined), { timeoutMs: 30_000, what: 'the late reminder' });
    const pending = await pendingJob(decisionId);

    await privateRedis?.kill({ discardData: true });
    await privateRedis?.start();
    // Nothing survived in Redis; the running service re-adds the job when its connection is back, for the same moment.
    const restored = await pendingJob(decisionId);
    expect(Math.abs(restored.firesAt - pending.firesAt)).toBeLessThan(2_000);
    // The reminder already noted is not scheduled again.
    expect(await jobState(`${decisionId}-1-due-v0`)).toBeUndefined();
    expect(sut.process.running).toBe(true);
    const expected = [
      { decision_id: decisionId, action_index: 0, kind: 'due', due_date_version: 0 },
      { decision_id: decisionId, action_index: 1, kind: 'due', due_date_version: 0 },
      { decision_id: decisionId, action_index: 1, kind: 'overdue', due_date_version: 0 },
    ];
    await eventually(async () => ((await notices([decisionId])).length >= expected.length ? true : undefined), {
      timeoutMs: pendingForMs + 60_000,
      what: "D's due reminders after Redis lost them",
    });
    expect(await notices([decisionId])).toEqual(expected);
    await sut.stop();
  });

  it('notes each due reminder exactly once when redis-server lost its data while the service was down and the service restarts', { timeout: 420_000 }, async () => {
    const before = await startBeforeDueReminders();
    const decisionId = await decideWithActions(before, items[3] ?? '', [D, dayAfter(D, -1)]);
    await eventually(async () => ((await notices([decisionId])).length > 0 ? true : undefined), { timeoutMs: 30_000, what: 'the late reminder' });
    await pendingJob(decisionId);

    await kill(before);
    await privateRedis?.kill({ discardData: true });
    await privateRedis?.start();
    expect(await jobState(`${decisionId}-0-due-v0`)).toBeUndefined();
    expect(await notices([decisionId])).toEqual([{ decision_id: decisionId, action_index: 1, kind: 'due', due_date_version: 0 }]);

    // Nothing of the old schedule survives in Redis, so the restarted service may have a clock of its own: D−1 has come.
    const after = await startBeforeDueReminders(0);
    // Reconciled on start: the lost job is back (and runs at once), the noted one is not scheduled again.
    expect(await jobState(`${decisionId}-0-due-v0`)).toBeDefined();
    expect(await jobState(`${decisionId}-1-due-v0`)).toBeUndefined();
    const expected = [
      { decision_id: decisionId, action_index: 0, kind: 'due', due_date_version: 0 },
      { decision_id: decisionId, action_index: 1, kind: 'due', due_date_version: 0 },
      { decision_id: decisionId, action_index: 1, kind: 'overdue', due_date_version: 0 },
    ];
    await eventually(async () => ((await notices([decisionId])).length >= expected.length ? true : undefined), {
      timeoutMs: 60_000,
      what: "D's due reminders after Redis lost them",
    });
    expect(await notices([decisionId])).toEqual(expected);
    await after.stop();
  });
});
