import { deadLetterTopic, DeadLetterHeaders, type BusMessage, type BusProducer } from '@signaalhub/bus';

/**
 * A message that can never be admitted (forged, tampered, not for us, malformed): retrying it is
 * pointless and, with the bus's backoff, would hold up every message behind it for seconds. It goes to
 * the topic's dead-letter topic at once, as the bus itself would after its retries (same headers).
 */
export class PermanentRejection {
  constructor(private readonly producer: BusProducer) {}

  async deadLetter(message: BusMessage, reasonCode: string): Promise<void> {
    await this.producer.send(deadLetterTopic(message.topic), [
      {
        key: message.key,
        value: message.value,
        headers: {
          ...message.headers,
          [DeadLetterHeaders.reason]: reasonCode,
          [DeadLetterHeaders.sourceTopic]: message.topic,
          [DeadLetterHeaders.sourcePartition]: String(message.partition),
          [DeadLetterHeaders.sourceOffset]: message.offset,
          [DeadLetterHeaders.failedAt]: new Date().toISOString(),
          [DeadLetterHeaders.attempts]: '1',
        },
      },
    ]);
  }
}
