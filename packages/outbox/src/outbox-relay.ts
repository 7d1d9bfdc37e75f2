import type { Logger } from '@signaalhub/logging';
import type { OutboxMessage, OutboxPublisher, OutboxSource } from './outbox-message.js';

export interface OutboxRelayOptions {
  readonly source: OutboxSource;
  readonly publisher: OutboxPublisher;
  readonly logger: Logger;
  /** Fallback poll; `wake()` (LISTEN/NOTIFY) normally starts a round at once. */
  readonly pollMs: number;
  readonly batchSize?: number;
  /** Backoff while the broker or the database fails: initial, doubling, capped. */
  readonly backoff?: { readonly initialMs: number; readonly maxMs: number };
}

export type RelayRound = { readonly kind: 'published'; readonly count: number } | { readonly kind: 'idle' } | { readonly kind: 'failed' };

const DEFAULT_BACKOFF = { initialMs: 200, maxMs: 10_000 };

/**
 * Moves accepted envelopes from the PostgreSQL outbox to Kafka: oldest first, marked published only
 * after the broker acknowledged, retried with backoff while Kafka (or PostgreSQL) is away. A crash
 * between acknowledgement and marking publishes a row twice: delivery is at-least-once and consumers
 * dedupe by message id.
 */
export class OutboxRelay {
  private readonly batchSize: number;
  private readonly backoff: { readonly initialMs: number; readonly maxMs: number };
  private running = false;
  private loop: Promise<void> | undefined;
  private wakeUp: (() => void) | undefined;
  private woken = false;
  private failures = 0;

  constructor(private readonly options: OutboxRelayOptions) {
    this.batchSize = options.batchSize ?? 100;
    this.backoff = options.backoff ?? DEFAULT_BACKOFF;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  /** Finishes the round in progress (its rows are either marked or released), then stops. */
  async stop(): Promise<void> {
    this.running = false;
    this.wake();
    await this.loop;
    await this.options.publisher.close();
  }

  /** New rows were committed: start a round now instead of at the next poll. */
  wake(): void {
    this.woken = true;
    this.wakeUp?.();
  }

  /** One claim → publish → mark round; exposed for tests. */
  async runRound(): Promise<RelayRound> {
    let batch;
    try {
      batch = await this.options.source.claimBatch(this.batchSize);
    } catch (error) {
      this.options.logger.warn({ errorName: errorName(error) }, 'outbox relay cannot read the outbox');
      return { kind: 'failed' };
    }
    if (batch === undefined) return { kind: 'idle' };
    try {
      for (const run of runsByTopic(batch.messages)) await this.options.publisher.publish(run.topic, run.messages);
    } catch (error) {
      // Only the error's name: a broker error is harmless, but no error text is logged on principle.
      this.options.logger.warn({ count: batch.messages.length, errorName: errorName(error) }, 'outbox relay cannot publish; will retry');
      await batch.release().catch(() => undefined);
      return { kind: 'failed' };
    }
    try {
      await batch.markPublished();
    } catch (error) {
      // Published but not marked: the next round publishes these again (consumers dedupe by message id).
      this.options.logger.warn({ count: batch.messages.length, errorName: errorName(error) }, 'outbox relay published but could not mark');
      return { kind: 'failed' };
    }
    this.options.logger.info({ count: batch.messages.length, firstPosition: batch.messages[0]?.position }, 'outbox relay published');
    return { kind: 'published', count: batch.messages.length };
  }

  private async run(): Promise<void> {
    while (this.running) {
      this.woken = false;
      const round = await this.runRound();
      // stop() may have been called while the round ran.
      if (this.stopRequested()) break;
      switch (round.kind) {
        case 'published':
          this.failures = 0;
          // A full batch means more may be waiting: go again without waiting.
          if (round.count >= this.batchSize) continue;
          await this.pause(this.options.pollMs);
          break;
        case 'idle':
          this.failures = 0;
          await this.pause(this.options.pollMs);
          break;
        case 'failed':
          this.failures += 1;
          await this.pause(this.backoffMs(), { ignoreWake: true });
          break;
      }
    }
  }

  private stopRequested(): boolean {
    return !this.running;
  }

  private backoffMs(): number {
    return Math.min(this.backoff.initialMs * 2 ** Math.min(this.failures - 1, 30), this.backoff.maxMs);
  }

  /** Waits for the delay, or until woken (a wake during the round counts, so none is lost). */
  private pause(delayMs: number, { ignoreWake = false } = {}): Promise<void> {
    if (!ignoreWake && this.woken) return Promise.resolve();
    return new Promise<void>((resolve) => {
      const timer = setTimeout(done, delayMs);
      // A failing broker is not retried faster because new rows arrive; stop still ends the wait.
      this.wakeUp = () => {
        if (!ignoreWake || !this.running) done();
      };
      function done(): void {
        clearTimeout(timer);
        resolve();
      }
    }).finally(() => {
      this.wakeUp = undefined;
    });
  }
}

/** Consecutive messages of one topic, in outbox order, so each send keeps the order. */
export function runsByTopic(messages: readonly OutboxMessage[]): { topic: string; messages: OutboxMessage[] }[] {
  const runs: { topic: string; messages: OutboxMessage[] }[] = [];
  for (const message of messages) {
    const last = runs.at(-1);
    if (last?.topic === message.topic) last.messages.push(message);
    else runs.push({ topic: message.topic, messages: [message] });
  }
  return runs;
}

function errorName(error: unknown): string {
  return error instanceof Error ? error.name : typeof error;
}
