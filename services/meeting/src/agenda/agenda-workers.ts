import type { Logger } from '@signaalhub/logging';
import { UnrecoverableError, Worker, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import { AgendaJobData } from './agenda-job.js';
import type { AgendaQueues } from './agenda-queues.js';
import type { AgendaStore } from './agenda-store.js';
import { cappedBackoffMs } from './capped-backoff.js';

/** Raised at start-up when a queue would have no worker (jobs would wait forever) or two (double handling). */
export class WorkerCoverageError extends Error {
  override readonly name = 'WorkerCoverageError';
}

/** Every queue has exactly one worker, and no worker serves a queue that does not exist. */
export function assertOneWorkerPerQueue(queueNames: readonly string[], workerQueueNames: readonly string[]): void {
  const problems: string[] = [];
  for (const name of queueNames) {
    const count = workerQueueNames.filter((worker) => worker === name).length;
    if (count !== 1) problems.push(`${name} has ${count} workers`);
  }
  for (const name of new Set(workerQueueNames)) {
    if (!queueNames.includes(name)) problems.push(`a worker serves ${name}, which is not an agenda queue`);
  }
  if (problems.length > 0) throw new WorkerCoverageError(`agenda queues need exactly one worker each: ${problems.join('; ')}`);
}

/** One worker per agenda queue: moves each job into the agenda table (idempotent on the message id). */
export class AgendaWorkers {
  private readonly workers: Worker<AgendaJobData>[] = [];

  constructor(
    private readonly queues: AgendaQueues,
    private readonly store: AgendaStore,
    private readonly connection: Redis,
    private readonly prefix: string,
    private readonly logger: Logger,
  ) {}

  async start(): Promise<void> {
    for (const name of this.queues.queueNames()) {
      const worker = new Worker<AgendaJobData>(name, (job) => this.moveToAgenda(job), {
        connection: this.connection,
        prefix: this.prefix,
        concurrency: 4,
        settings: { backoffStrategy: (attemptsMade: number) => cappedBackoffMs(attemptsMade) },
      });
      // Failures are retried by BullMQ; only ids go to the log (the error message may come from the database).
      worker.on('failed', (job, error) => {
        this.logger.warn({ queue: name, jobId: job?.id, attemptsMade: job?.attemptsMade, errorName: error.name }, 'agenda job failed; will retry');
      });
      worker.on('error', (error) => {
        this.logger.warn({ queue: name, errorName: error.name }, 'agenda worker error');
      });
      this.workers.push(worker);
    }
    assertOneWorkerPerQueue(this.queues.queueNames(), this.workers.map((worker) => worker.name));
    await Promise.all(this.workers.map((worker) => worker.waitUntilReady()));
    this.logger.info({ queues: this.workers.length }, 'agenda workers started');
  }

  /** Waits for jobs in progress, then stops taking new ones (SIGTERM: before the Redis connection closes). */
  async close(): Promise<void> {
    await Promise.all(this.workers.map((worker) => worker.close()));
    this.workers.length = 0;
  }

  private async moveToAgenda(job: Job<AgendaJobData>): Promise<void> {
    // Validated again on the way out of Redis: a job written by an older or foreign writer must not reach the table half-formed.
    const parsed = AgendaJobData.safeParse(job.data);
    // Retrying cannot fix a malformed job; it goes to the failed set (still ciphertext) for an operator.
    if (!parsed.success) throw new UnrecoverableError(`agenda job ${String(job.id)} has the wrong shape`);
    const data = parsed.data;
    const added = await this.store.insert(data);
    this.logger.info({ messageId: data.messageId, municipality: data.municipality, added }, added ? 'signal placed on agenda' : 'signal already on agenda');
  }
}
