import { Jobs } from '@signaalhub/contracts';
import { createLogger } from '@signaalhub/logging';
import { Redis } from 'ioredis';
import { describe, expect, it } from 'vitest';
import { createWorkers, jobRoutes, WorkerCoverageError } from '../src/job-workers.js';

const handle = (): Promise<void> => Promise.resolve();
const municipalities = ['baarn', 'soest'];

describe(jobRoutes.name, () => {
  it('accepts exactly one handler per job and routes each of its queues to it', () => {
    const sut = jobRoutes({ agendaItem: Jobs.agendaItem, actionReminder: Jobs.actionReminder }, { actionReminder: handle, agendaItem: handle }, municipalities);
    expect([...sut.keys()]).toEqual(['signaalhub.agenda.baarn.v1', 'signaalhub.agenda.soest.v1', 'signaalhub.action-reminders.v1']);
    expect(sut.get('signaalhub.action-reminders.v1')?.get('action-reminder')?.handler).toBe(handle);
  });

  it('rejects a job without a handler, naming the job and its queue', () => {
    expect(() => jobRoutes({ agendaItem: Jobs.agendaItem, actionReminder: Jobs.actionReminder }, { agendaItem: handle }, municipalities)).toThrow(
      "job 'action-reminder' (queue 'signaalhub.action-reminders.v1') has no handler",
    );
    expect(() => jobRoutes({ agendaItem: Jobs.agendaItem }, { agendaItem: undefined }, municipalities)).toThrow(WorkerCoverageError);
  });

  it('rejects a job with two handlers, naming the job, its queues and both handlers', () => {
    expect(() => jobRoutes({ agendaItem: Jobs.agendaItem, agenda: Jobs.agendaItem }, { agendaItem: handle, agenda: handle }, municipalities)).toThrow(
      "job 'agenda-item' (queues 'signaalhub.agenda.baarn.v1', 'signaalhub.agenda.soest.v1') has 2 handlers: agendaItem, agenda",
    );
  });

  it('rejects a handler that serves no job the service runs', () => {
    expect(() => jobRoutes({ actionReminder: Jobs.actionReminder }, { actionReminder: handle, agendaItem: handle }, municipalities)).toThrow(
      "handler 'agendaItem' serves no job this service runs",
    );
  });

  it('rejects a job on per-municipality queues when no municipality is given', () => {
    expect(() => jobRoutes({ agendaItem: Jobs.agendaItem }, { agendaItem: handle })).toThrow(
      "job 'agenda-item' has no queue: it runs one per municipality and no municipalities were given",
    );
  });

  it('names every job that fails in one error', () => {
    expect(() => jobRoutes({ agendaItem: Jobs.agendaItem, actionReminder: Jobs.actionReminder }, { stray: handle }, municipalities)).toThrow(
      /- job 'agenda-item' .* has no handler\n {2}- job 'action-reminder' .* has no handler\n {2}- handler 'stray' serves no job/,
    );
  });
});

describe(createWorkers.name, () => {
  it('refuses before any worker exists when the handler map lacks a job', () => {
    // Never connected: the check fails before a worker would use it.
    const connection = new Redis({ lazyConnect: true });
    expect(() =>
      createWorkers({
        connection,
        prefix: 'unused',
        logger: createLogger('job-workers-test', 'silent'),
        jobs: { actionReminder: Jobs.actionReminder },
        // @ts-expect-error A missing handler fails to compile; the start-up check catches what a cast hides.
        handlers: {},
      }),
    ).toThrow("job 'action-reminder' (queue 'signaalhub.action-reminders.v1') has no handler");
  });
});
