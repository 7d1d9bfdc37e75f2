/** Kafka's committed offset is the NEXT offset to read: one past the last message handled. */
export interface PartitionOffset {
  readonly topic: string;
  readonly partition: number;
  readonly offset: string;
}

/** Sends one OffsetCommit request; rejects when the broker refuses it (rebalance, lost membership). */
export type CommitRequest = (offsets: readonly PartitionOffset[]) => Promise<void>;

/**
 * Offsets handled but not yet committed, sent together at most once per interval. Each OffsetCommit costs
 * the broker about as much as a produce request (measured: 1.5–2 ms of broker CPU on the 2-core machine);
 * one per handled partition batch made commits the broker's largest cost per signal. Holding them back
 * widens what a crash redelivers by at most the interval, which at-least-once consumers already handle.
 *
 * Requests go out one after another, each with the newest offset of every partition at the moment it is
 * sent, so this consumer's commits of a partition only ever move it forward.
 */
export class OffsetCommits {
  private readonly pending = new Map<string, PartitionOffset>();
  private lastSentAt = 0;
  private sending: Promise<void> = Promise.resolve();
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly intervalMs: number,
    /** Used outside a batch (timer, rebalance, stop): the consumer's own commit, which only works while it runs. */
    private readonly consumerCommit: CommitRequest,
    /** A failed commit outside a batch: its offsets are redelivered. */
    private readonly onFlushFailure: (error: unknown) => void,
  ) {}

  /** The message at `lastHandled` and every one before it in its partition are done. */
  handled(topic: string, partition: number, lastHandled: string): void {
    this.pending.set(`${topic}\u0000${partition}`, { topic, partition, offset: (BigInt(lastHandled) + 1n).toString() });
  }

  /** True when a commit is due now; otherwise the timer sends the pending offsets once the interval is over. */
  due(): boolean {
    if (this.pending.size === 0) return false;
    const waitMs = this.lastSentAt + this.intervalMs - Date.now();
    if (waitMs <= 0) return true;
    this.timer ??= setTimeout(() => {
      this.timer = undefined;
      void this.flush();
    }, waitMs);
    return false;
  }

  /** Sends every pending offset through `commit` (after any request already on its way). */
  send(commit: CommitRequest): Promise<void> {
    const sent = this.sending.then(async () => {
      if (this.pending.size === 0) return;
      const offsets = [...this.pending.values()];
      this.pending.clear();
      this.lastSentAt = Date.now();
      await commit(offsets);
    });
    // A failed request must not stop later ones; its caller sees the failure.
    this.sending = sent.catch(() => undefined);
    return sent;
  }

  /** Sends every pending offset through the consumer's own commit; a failure goes to `onFlushFailure`. */
  flush(): Promise<void> {
    return this.send(this.consumerCommit).catch((error: unknown) => {
      this.onFlushFailure(error);
    });
  }

  /** Stops the timer; what is still pending is redelivered after a restart unless sent first. */
  stop(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }
}

/** The OffsetCommit request body kafkajs takes: offsets grouped by topic. */
export function offsetsByTopic(offsets: readonly PartitionOffset[]): { topics: { topic: string; partitions: { partition: number; offset: string }[] }[] } {
  const byTopic = new Map<string, { partition: number; offset: string }[]>();
  for (const { topic, partition, offset } of offsets) {
    const partitions = byTopic.get(topic) ?? [];
    partitions.push({ partition, offset });
    byTopic.set(topic, partitions);
  }
  return { topics: [...byTopic].map(([topic, partitions]) => ({ topic, partitions })) };
}
