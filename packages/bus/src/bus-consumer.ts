import type { Logger } from '@signaalhub/logging';
import { Partitioners, type Consumer, type EachBatchPayload, type IHeaders, type Kafka, type KafkaMessage, type Producer, type RetryOptions } from 'kafkajs';
import type { BusMessage } from './bus-message.js';
import { deadLetterOf, describeFailure } from './dead-letter.js';
import { OffsetCommits, offsetsByTopic, type PartitionOffset } from './offset-commits.js';
import { backoffDelayMs, DEFAULT_RETRY_POLICY, validateRetryPolicy, type RetryPolicy } from './retry-policy.js';
import { checkSubscriptions, type Subscription } from './subscriptions.js';

/** Consumes with commit-after-success, retry with backoff, dead-lettering and crash supervision. */
export interface BusConsumer {
  /** Checks the subscriptions, connects and starts consuming; rejects when the check fails. */
  start(): Promise<void>;
  /** Lets the messages in flight finish, commits what was handled, leaves the group and disconnects. */
  stop(): Promise<void>;
}

/** Called when the consumer cannot go on; must end the process or restart the service. */
export type FatalErrorHandler = (error: Error) => void;

export interface ConsumerTuning {
  readonly groupId: string;
  readonly retry?: RetryPolicy;
  /** How long the group waits for a silent member before giving its partitions to another. Default 30 000. */
  readonly sessionTimeoutMs?: number;
  /** Default 3 000; must be well below sessionTimeoutMs. */
  readonly heartbeatIntervalMs?: number;
  /** Consecutive crash restarts before `onFatal`; progress resets the count. Default 5. */
  readonly maxRestarts?: number;
  /** Default: log and `process.exit(1)` — a consumer never dies silently. */
  readonly onFatal?: FatalErrorHandler;
  /** Where a new group starts. Default true: nothing produced before the first start is skipped. */
  readonly fromBeginning?: boolean;
  /** Partitions handled in parallel (ordering holds per partition while messagesInFlightPerPartition is 1). Default 1. */
  readonly partitionsConsumedConcurrently?: number;
  /**
   * Messages of one partition handled at once. Default 1: in order. Above 1, up to this many consecutive
   * messages run concurrently and the offset moves past all of them once all are done; only for
   * handlers that are idempotent and do not depend on the order within a partition.
   */
  readonly messagesInFlightPerPartition?: number;
  /**
   * Handled offsets are committed together at most this often (and at once on a failure, a stop or a
   * revoked partition). Default 500; 0 commits after every batch. A crash redelivers at most this much more.
   */
  readonly commitIntervalMs?: number;
}

export interface SubscriptionConsumerSettings extends ConsumerTuning {
  readonly expectedTopics: readonly string[];
  readonly subscriptions: readonly Subscription[];
}

/** Raised inside the retry loop when the message must be left for redelivery (stop or rebalance). */
class ProcessingAbandoned extends Error {
  override readonly name = 'ProcessingAbandoned';
}

export class KafkaBusConsumer implements BusConsumer {
  private readonly consumer: Consumer;
  private readonly deadLetterProducer: Producer;
  private readonly handlers: ReadonlyMap<string, Subscription['handler']>;
  private readonly retry: RetryPolicy;
  private readonly heartbeatIntervalMs: number;
  private readonly maxRestarts: number;
  private readonly messagesInFlight: number;
  private readonly onFatal: FatalErrorHandler;
  private readonly logger: Logger;
  private readonly commits: OffsetCommits;
  private consecutiveRestarts = 0;
  private stopping = false;
  private started = false;

