/** The dead-letter topic of a topic. Derived, never configured, so every service agrees on it. */
export function deadLetterTopic(topic: string): string {
  return `${topic}.dlq`;
}

/**
 * Headers the bus adds to a dead letter, next to the original headers. PERSISTED in the broker with
 * each dead letter: never rename one.
 */
export const DeadLetterHeaders = {
  reason: 'signaalhub-dlq-reason',
  sourceTopic: 'signaalhub-dlq-source-topic',
  sourcePartition: 'signaalhub-dlq-source-partition',
  sourceOffset: 'signaalhub-dlq-source-offset',
  failedAt: 'signaalhub-dlq-failed-at',
  attempts: 'signaalhub-dlq-attempts',
} as const;

/** A consumed message, as far as a dead letter needs it: its bytes and where it was read. */
export interface DeadLetterSource<Key, Value, HeaderValue> {
  readonly topic: string;
  readonly partition: number;
  readonly offset: string;
  readonly key: Key;
  readonly value: Value;
  readonly headers?: Readonly<Record<string, HeaderValue>> | undefined;
}

/** The message to produce to `topic` (the source topic's dead-letter topic). */
export interface DeadLetter<Key, Value, HeaderValue> {
  readonly topic: string;
  readonly message: { readonly key: Key; readonly value: Value; readonly headers: Record<string, HeaderValue | string> };
}

/**
 * The one dead-letter message, for the bus after its retries and for a receiver that refuses at once:
 * the original key, value (still ciphertext) and headers, plus why (`describeFailure` of the failure,
 * e.g. `Refused: BAD_SIGNATURE`), where from, when and after how many attempts.
 */
export function deadLetterOf<Key, Value, HeaderValue>(
  source: DeadLetterSource<Key, Value, HeaderValue>,
  failure: unknown,
  attempts: number,
  failedAt: Date = new Date(),
): DeadLetter<Key, Value, HeaderValue> {
  return {
    topic: deadLetterTopic(source.topic),
    message: {
      key: source.key,
      value: source.value,
      headers: {
        ...source.headers,
        [DeadLetterHeaders.reason]: describeFailure(failure),
        [DeadLetterHeaders.sourceTopic]: source.topic,
        [DeadLetterHeaders.sourcePartition]: String(source.partition),
        [DeadLetterHeaders.sourceOffset]: source.offset,
        [DeadLetterHeaders.failedAt]: failedAt.toISOString(),
        [DeadLetterHeaders.attempts]: String(attempts),
      },
    },
  };
}

/** Long enough to diagnose, short enough that a handler echoing its input cannot flood the DLQ header. */
export const MAX_REASON_LENGTH = 500;

/** `Name: message`, truncated. Non-Error rejections (Nest error objects, strings) are described too. */
export function describeFailure(error: unknown): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : describeNonError(error);
  return text.length > MAX_REASON_LENGTH ? `${text.slice(0, MAX_REASON_LENGTH - 1)}…` : text;
}

function describeNonError(value: unknown): string {
  if (typeof value === 'string') return `NonError: ${value}`;
  try {
    // JSON.stringify returns undefined for functions and undefined, despite its declared type.
    const json = JSON.stringify(value) as string | undefined;
    return `NonError: ${json ?? String(value)}`;
  } catch {
    return 'NonError: (unserialisable)';
  }
}
