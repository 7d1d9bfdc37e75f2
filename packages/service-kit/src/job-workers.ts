import { ConfigError } from '@signaalhub/config';
import { jobQueueNames, type JobCatalog, type JobData, type JobDefinition, type MunicipalityId } from '@signaalhub/contracts';
import type { Logger } from '@signaalhub/logging';
import { UnrecoverableError, Worker, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import { cappedBackoffMs } from './capped-backoff.js';

/** What a handler learns of its job besides the validated data: ids, never content. */
export interface JobContext {
  readonly id: string;
  readonly queue: string;
  readonly attemptsMade: number;
}

/** Handles one job; throwing makes BullMQ retry it (an `UnrecoverableError` does not). */
export type JobHandler<Data> = (data: Data, job: JobContext) => Promise<void>;

/** One handler per job the service runs, typed from its catalog entries: a missing one fails to compile. */
export type JobHandlers<Catalog extends JobCatalog> = { readonly [Key in keyof Catalog]: JobHandler<JobData<Catalog[Key]>> };

export interface CreateWorkersOptions<Catalog extends JobCatalog> {
  readonly connection: Redis;
  readonly prefix: string;
  /** The entries of the contracts' `Jobs` catalog this service runs. */
  readonly jobs: Catalog;
  readonly handlers: JobHandlers<Catalog>;
  /** The municipalities whose queues a per-municipality job runs on. */
  readonly municipalities?: readonly MunicipalityId[];
  /** Jobs a queue's worker takes at once (default 1). */
  readonly concurrency?: { readonly [Key in keyof Catalog]?: number };
  readonly logger: Logger;
}

/** One BullMQ worker per queue of the service's jobs. */
export interface JobWorkers {
  readonly queueNames: readonly string[];
  start(): Promise<void>;
  /** Waits for jobs in progress, then stops taking new ones (SIGTERM: before the Redis connection closes). */
  close(): Promise<void>;
}

/**
 * Raised at start-up when a job would have no handler (its jobs would wait forever) or two (double
 * handling): a configuration error, so the service stops with exit 78 naming each job.
 */
export class WorkerCoverageError extends ConfigError {
  override readonly name = 'WorkerCoverageError';
}

interface JobRoute {
  readonly key: string;
  readonly job: JobDefinition;
  readonly handler: JobHandler<unknown>;
}

/** Per queue, per job name: the one route a job of that name takes. */
type QueueRoutes = Map<string, Map<string, JobRoute>>;

/**
 * Which handler takes a job, per queue and job name — and the start-up check: every job the service declares
 * it runs has exactly one handler on each of its queues, and every handler serves a declared job; otherwise
 * one `WorkerCoverageError` names each job (and handler) that fails.
 */
export function jobRoutes(
  jobs: JobCatalog,
  handlers: Readonly<Record<string, unknown>>,
  municipalities: readonly MunicipalityId[] = [],
): QueueRoutes {
  const problems: string[] = [];
  const candidates = new Map<string, Map<string, JobRoute[]>>();
  for (const [key, job] of Object.entries(jobs)) {
    const queues = jobQueueNames(job, municipalities);
    const handler = handlers[key];
    if (queues.length === 0) {
      problems.push(`job '${job.name}' has no queue: it runs one per municipality and no municipalities were given`);
    } else if (typeof handler !== 'function') {
      problems.push(`job '${job.name}' (${describeQueues(queues)}) has no handler`);
    } else {
      for (const queue of queues) {
        const byName = candidates.get(queue) ?? new Map<string, JobRoute[]>();
        byName.set(job.name, [...(byName.get(job.name) ?? []), { key, job, handler: handler as JobHandler<unknown> }]);
        candidates.set(queue, byName);
      }
    }
  }
  for (const key of Object.keys(handlers)) {
    if (!Object.hasOwn(jobs, key)) problems.push(`handler '${key}' serves no job this service runs`);
  }
  // A job on one queue per municipality is named once, with every queue where it has two handlers.
  const duplicates = new Map<string, { name: string; keys: string[]; queues: string[] }>();
  const routes: QueueRoutes = new Map();
  for (const [queue, byName] of candidates) {
    const chosen = new Map<string, JobRoute>();
    for (const [name, found] of byName) {
      const [first] = found;
      if (found.length === 1 && first !== undefined) {
        chosen.set(name, first);
        continue;
      }
      const keys = found.map((route) => route.key);
      const id = `${name}\u0000${keys.join(',')}`;
      const duplicate = duplicates.get(id) ?? { name, keys, queues: [] };
      duplicate.queues.push(queue);
      duplicates.set(id, duplicate);
    }
    routes.set(queue, chosen);
  }
  for (const { name, keys, queues } of duplicates.values()) {
    problems.push(`job '${name}' (${describeQueues(queues)}) has ${keys.length} handlers: ${keys.join(', ')}`);
  }
  if (problems.length > 0) throw new WorkerCoverageError(problems);
  return routes;
}

function describeQueues(queues: readonly string[]): string {
  return `${queues.length === 1 ? 'queue' : 'queues'} ${queues.map((queue) => `'${queue}'`).join(', ')}`;
}

/**
 * The workers of a service, made from its catalog entries and handlers. Refuses (at once, before any worker
 * exists) when a job has no handler or two; each job's data is validated against its schema before its
 * handler sees it, and failed jobs are retried on the capped backoff.
 */
export function createWorkers<Catalog extends JobCatalog>(options: CreateWorkersOptions<Catalog>): JobWorkers {
  const { connection, prefix, logger } = options;
  const routes = jobRoutes(options.jobs, options.handlers, options.municipalities);
  const workers: Worker[] = [];

  const concurrencyOf = (byName: Map<string, JobRoute>): number =>
    Math.max(1, ...[...byName.values()].map((route) => options.concurrency?.[route.key] ?? 1));

  const handle = async (queue: string, byName: Map<string, JobRoute>, job: Job): Promise<void> => {
    const id = String(job.id);
    const route = byName.get(job.name);
    // Retrying cannot fix a job nobody here runs or a malformed one; it goes to the failed set for an operator.
    if (route === undefined) throw new UnrecoverableError(`job ${id} on queue '${queue}' has a name no handler here serves`);
    // Validated on the way out of Redis: a job written by an older or foreign writer must not reach a handler half-formed.
    const parsed = route.job.data.safeParse(job.data);
    if (!parsed.success) throw new UnrecoverableError(`job '${route.job.name}' ${id} has the wrong shape`);
    await route.handler(parsed.data, { id, queue, attemptsMade: job.attemptsMade });
  };

  return {
    queueNames: [...routes.keys()],
    async start() {
      if (workers.length > 0) return;
      for (const [queue, byName] of routes) {
        const worker = new Worker(queue, (job) => handle(queue, byName, job), {
          connection,
          prefix,
          concurrency: concurrencyOf(byName),
          settings: { backoffStrategy: (attemptsMade: number) => cappedBackoffMs(attemptsMade) },
        });
        // Only ids go to the log: an error message may come from the database.
        worker.on('failed', (job, error) => {
          logger.warn({ queue, jobId: job?.id, attemptsMade: job?.attemptsMade, errorName: error.name }, 'job failed; retried while attempts remain');
        });
        worker.on('error', (error) => {
          logger.warn({ queue, errorName: error.name }, 'job worker error');
        });
        workers.push(worker);
      }
      await Promise.all(workers.map((worker) => worker.waitUntilReady()));
      logger.info({ queues: workers.length }, 'job workers started');
    },
    async close() {
      await Promise.all(workers.map((worker) => worker.close()));
      workers.length = 0;
    },
  };
}
