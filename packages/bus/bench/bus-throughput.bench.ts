/**
 * Bus vs bare kafkajs: the same 2 KB messages produced and consumed through the same producer and
 * consumer settings (idempotent, acks=all, one request in flight, no compression), on the same broker,
 * in the same run, alternating which goes first. Prints a table and merges the figures into
 * `<repo>/.bench/latest.json` under the key `bus`.
 *
 *   KAFKA_BROKERS=127.0.0.1:9092 npx tsx --conditions=source packages/bus/bench/bus-throughput.bench.ts
 */
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { createLogger } from '@signaalhub/logging';
import { CompressionTypes, Kafka, logLevel, Partitioners } from 'kafkajs';
import { createEventBus, type BusMessage, type OutgoingMessage } from '../src/index.js';

const ROUNDS = Number(process.env.BUS_BENCH_ROUNDS ?? 5);
const MESSAGES_PER_ROUND = Number(process.env.BUS_BENCH_MESSAGES ?? 5_000);
const MESSAGE_BYTES = 2_048;
const SEND_BATCH = 100;
const PARTITIONS = 3;
const SESSION = { sessionTimeout: 6_000, heartbeatInterval: 500 };

const brokers = (process.env.KAFKA_BROKERS ?? '').split(',').filter(Boolean);
if (brokers.length === 0) throw new Error('KAFKA_BROKERS is not set');
const logger = createLogger('bus-bench', 'warn');
const bus = createEventBus({ brokers, clientId: 'bus-bench', logger });
const bareKafka = new Kafka({ clientId: 'bare-bench', brokers, logLevel: logLevel.ERROR });

interface RoundResult {
  readonly msgsPerSecond: number;
  readonly latenciesMs: number[];
}

type Contender = 'bare' | 'bus';

/** Ids in the value's first bytes, the send time in a header: the consumer needs nothing else. */
function messagesFor(first: number, count: number, payload: Buffer): OutgoingMessage[] {
  const sentAt = String(performance.now());
  return Array.from({ length: count }, (_, index) => {
    const value = Buffer.from(payload);
    value.writeUInt32BE(first + index, 0);
    return { key: `gemeente-${(first + index) % 5}`, value, headers: { 'sent-at': sentAt } };
  });
}

async function newTopic(label: string): Promise<string> {
  const topic = `bench-${label}-${Date.now().toString(36)}-${randomBytes(3).toString('hex')}`;
  await bus.provision([{ name: topic, partitions: PARTITIONS, retentionMs: 600_000, cleanupPolicy: 'delete' }], { replicationFactor: 1 });
  return topic;
}

/** Resolves with the round's figures once every message was consumed. */
function tracker(count: number): { record: (sentAt: string | undefined) => void; done: Promise<number[]> } {
  const latencies: number[] = [];
  let resolveDone: (latencies: number[]) => void = () => undefined;
  const done = new Promise<number[]>((resolve) => {
    resolveDone = resolve;
  });
  return {
    record: (sentAt) => {
      latencies.push(performance.now() - Number(sentAt));
      if (latencies.length === count) resolveDone(latencies);
    },
    done,
  };
}

async function produceAll(send: (messages: OutgoingMessage[]) => Promise<void>, count: number): Promise<void> {
  const payload = randomBytes(MESSAGE_BYTES);
  for (let first = 0; first < count; first += SEND_BATCH) {
    await send(messagesFor(first, Math.min(SEND_BATCH, count - first), payload));
  }
}

async function runBare(count: number): Promise<RoundResult> {
  const topic = await newTopic('bare');
  const producer = bareKafka.producer({ idempotent: true, maxInFlightRequests: 1, createPartitioner: Partitioners.DefaultPartitioner });
  const consumer = bareKafka.consumer({ groupId: `${topic}-group`, ...SESSION });
  const { record, done } = tracker(count);
  await producer.connect();
  await consumer.connect();
  await consumer.subscribe({ topics: [topic], fromBeginning: true });
  await consumer.run({
    eachMessage: ({ message }) => {
      record(message.headers?.['sent-at']?.toString());
      return Promise.resolve();
    },
  });
  const started = performance.now();
  await produceAll(async (messages) => {
    await producer.send({ topic, acks: -1, compression: CompressionTypes.None, messages: messages.map((message) => ({ ...message, headers: { ...message.headers } })) });
  }, count);
  const latenciesMs = await done;
  const elapsedMs = performance.now() - started;
  await consumer.disconnect();
  await producer.disconnect();
  return { msgsPerSecond: (count / elapsedMs) * 1_000, latenciesMs };
}

