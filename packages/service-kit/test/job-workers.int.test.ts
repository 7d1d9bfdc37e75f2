import { randomUUID } from 'node:crypto';
import { Jobs, type ActionReminderJobData } from '@signaalhub/contracts';
import { createLogger } from '@signaalhub/logging';
import { eventually, testInfrastructure, uniqueName } from '@signaalhub/test-infra';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorkers, type JobWorkers } from '../src/job-workers.js';

describe(createWorkers.name, () => {
  const connection = new Redis(testInfrastructure().redisUrl, { maxRetriesPerRequest: null });
  const prefix = uniqueName('job-workers');
  const queue = new Queue(Jobs.actionReminder.queue, { connection, prefix });
  const handled: ActionReminderJobData[] = [];
  let sut: JobWorkers;

  beforeAll(async () => {
    sut = createWorkers({
      connection,
      prefix,
      logger: createLogger('job-workers-test', 'silent'),
      jobs: { actionReminder: Jobs.actionReminder },
      handlers: {
        actionReminder: (data) => {
          handled.push(data);
          return Promise.resolve();
        },
      },
    });
    await sut.start();
  });

  afterAll(async () => {
    await sut.close();
    await queue.obliterate({ force: true });
    await queue.close();
    await connection.quit();
  });

  it('hands a job its validated data', async () => {
    const data: ActionReminderJobData = { decisionId: randomUUID(), actionIndex: 2, dueDate: '2026-12-01', kind: 'due', dueDateVersion: 1 };
    await queue.add(Jobs.actionReminder.name, data, { jobId: 'valid' });
    await eventually(() => (handled.length > 0 ? true : undefined), { timeoutMs: 30_000, what: 'the handler to run' });
    expect(handled).toEqual([data]);
  });

  it('fails a job whose data has the wrong shape without retrying it, and never hands it over', async () => {
    await queue.add(Jobs.actionReminder.name, { decisionId: 'not-a-uuid', actionIndex: -1 }, { jobId: 'malformed', attempts: 5 });
    const failed = await eventually(async () => ((await queue.getJobState('malformed')) === 'failed' ? queue.getJob('malformed') : undefined), {
      timeoutMs: 30_000,
      what: 'the malformed job to fail',
    });
    expect(failed.attemptsMade).toBe(1);
    expect(failed.failedReason).toBe("job 'action-reminder' malformed has the wrong shape");
    expect(handled.map((data) => data.decisionId)).not.toContain('not-a-uuid');
  });

  it('fails a job whose name no handler serves', async () => {
    await queue.add('action-remindr', { decisionId: randomUUID(), actionIndex: 0, dueDate: '2026-12-01' }, { jobId: 'misnamed' });
    const failed = await eventually(async () => ((await queue.getJobState('misnamed')) === 'failed' ? queue.getJob('misnamed') : undefined), {
      timeoutMs: 30_000,
      what: 'the misnamed job to fail',
    });
    expect(failed.failedReason).toBe("job misnamed on queue 'signaalhub.action-reminders.v1' has a name no handler here serves");
  });
});
