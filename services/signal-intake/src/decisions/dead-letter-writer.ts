import { deadLetterTopic, DeadLetterHeaders, type BusMessage, type BusProducer } from '@signaalhub/bus';

/**
 * Writes a refused message to `<topic>.dlq` itself, at once. A forged or foreign envelope will never
 * verify, so retrying it (the bus's path for thrown errors) would only hold up the partition.
 * The value stays ciphertext; the reason is an error code, never content.
 */
export class DeadLetterWriter {
  constructor(private readonly producer: BusProducer) {}

  async write(message: BusMessage, reason: string): Promise<void> {
    await this.producer.send(deadLetterTopic(message.topic), [
      {
        key: message.key,
        value: message.value,
        headers: {
          ...message.headers,
          [DeadLetterHeaders.reason]: reason,
          [DeadLetterHeaders.sourceTopic]: message.topic,
          [DeadLetterHeaders.sourcePartition]: String(message.partition),
          [DeadLetterHeaders.sourceOffset]: message.offset,
          [DeadLetterHeaders.failedAt]: new Date().toISOString(),
          [DeadLetterHeaders.attempts]: '1',
        },
      },
    ]);
  }

  async close(): Promise<void> {
    await this.producer.disconnect();
  }
}