  constructor(
    kafka: Kafka,
    private readonly settings: SubscriptionConsumerSettings,
    logger: Logger,
    clientRetry?: RetryOptions,
  ) {
    this.logger = logger.child({ groupId: settings.groupId });
    this.retry = validateRetryPolicy(settings.retry ?? DEFAULT_RETRY_POLICY);
    this.heartbeatIntervalMs = settings.heartbeatIntervalMs ?? 3_000;
    this.maxRestarts = settings.maxRestarts ?? 5;
    this.messagesInFlight = settings.messagesInFlightPerPartition ?? 1;
    if (!Number.isInteger(this.messagesInFlight) || this.messagesInFlight < 1) {
      throw new Error('messagesInFlightPerPartition must be a whole number of at least 1');
    }
    this.onFatal = settings.onFatal ?? this.exitProcess;
    const commitIntervalMs = settings.commitIntervalMs ?? 500;
    if (!Number.isInteger(commitIntervalMs) || commitIntervalMs < 0) throw new Error('commitIntervalMs must be a whole number of at least 0');
    this.commits = new OffsetCommits(
      commitIntervalMs,
      (offsets) => this.consumer.commitOffsets([...offsets]),
      (error) => {
        this.logger.warn({ errorName: errorName(error) }, 'commit failed; messages will be redelivered');
      },
    );
    this.handlers = new Map(settings.subscriptions.map(({ topic, handler }) => [topic, handler]));
    this.consumer = kafka.consumer({
      groupId: settings.groupId,
      sessionTimeout: settings.sessionTimeoutMs ?? 30_000,
      heartbeatInterval: this.heartbeatIntervalMs,
      allowAutoTopicCreation: false,
      retry: {
        ...clientRetry,
        // kafkajs only asks this for retriable crashes; non-retriable ones end in CRASH with restart=false.
        restartOnFailure: () => {
          this.consecutiveRestarts += 1;
          return Promise.resolve(this.consecutiveRestarts <= this.maxRestarts);
        },
      },
    });
    this.deadLetterProducer = kafka.producer({
      ...(clientRetry === undefined ? {} : { retry: clientRetry }),
      idempotent: true,
      maxInFlightRequests: 1,
      createPartitioner: Partitioners.DefaultPartitioner,
      // A missing `<topic>.dlq` must crash loudly, not appear with the broker's default retention.
      allowAutoTopicCreation: false,
    });
    // A rebalance may hand partitions to another member: what this one handled is committed first, not later
    // under the next generation (where it could move back an offset the new owner committed since).
    this.consumer.on(this.consumer.events.REBALANCING, () => {
      void this.commits.flush();
    });
    this.consumer.on(this.consumer.events.CRASH, ({ payload }) => {
      this.onCrash(payload.error, payload.restart);
    });
  }

  async start(): Promise<void> {
    if (this.started) throw new Error(`Consumer of group "${this.settings.groupId}" was already started`);
    checkSubscriptions(this.settings.expectedTopics, this.settings.subscriptions);
    this.started = true;
    await this.deadLetterProducer.connect();
    await this.consumer.connect();
    await this.consumer.subscribe({
      topics: [...this.settings.expectedTopics],
      fromBeginning: this.settings.fromBeginning ?? true,
    });
    await this.consumer.run({
      autoCommit: false,
      eachBatchAutoResolve: false,
      partitionsConsumedConcurrently: this.settings.partitionsConsumedConcurrently ?? 1,
      eachBatch: (payload) => this.handleBatch(payload),
    });
    this.logger.info({ topics: this.settings.expectedTopics }, 'bus consumer started');
  }

  async stop(): Promise<void> {
    if (this.stopping || !this.started) return;
    this.stopping = true;
    this.commits.stop();
    // While the consumer still runs, its own commit works: what earlier batches handled is committed now.
    await this.commits.flush();
    // disconnect() stops the runner first, which waits for the in-flight batch to return (and commit).
    await this.consumer.disconnect();
    await this.deadLetterProducer.disconnect();
    this.logger.info('bus consumer stopped');
  }

  /**
   * One fetched batch of one partition, in groups of `messagesInFlightPerPartition` (1: one by one).
   * A group's offsets are resolved once all its messages succeeded (or their dead letters were
   * acknowledged); the commit follows at the end, together with other partitions' within the commit
   * interval (see OffsetCommits): a crash in between only means redelivery (at-least-once).
   */
  private async handleBatch(payload: EachBatchPayload): Promise<void> {
    const { batch } = payload;
    let lastDone: string | undefined;
    let failure: Error | undefined;
    try {
      for (let start = 0; start < batch.messages.length; start += this.messagesInFlight) {
        if (this.stopping || !payload.isRunning() || payload.isStale()) break;
        const group = batch.messages.slice(start, start + this.messagesInFlight);
        // All of the group settle before the offset moves: a failure must not leave others running unseen.
        const outcomes = await Promise.allSettled(group.map((message) => this.handleWithRetry(batch.topic, batch.partition, message, payload)));
        const rejected = outcomes.find((outcome) => outcome.status === 'rejected');
        if (rejected !== undefined) throw rejected.reason;
        const last = group[group.length - 1]?.offset ?? '';
        payload.resolveOffset(last);
        lastDone = last;
        await payload.heartbeat();
      }
    } catch (error) {
      failure = error instanceof Error ? error : new Error(describeFailure(error));
    }
    if (lastDone !== undefined) this.commits.handled(batch.topic, batch.partition, lastDone);
    // On a failure, a stop or a revoked partition the handled offsets go now: the next owner starts there.
    const commitNow = failure !== undefined || this.stopping || !payload.isRunning() || payload.isStale();
    if (commitNow || this.commits.due()) await this.commit(payload, failure !== undefined);
    if (failure !== undefined && !(failure instanceof ProcessingAbandoned)) throw failure;
    if (failure === undefined) this.consecutiveRestarts = 0;
  }

