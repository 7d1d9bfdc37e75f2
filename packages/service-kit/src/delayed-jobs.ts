import type { JobData, JobDefinition } from '@signaalhub/contracts';
import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { CAPPED_BACKOFF } from './capped-backoff.js';

/** One delayed job: a deterministic id (it names the moment it is for), ids-only data, and when it fires. */
export interface TimedJob<Data> {
  readonly jobId: string;
  readonly data: Data;
  readonly fireAt: Date;
}

const KEEP_COMPLETED_SECONDS = 30 * 24 * 60 * 60;

/**
 * Timers for reminders and alerts on one queue of the job catalog (the database stays the source of what
 * is due; Redis only keeps the time). Adding a job whose id exists keeps the one job, so re-adding every
 * pending job on start (after a restart or a lost Redis) doubles nothing; a moment that has passed fires
 * at once (delay 0), from the application clock.
 */
export class DelayedJobs<Job extends JobDefinition & { readonly queue: string }> {
  private readonly queue: Queue;

  private readonly connection: Redis;
  private readonly listeners: { readonly event: 'reconnecting' | 'ready'; readonly listener: () => void }[] = [];

  constructor(
    private readonly job: Job,
    options: { readonly connection: Redis; readonly prefix: string; readonly clock: () => Date },
  ) {
    this.connection = options.connection;
    this.queue = new Queue(job.queue, { connection: options.connection, prefix: options.prefix });
    this.clock = options.clock;
  }

  private readonly clock: () => Date;

  /**
   * Calls `reconcile` each time the connection is ready again after it was lost (never on the first
   * connect). A Redis that restarted may have lost jobs — all of them without its data directory, the last
   * second's writes with `appendfsync everysec` — so the owner re-adds its pending jobs from its database
   * at once instead of waiting for its own restart; deterministic ids make that harmless when nothing was lost.
   */
  onReconnect(reconcile: () => void): void {
    let lost = false;
    const reconnecting = (): void => {
      lost = true;
    };
    const ready = (): void => {
      if (!lost) return;
      lost = false;
      reconcile();
    };
    this.connection.on('reconnecting', reconnecting);
    this.connection.on('ready', ready);
    this.listeners.push({ event: 'reconnecting', listener: reconnecting }, { event: 'ready', listener: ready });
  }

  async add(jobs: readonly TimedJob<JobData<Job>>[]): Promise<void> {
    const now = this.clock().getTime();
    for (const timed of jobs) {
      await this.queue.add(this.job.name, timed.data, {
        jobId: timed.jobId,
        delay: Math.max(0, timed.fireAt.getTime() - now),
        attempts: 1_000,
        backoff: CAPPED_BACKOFF,
        removeOnComplete: { age: KEEP_COMPLETED_SECONDS },
        removeOnFail: false,
      });
    }
  }

  /** Jobs of a moment that moved or no longer applies; one running now stays, and its handler re-checks. */
  async remove(jobIds: readonly string[]): Promise<void> {
    for (const jobId of jobIds) await this.queue.remove(jobId).catch(() => 0);
  }

  /** The ids of jobs still waiting for their moment (for tests and diagnostics). */
  async pendingIds(): Promise<string[]> {
    const jobs = await this.queue.getJobs(['delayed', 'waiting']);
    return jobs.flatMap((job) => (job.id === undefined ? [] : [job.id]));
  }

  close(): Promise<void> {
    for (const { event, listener } of this.listeners.splice(0)) this.connection.off(event, listener);
    return this.queue.close();
  }
}
