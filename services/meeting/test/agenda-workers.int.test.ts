import { Jobs, type AgendaJobData } from '@signaalhub/contracts';
import { createLogger } from '@signaalhub/logging';
import { createWorkers, type JobWorkers } from '@signaalhub/service-kit';
import { eventually } from '@signaalhub/test-infra';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { placeOnAgenda } from '../src/agenda/agenda-job-handler.js';
import { AgendaStore } from '../src/agenda/agenda-store.js';
import type { MeetingService } from '../src/composition.js';
import { testParts } from './support/meeting-parts.js';
import { randomKvkNumber, sealSignal } from './support/sealed-signals.js';

/** A store whose database is "down": every insert fails, as during an outage. */
class UnreachableAgendaStore extends AgendaStore {
  attempts = 0;
  override insert(): Promise<boolean> {
    this.attempts += 1;
    return Promise.reject(new Error('connection refused'));
  }
}

describe(`agenda workers (${placeOnAgenda.name})`, () => {
  let parts: MeetingService;

  // The parts' own workers are not started: each test runs the workers it needs.
  beforeAll(async () => {
    parts = await testParts();
  });

  afterAll(async () => {
    await parts.close();
  });

  async function jobFor(municipality: string): Promise<AgendaJobData> {
    const { envelope, signal } = await sealSignal({ municipality, kvkNumber: randomKvkNumber() });
    return {
      envelope,
      messageId: envelope.header.messageId,
      signalId: signal.id,
      municipality,
      theme: envelope.header.theme,
      receivedAt: envelope.header.createdAt,
      reporterParty: signal.reporter.party,
    };
  }

  function workers(store: AgendaStore): JobWorkers {
    const logger = createLogger('workers-test', 'silent');
    return createWorkers({
      connection: parts.bullmqConnection,
      prefix: parts.config.MEETING_QUEUE_PREFIX,
      municipalities: parts.queues.municipalities,
      jobs: { agendaItem: Jobs.agendaItem },
      handlers: { agendaItem: placeOnAgenda(store, logger) },
      concurrency: { agendaItem: 4 },
      logger,
    });
  }

  it('keeps a job that failed in a worker and hands it to the next worker after a restart', async () => {
    const schema = parts.config.MEETING_DATABASE_SCHEMA;
    const job = await jobFor('de-bilt');
    await parts.queues.enqueue(job);

    const failing = new UnreachableAgendaStore(parts.postgres, schema);
    const first = workers(failing);
    await first.start();
    await eventually(() => (failing.attempts > 0 ? true : undefined), { timeoutMs: 30_000, what: 'the first worker to try the job' });
    await first.close();
    expect(await parts.queues.hasJob('de-bilt', job.messageId)).toBe(true);

    const store = new AgendaStore(parts.postgres, schema);
    const second = workers(store);
    await second.start();
    try {
      await eventually(async () => ((await store.has(job.messageId)) ? true : undefined), { timeoutMs: 30_000, what: 'the restarted worker to place the job' });
    } finally {
      await second.close();
    }
    const pending = await store.pending('de-bilt');
    expect(pending.filter((item) => item.id === job.messageId)).toHaveLength(1);
  });

  it('places a job that was enqueued while no worker ran, once, even when enqueued twice', async () => {
    const job = await jobFor('bunschoten');
    await parts.queues.enqueue(job);
    await parts.queues.enqueue(job);
    const store = new AgendaStore(parts.postgres, parts.config.MEETING_DATABASE_SCHEMA);
    const sut = workers(store);
    await sut.start();
    try {
      await eventually(async () => ((await parts.queues.backlog('bunschoten')) === 0 && (await store.has(job.messageId)) ? true : undefined), { timeoutMs: 30_000, what: 'the job' });
    } finally {
      await sut.close();
    }
    expect((await store.pending('bunschoten')).filter((item) => item.id === job.messageId)).toHaveLength(1);
  });
});