async function runBus(count: number): Promise<RoundResult> {
  const topic = await newTopic('bus');
  const producer = bus.createProducer();
  const { record, done } = tracker(count);
  const consumer = bus.createConsumer({
    groupId: `${topic}-group`,
    topics: [topic],
    sessionTimeoutMs: SESSION.sessionTimeout,
    heartbeatIntervalMs: SESSION.heartbeatInterval,
    handlers: {
      [topic]: (message: BusMessage) => {
        record(message.headers['sent-at']);
        return Promise.resolve();
      },
    },
  });
  await producer.connect();
  await consumer.start();
  const started = performance.now();
  await produceAll((messages) => producer.send(topic, messages), count);
  const latenciesMs = await done;
  const elapsedMs = performance.now() - started;
  await consumer.stop();
  await producer.disconnect();
  return { msgsPerSecond: (count / elapsedMs) * 1_000, latenciesMs };
}

function percentile(values: readonly number[], fraction: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))] ?? Number.NaN;
}

function median(values: readonly number[]): number {
  return percentile(values, 0.5);
}

function summarise(results: readonly RoundResult[]): { medianMsgsPerSecond: number; p50LatencyMs: number; p99LatencyMs: number; roundsMsgsPerSecond: number[] } {
  const roundsMsgsPerSecond = results.map((result) => Math.round(result.msgsPerSecond));
  return {
    medianMsgsPerSecond: Math.round(median(results.map((result) => result.msgsPerSecond))),
    // Per round, then the median over rounds: one slow round must not dominate.
    p50LatencyMs: round1(median(results.map((result) => percentile(result.latenciesMs, 0.5)))),
    p99LatencyMs: round1(median(results.map((result) => percentile(result.latenciesMs, 0.99)))),
    roundsMsgsPerSecond,
  };
}

function round1(value: number): number {
  return Math.round(value * 10) / 10;
}

async function mergeIntoLatest(key: string, figures: unknown): Promise<string> {
  const dir = fileURLToPath(new URL('../../../.bench/', import.meta.url));
  const file = `${dir}latest.json`;
  await mkdir(dir, { recursive: true });
  let existing: Record<string, unknown> = {};
  try {
    existing = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
  } catch {
    // First benchmark of the run: start a fresh file.
  }
  await writeFile(file, `${JSON.stringify({ ...existing, [key]: figures }, null, 2)}\n`);
  return file;
}

async function main(): Promise<void> {
  const runners: Record<Contender, (count: number) => Promise<RoundResult>> = { bare: runBare, bus: runBus };
  // Warm-up (connections, JIT, the broker's page cache); not counted.
  await runBare(500);
  await runBus(500);
  const results: Record<Contender, RoundResult[]> = { bare: [], bus: [] };
  for (let round = 0; round < ROUNDS; round += 1) {
    const order: Contender[] = round % 2 === 0 ? ['bare', 'bus'] : ['bus', 'bare'];
    for (const contender of order) {
      const result = await runners[contender](MESSAGES_PER_ROUND);
      results[contender].push(result);
      process.stdout.write(`round ${round + 1}/${ROUNDS} ${contender}: ${Math.round(result.msgsPerSecond)} msgs/s\n`);
    }
  }
  const bare = summarise(results.bare);
  const busFigures = summarise(results.bus);
  const ratio = Math.round((busFigures.medianMsgsPerSecond / bare.medianMsgsPerSecond) * 100) / 100;
  const rows = [
    ['', 'median msgs/s', 'p50 e2e ms', 'p99 e2e ms'],
    ['bare kafkajs', bare.medianMsgsPerSecond, bare.p50LatencyMs, bare.p99LatencyMs],
    ['bus', busFigures.medianMsgsPerSecond, busFigures.p50LatencyMs, busFigures.p99LatencyMs],
  ];
  process.stdout.write(`\n${rows.map((row) => row.map((cell) => String(cell).padStart(14)).join(' ')).join('\n')}\n`);
  process.stdout.write(`ratio bus ÷ bare (throughput): ${ratio} (target ≥ 0.9)\n`);
  const file = await mergeIntoLatest('bus', {
    measuredAt: new Date().toISOString(),
    rounds: ROUNDS,
    messagesPerRound: MESSAGES_PER_ROUND,
    messageBytes: MESSAGE_BYTES,
    partitions: PARTITIONS,
    bare,
    bus: busFigures,
    ratio,
    target: 0.9,
  });
  process.stdout.write(`figures merged into ${file}\n`);
}

await main();
