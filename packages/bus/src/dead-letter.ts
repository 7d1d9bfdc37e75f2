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
