/*
 * seal → Kafka (the bus) → open, against the bare openpgp chain (sign+encrypt → decrypt+verify) in the
 * same run: same keys, same ~2 KB payload, same operations in flight, rounds alternating which goes first.
 * Target: ratio ≥ 0.7. Figures merge into .bench/latest.json under `sealedBus`.
 *
 * Run (broker from KAFKA_BROKERS): npx tsx --conditions=source bench/seal-bus-open.bench.ts
 */
import { randomUUID } from 'node:crypto';
import { createEventBus, type BusMessage } from '@signaalhub/bus';
import {
  EnvelopeOpener,
  EnvelopeSealer,
  generatePartyKey,
  InMemoryReplayStore,
  OPENPGP_CONFIG,
  PartyKeyring,
} from '@signaalhub/envelope';
import { Envelope } from '@signaalhub/contracts';
import { createLogger } from '@signaalhub/logging';
import { createMessage, decrypt, encrypt, readMessage } from 'openpgp';
import { median, mergeBenchFigures } from './bench-figures.js';

const ROUNDS = 5;
const MESSAGES_PER_ROUND = 200;
const IN_FLIGHT = 8;
const TARGET_RATIO = 0.7;
const SENDER = 'gemeente-soest';
const RECIPIENTS = ['gemeente-soest', 'politie-bes', 'riec-mn'];
const READER = 'gemeente-soest';
const PASSPHRASE = 'bench-passphrase';

const brokers = (process.env.KAFKA_BROKERS ?? '127.0.0.1:19092').split(',');
const payload = { theme: 'autobranche', freeText: 'Bevinding tijdens controle: '.padEnd(1900, 'x') };
const plaintext = new TextEncoder().encode(JSON.stringify(payload));

const parties = ['gemeente-soest', 'politie-bes', 'riec-mn'];
const keys = await Promise.all(parties.map((party) => generatePartyKey(party, PASSPHRASE)));
const keyring = await PartyKeyring.load({
  directory: { version: 1, parties: keys.map((key) => ({ id: key.party, name: key.party, fingerprint: key.fingerprint })) },
  publicKeys: Object.fromEntries(keys.map((key) => [key.party, key.publicKey])),
  privateKeys: Object.fromEntries(keys.map((key) => [key.party, key.privateKey])),
  passphrase: PASSPHRASE,
});
const sealer = new EnvelopeSealer(keyring);
const opener = new EnvelopeOpener(keyring, { replayStore: new InMemoryReplayStore() });
const sealRequest = { from: SENDER, to: RECIPIENTS, type: 'signal.submitted', municipality: 'soest', theme: 'autobranche' } as const;
const senderKey = await keyring.privateKey(SENDER);
const readerKey = await keyring.privateKey(READER);

async function bareChain(): Promise<void> {
  const armored = await encrypt({
    message: await createMessage({ binary: plaintext }),
    encryptionKeys: RECIPIENTS.map((party) => keyring.publicKey(party)),
    signingKeys: senderKey,
    config: OPENPGP_CONFIG,
  });
  await decrypt({
    message: await readMessage({ armoredMessage: armored, config: OPENPGP_CONFIG }),
    decryptionKeys: readerKey,
    verificationKeys: keyring.publicKey(SENDER),
    expectSigned: true,
    format: 'binary',
    config: OPENPGP_CONFIG,
  });
}

async function measureBare(count: number): Promise<number> {
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: IN_FLIGHT }, async () => {
      while (next < count) {
        next += 1;
        await bareChain();
      }
    }),
  );
  return count / ((performance.now() - started) / 1000);
}

const logger = createLogger('bench', 'warn');
const bus = createEventBus({ brokers, clientId: 'bench-sealed-bus', logger });
const topic = `bench-sealed-bus-${randomUUID()}`;
await bus.provision([{ name: topic, partitions: 3, retentionMs: 3_600_000, cleanupPolicy: 'delete' }], { replicationFactor: 1 });
const producer = bus.createProducer();
await producer.connect();

