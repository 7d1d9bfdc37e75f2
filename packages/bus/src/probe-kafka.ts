import { logLevel } from 'kafkajs';
import { createKafkaClient } from './kafka-client.js';

/**
 * Asks the cluster for its metadata until it answers or the deadline passes.
 * Readiness is a real protocol round trip, never a sleep.
 */
export async function probeKafka(brokers: string[], deadlineMs: number): Promise<{ brokerCount: number }> {
  const kafka = createKafkaClient({
    clientId: 'signaalhub-probe',
    brokers,
    logLevel: logLevel.NOTHING,
    connectionTimeout: 1_000,
    requestTimeout: 2_000,
    retry: { retries: 0 },
  });
  const admin = kafka.admin();
  const deadline = Date.now() + deadlineMs;
  let lastError: unknown;
  try {
    while (Date.now() < deadline) {
      try {
        await admin.connect();
        const cluster = await admin.describeCluster();
        if (cluster.brokers.length > 0) return { brokerCount: cluster.brokers.length };
      } catch (error) {
        lastError = error;
        await admin.disconnect().catch(() => undefined);
      }
      await new Promise((resolve) => setTimeout(resolve, 250)); // poll interval, bounded by the deadline
    }
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
  const reason = lastError instanceof Error ? lastError.message : 'no brokers in metadata';
  throw new Error(`Kafka at ${brokers.join(',')} did not answer a metadata request within ${deadlineMs} ms: ${reason}`);
}
