import { Jobs, type AgendaJobData, type MunicipalityId } from '@signaalhub/contracts';
import { CAPPED_BACKOFF } from '@signaalhub/service-kit';
import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';

/**
 * BullMQ retries a failing move into PostgreSQL until it works (capped backoff in the worker): an accepted
 * signal must never end up in the failed set, off every agenda.
 */
export const AGENDA_JOB_ATTEMPTS = 1_000_000;

/** One BullMQ queue per municipality: the durable buffer between Kafka and the agenda table. */
export class AgendaQueues {
  private readonly queues = new Map<MunicipalityId, Queue<AgendaJobData>>();

  constructor(connection: Redis, municipalities: readonly MunicipalityId[], prefix: string) {
    for (const municipality of municipalities) {
      this.queues.set(municipality, new Queue<AgendaJobData>(Jobs.agendaItem.queue(municipality), { connection, prefix }));
    }
  }

  get municipalities(): MunicipalityId[] {
    return [...this.queues.keys()];
  }

  has(municipality: string): boolean {
    return this.queues.has(municipality);
  }

  queueNames(): string[] {
    return [...this.queues.values()].map((queue) => queue.name);
  }

  /** jobId = message id: BullMQ ignores an add whose id exists, so redelivery never makes a second job. */
  async enqueue(data: AgendaJobData): Promise<void> {
    await this.queueOf(data.municipality).add(Jobs.agendaItem.name, data, {
      jobId: data.messageId,
      attempts: AGENDA_JOB_ATTEMPTS,
      backoff: CAPPED_BACKOFF,
      // Completed jobs are kept for a while so a redelivered message still finds "its" job.
      removeOnComplete: { age: 30 * 24 * 60 * 60 },
      removeOnFail: false,
    });
  }

  async hasJob(municipality: MunicipalityId, messageId: string): Promise<boolean> {
    const queue = this.queues.get(municipality);
    return queue !== undefined && (await queue.getJob(messageId)) !== undefined;
  }

  /** How many jobs wait, are active or are delayed (for tests and readiness). */
  async backlog(municipality: MunicipalityId): Promise<number> {
    return this.queueOf(municipality).getJobCountByTypes('waiting', 'active', 'delayed', 'prioritized');
  }

  async close(): Promise<void> {
    await Promise.all([...this.queues.values()].map((queue) => queue.close()));
  }

  private queueOf(municipality: MunicipalityId): Queue<AgendaJobData> {
    const queue = this.queues.get(municipality);
    if (queue === undefined) throw new Error(`no agenda queue for municipality ${municipality}`);
    return queue;
  }
}