let opened = 0;
let roundDone: (() => void) | undefined;
let roundTarget = 0;
const consumer = bus.createConsumer({
  groupId: `bench-sealed-bus-${randomUUID()}`,
  topics: [topic],
  partitionsConsumedConcurrently: 3,
  handlers: {
    [topic]: async (message: BusMessage) => {
      const envelope = Envelope.parse(JSON.parse(message.value.toString('utf8')));
      await opener.open(envelope, { as: READER, payload: (input) => input });
      opened += 1;
      if (opened >= roundTarget) roundDone?.();
    },
  },
});
await consumer.start();

/**
 * Seal with IN_FLIGHT workers; one sender publishes whatever is sealed so far as one batch per request
 * (the producer has one request in flight, so batching is how it keeps up — as the outbox relay does).
 * The round ends when the consumer has opened every message.
 */
async function measureSealedBus(count: number): Promise<number> {
  opened = 0;
  roundTarget = count;
  const allOpened = new Promise<void>((resolve) => (roundDone = resolve));
  const pending: Buffer[] = [];
  let sealed = 0;
  let next = 0;
  let wakeSender: (() => void) | undefined;
  const started = performance.now();
  const sealing = Promise.all(
    Array.from({ length: IN_FLIGHT }, async () => {
      while (next < count) {
        next += 1;
        pending.push(Buffer.from(JSON.stringify(await sealer.seal(payload, sealRequest))));
        sealed += 1;
        wakeSender?.();
      }
    }),
  );
  let sent = 0;
  while (sent < count) {
    if (pending.length === 0) await new Promise<void>((resolve) => (wakeSender = resolve));
    const batch = pending.splice(0);
    if (batch.length > 0) await producer.send(topic, batch.map((value) => ({ key: 'soest', value })));
    sent += batch.length;
  }
  await sealing;
  await allOpened;
  if (sealed !== count) throw new Error(`sealed ${sealed} of ${count}`);
  return count / ((performance.now() - started) / 1000);
}

await measureBare(40); // warm-up outside the measured rounds
await measureSealedBus(40);
const bare: number[] = [];
const sealedBus: number[] = [];
for (let round = 0; round < ROUNDS; round++) {
  if (round % 2 === 0) {
    bare.push(await measureBare(MESSAGES_PER_ROUND));
    sealedBus.push(await measureSealedBus(MESSAGES_PER_ROUND));
  } else {
    sealedBus.push(await measureSealedBus(MESSAGES_PER_ROUND));
    bare.push(await measureBare(MESSAGES_PER_ROUND));
  }
}
await consumer.stop();
await producer.disconnect();

const ratio = median(sealedBus) / median(bare);
const figures = {
  description: 'seal → Kafka → open vs bare openpgp sign+encrypt → decrypt+verify (messages/s, median of rounds)',
  payloadBytes: plaintext.byteLength,
  inFlight: IN_FLIGHT,
  rounds: ROUNDS,
  messagesPerRound: MESSAGES_PER_ROUND,
  bareOpsPerSecond: Math.round(median(bare)),
  sealedBusMessagesPerSecond: Math.round(median(sealedBus)),
  ratio: Math.round(ratio * 1000) / 1000,
  target: TARGET_RATIO,
  meetsTarget: ratio >= TARGET_RATIO,
  rounds_: { bare: bare.map(Math.round), sealedBus: sealedBus.map(Math.round) },
};
await mergeBenchFigures('sealedBus', figures);
process.stdout.write(
  `seal→Kafka→open: bare ${figures.bareOpsPerSecond}/s, sealed over the bus ${figures.sealedBusMessagesPerSecond}/s, ratio ${figures.ratio} (target ≥ ${TARGET_RATIO}) ${figures.meetsTarget ? 'OK' : 'BELOW TARGET'}\n`,
);
process.exitCode = figures.meetsTarget ? 0 : 1;