  private async handleWithRetry(topic: string, partition: number, raw: KafkaMessage, payload: EachBatchPayload): Promise<void> {
    const handler = this.handlers.get(topic);
    if (handler === undefined) throw new Error(`No handler for topic "${topic}" (subscriptions changed after start)`);
    const message = toBusMessage(topic, partition, raw);
    for (let attempt = 1; ; attempt += 1) {
      try {
        await handler(message);
        return;
      } catch (error) {
        if (attempt > this.retry.retries) {
          await this.deadLetter(topic, partition, raw, error, attempt);
          return;
        }
        const delayMs = backoffDelayMs(this.retry, attempt);
        // Only the error's name is logged: its message may echo content; the full reason goes to the DLQ header.
        this.logger.warn({ topic, partition, offset: raw.offset, attempt, delayMs, errorName: errorName(error) }, 'handler failed; retrying');
        await this.waitWithHeartbeats(delayMs, payload);
      }
    }
  }

  /** Sleeps between attempts without missing heartbeats; gives the message up on stop or rebalance. */
  private async waitWithHeartbeats(delayMs: number, payload: EachBatchPayload): Promise<void> {
    const until = Date.now() + delayMs;
    for (let remaining = delayMs; remaining > 0; remaining = until - Date.now()) {
      if (!payload.isRunning() || payload.isStale()) throw new ProcessingAbandoned('consumer stopping or partition revoked');
      await new Promise((resolve) => setTimeout(resolve, Math.min(remaining, this.heartbeatIntervalMs)));
      await payload.heartbeat();
    }
  }

  /** The original bytes (key, value, headers) plus why and where from. Resolves once acknowledged. */
  private async deadLetter(topic: string, partition: number, raw: KafkaMessage, failure: unknown, attempts: number): Promise<void> {
    const letter = deadLetterOf({ topic, partition, offset: raw.offset, key: raw.key, value: raw.value, headers: raw.headers }, failure, attempts);
    await this.deadLetterProducer.send({ topic: letter.topic, acks: -1, messages: [letter.message] });
    // The reason may echo handler text; it stays in the DLQ header, the log gets coordinates only.
    this.logger.error({ topic, partition, offset: raw.offset, attempts, deadLetterTopic: letter.topic }, 'message dead-lettered');
  }

  private async commit(payload: EachBatchPayload, alreadyFailing: boolean): Promise<void> {
    try {
      // Through the batch payload, not `consumer.commitOffsets`: the latter silently does nothing once
      // stop() was called, so the in-flight message finished during shutdown would be redelivered.
      await this.commits.send(async (offsets: readonly PartitionOffset[]) => {
        await payload.commitOffsetsIfNecessary(offsetsByTopic(offsets));
        this.logger.debug({ partitions: offsets.length }, 'committed');
      });
    } catch (error) {
      // A commit lost to a rebalance or crash only means redelivery; the original failure matters more.
      this.logger.warn({ topic: payload.batch.topic, partition: payload.batch.partition, errorName: errorName(error) }, 'commit failed; messages will be redelivered');
      if (!alreadyFailing) throw error;
    }
  }

  private onCrash(error: Error, kafkaRestarts: boolean): void {
    if (this.stopping) return;
    if (kafkaRestarts) {
      this.logger.warn({ error: describeFailure(error), restart: this.consecutiveRestarts }, 'bus consumer crashed; restarting');
      return;
    }
    this.logger.fatal({ error: describeFailure(error) }, 'bus consumer crashed and will not restart');
    this.onFatal(error);
  }

  private readonly exitProcess: FatalErrorHandler = () => {
    // A half-dead service that keeps answering health checks is worse than a restart by the supervisor.
    process.exit(1);
  };
}

function errorName(error: unknown): string {
  return error instanceof Error ? error.name : typeof error;
}

function toBusMessage(topic: string, partition: number, raw: KafkaMessage): BusMessage {
  return {
    topic,
    partition,
    offset: raw.offset,
    key: raw.key?.toString('utf8') ?? '',
    value: raw.value ?? Buffer.alloc(0),
    headers: decodeHeaders(raw.headers),
  };
}

/** Kafka allows repeated header keys; the last one wins, as in most HTTP-style header maps. */
function decodeHeaders(headers: IHeaders | undefined): Record<string, string> {
  const decoded: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    const last = Array.isArray(value) ? value.at(-1) : value;
    if (last !== undefined) decoded[name] = last.toString();
  }
  return decoded;
}
