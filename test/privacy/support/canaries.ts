import type { BusMessage, EventBus } from '@signaalhub/bus';
import type { Envelope } from '@signaalhub/contracts';
import { eventually } from '@signaalhub/test-infra';

/** Names each place a canary shows up: `"<canary> in <where>"`, one line per canary found. */
export type LeakFinder = (where: string, text: string) => string[];

/**
 * Short canaries must stand alone (no letter or digit on either side): base64 ciphertext and
 * millisecond timestamps would otherwise match a 6-to-9-character value by chance now and then.
 */
function canaryPattern(canary: string): RegExp {
  const escaped = canary.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return canary.length <= 10 ? new RegExp(`(?<![A-Za-z0-9])${escaped}(?![A-Za-z0-9])`, 'i') : new RegExp(escaped, 'i');
}

/** The finder of a canary test's planted values (case-insensitive). */
export function leakFinder(canaries: readonly string[]): LeakFinder {
  const patterns = canaries.map((canary) => ({ canary, pattern: canaryPattern(canary) }));
  return (where, text) => patterns.filter(({ pattern }) => pattern.test(text)).map(({ canary }) => `${canary} in ${where}`);
}

/** Every message on a (private) broker, every topic from the beginning to the end offsets it has now. */
export async function everyMessageOn(bus: EventBus, groupId: string): Promise<BusMessage[]> {
  const expectedCounts = await bus.messageCounts();
  const topics = [...expectedCounts.keys()];
  const scanned: BusMessage[] = [];
  const consumer = bus.createConsumer({
    groupId,
    topics,
    handlers: Object.fromEntries(topics.map((topic) => [topic, (message: BusMessage) => Promise.resolve(void scanned.push(message))])),
    fromBeginning: true,
  });
  await consumer.start();
  try {
    await eventually(() => (topics.every((topic) => scanned.filter((message) => message.topic === topic).length >= (expectedCounts.get(topic) ?? 0)) ? true : undefined), {
      timeoutMs: 60_000,
      what: 'every message on the private broker',
      intervalMs: 250,
    });
  } finally {
    await consumer.stop();
  }
  return scanned;
}

/** Canaries in a message outside its OpenPGP body: key, Kafka headers, the envelope without its body, and the whole value. */
export function messageLeaks(messages: readonly BusMessage[], leaksIn: LeakFinder): string[] {
  return messages.flatMap((message) => {
    const where = `${message.topic}/${String(message.partition)}/${message.offset}`;
    const value = message.value.toString('utf8');
    return [
      ...leaksIn(`${where} key`, message.key),
      ...leaksIn(`${where} headers`, JSON.stringify(message.headers)),
      ...leaksIn(`${where} value outside the body`, JSON.stringify({ ...(JSON.parse(value) as Envelope), body: '' })),
      ...leaksIn(`${where} value`, value),
    ];
  });
}
