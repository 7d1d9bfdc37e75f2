/** One row of the outbox: an envelope waiting to be published. Key and value are exactly what Kafka gets. */
export interface OutboxMessage {
  /** Position in the outbox; publishing follows it. */
  readonly position: string;
  /** The envelope's message id; consumers dedupe on it. */
  readonly messageId: string;
  readonly topic: string;
  /** The municipality (ordering per municipality), never personal data. */
  readonly key: string;
  /** Envelope JSON bytes. */
  readonly value: Buffer;
}

/**
 * Unpublished rows, locked for this relay until `markPublished` (after the broker acknowledged) or
 * `release` (publishing failed: the rows stay for the next attempt).
 */
export interface ClaimedOutboxBatch {
  readonly messages: readonly OutboxMessage[];
  markPublished(): Promise<void>;
  release(): Promise<void>;
}

/** What readiness shows: rows accepted but not yet acknowledged by the broker. */
export interface OutboxBacklog {
  readonly pending: number;
  /** Age of the oldest unpublished row; null when there is none. */
  readonly oldestAgeSeconds: number | null;
}

export interface OutboxSource {
  /** The oldest unpublished rows, or undefined when there are none or another relay is publishing. */
  claimBatch(limit: number): Promise<ClaimedOutboxBatch | undefined>;
}

export interface OutboxPublisher {
  /** Resolves only once the broker acknowledged every message (acks=all), in the given order. */
  publish(topic: string, messages: readonly OutboxMessage[]): Promise<void>;
  close(): Promise<void>;
}
