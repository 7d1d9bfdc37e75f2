/*
 * seal → open against bare openpgp.js sign+encrypt → decrypt+verify, in the same run: same keys (parsed
 * once), same ~2 KB payload, same recipients, same number of operations in flight, rounds alternating
 * which variant goes first. Prints median ops/s and the ratio (target ≥ 0.9) and merges the figures into
 * <repo>/.bench/latest.json under the key `envelope`.
 *
 * Run: npx tsx --conditions=source packages/envelope/bench/envelope.bench.ts
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { createMessage, decrypt, encrypt, readMessage } from 'openpgp';
import {
  canonicalHeader,
  canonicalHeaderDigest,
  EnvelopeOpener,
  EnvelopeSealer,
  generatePartyKey,
  HeaderVerifier,
  InMemoryReplayStore,
  OPENPGP_CONFIG,
  PartyKeyring,
  signCanonicalHeader,
} from '../src/index.js';
import { signAndEncrypt } from '../src/signed-encryption.js';
// A v1 envelope (no header signature): the baseline of opening "without the header signature".
import { sealV1 } from '../test/v1-envelope.js';

const ROUNDS = 6;
const OPS_PER_ROUND = 240;
const IN_FLIGHT = 8;
const TARGET_RATIO = 0.9;
const SENDER = 'gemeente-soest';
const RECIPIENTS = ['riec-mn', 'politie-bes'];
const READER = 'riec-mn';
const PASSPHRASE = 'bench-passphrase';

const payload = {
  signalId: '0b5f7c1e-8d2a-4f3b-9c6d-7e8f9a0b1c2d',
  theme: 'autobranche',
  freeText: 'Bevinding tijdens controle: '.padEnd(1900, 'x'),
  subjects: [{ kind: 'business', kvkNumber: '01234567' }],
};

const parties = [SENDER, ...RECIPIENTS];
const keys = await Promise.all(parties.map((party) => generatePartyKey(party, PASSPHRASE)));
const keyring = await PartyKeyring.load({
  directory: { version: 1, parties: keys.map((key) => ({ id: key.party, name: key.party, fingerprint: key.fingerprint })) },
  publicKeys: Object.fromEntries(keys.map((key) => [key.party, key.publicKey])),
  privateKeys: Object.fromEntries(keys.map((key) => [key.party, key.privateKey])),
  passphrase: PASSPHRASE,
});
const senderKey = await keyring.privateKey(SENDER);
const readerKey = await keyring.privateKey(READER);
const recipientKeys = RECIPIENTS.map((party) => keyring.publicKey(party));
const senderPublicKey = keyring.publicKey(SENDER);
const plaintext = new TextEncoder().encode(JSON.stringify(payload));

const sealer = new EnvelopeSealer(keyring);
const opener = new EnvelopeOpener(keyring, { replayStore: new InMemoryReplayStore() });
const request = { from: SENDER, to: RECIPIENTS, type: 'signal.submitted', municipality: 'soest', theme: 'autobranche' } as const;

async function bareOperation(): Promise<void> {
  const armored = await encrypt({
    message: await createMessage({ binary: plaintext }),
    encryptionKeys: recipientKeys,
    signingKeys: senderKey,
    config: OPENPGP_CONFIG,
  });
  await decrypt({
    message: await readMessage({ armoredMessage: armored, config: OPENPGP_CONFIG }),
    decryptionKeys: readerKey,
    verificationKeys: senderPublicKey,
    expectSigned: true,
    format: 'binary',
    config: OPENPGP_CONFIG,
  });
}

async function envelopeOperation(): Promise<void> {
  const envelope = await sealer.seal(payload, request);
  await opener.open(envelope, { as: READER, payload: (input) => input });
}

async function sealOperation(): Promise<void> {
  await sealer.seal(payload, request);
}

const sampleV1 = await sealV1(keyring, payload, { from: SENDER, to: RECIPIENTS });
const sampleV2 = await sealer.seal(payload, request);
const sampleHeader = sampleV2.header;
const sampleCanonical = canonicalHeader(sampleHeader);
// What the sealer signs and encrypts for the sample (SignedPlaintext), for the seal without the header signature.
const sampleSignedPlaintext = new TextEncoder().encode(
  JSON.stringify({
    messageId: sampleHeader.messageId,
    sender: sampleHeader.sender,
    recipients: sampleHeader.recipients,
    issuedAt: sampleHeader.createdAt,
    headerDigest: canonicalHeaderDigest(sampleCanonical),
    payload,
  }),
);
const headerVerifier = new HeaderVerifier(keyring, { replayStore: new InMemoryReplayStore() });
let verifiedHeaders = 0;

/** A fresh opener per call, so the replay check passes and is measured too. */
async function openV1Operation(): Promise<void> {
  await new EnvelopeOpener(keyring, { replayStore: new InMemoryReplayStore() }).open(sampleV1, { as: READER, payload: (input) => input });
}

async function openV2Operation(): Promise<void> {
  await new EnvelopeOpener(keyring, { replayStore: new InMemoryReplayStore() }).open(sampleV2, { as: READER, payload: (input) => input });
}

/** Seal without the header signature: the sealer's OpenPGP body alone. */
async function sealBodyOperation(): Promise<void> {
  await signAndEncrypt(sampleSignedPlaintext, senderKey, recipientKeys);
}

async function headerSignOperation(): Promise<void> {
  await signCanonicalHeader(sampleCanonical, senderKey);
}

async function headerVerifyOperation(): Promise<void> {
  // A fresh reader name per call, so the replay check passes and is measured too.
  verifiedHeaders += 1;
  await headerVerifier.verify(sampleHeader, { as: `reader-${verifiedHeaders}` });
}

/** Runs `count` operations with `IN_FLIGHT` workers; returns operations per second. */
async function measure(operation: () => Promise<void>, count: number): Promise<number> {
  let next = 0;
  const started = performance.now();
  const worker = async (): Promise<void> => {
    while (next < count) {
      next += 1;
      await operation();
    }
  };
  await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
  return count / ((performance.now() - started) / 1000);
}

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
};

// Warm-up: JIT, WebCrypto and key caches, outside the measured rounds.
await measure(bareOperation, 40);
await measure(envelopeOperation, 40);

const bare: number[] = [];
const sealed: number[] = [];
for (let round = 0; round < ROUNDS; round++) {
  if (round % 2 === 0) {
    bare.push(await measure(bareOperation, OPS_PER_ROUND));
    sealed.push(await measure(envelopeOperation, OPS_PER_ROUND));
  } else {
    sealed.push(await measure(envelopeOperation, OPS_PER_ROUND));
    bare.push(await measure(bareOperation, OPS_PER_ROUND));
  }
}

// The cost of the header signature: seal against its OpenPGP body alone, open of header v2 (with it) against
// header v1 (without it), and the detached signature and a header-only verification on their own.
const headerCost = {
  sealV2: [] as number[],
  sealBody: [] as number[],
  openV2: [] as number[],
  openV1: [] as number[],
  headerSign: [] as number[],
  headerVerify: [] as number[],
};
for (const operation of [sealOperation, sealBodyOperation, openV2Operation, openV1Operation]) await measure(operation, 40);
for (let round = 0; round < ROUNDS; round++) {
  const pairs = [
    [async (): Promise<number> => headerCost.sealV2.push(await measure(sealOperation, OPS_PER_ROUND)), async (): Promise<number> => headerCost.sealBody.push(await measure(sealBodyOperation, OPS_PER_ROUND))],
    [async (): Promise<number> => headerCost.openV2.push(await measure(openV2Operation, OPS_PER_ROUND)), async (): Promise<number> => headerCost.openV1.push(await measure(openV1Operation, OPS_PER_ROUND))],
  ];
  for (const pair of pairs) for (const run of round % 2 === 0 ? pair : pair.reverse()) await run();
  headerCost.headerSign.push(await measure(headerSignOperation, OPS_PER_ROUND));
  headerCost.headerVerify.push(await measure(headerVerifyOperation, OPS_PER_ROUND));
}
const rounded = (values: readonly number[]): number => Math.round(median(values) * 10) / 10;

const bareMedian = median(bare);
const envelopeMedian = median(sealed);
const ratio = envelopeMedian / bareMedian;
const figures = {
  measuredAt: new Date().toISOString(),
  description: 'seal→open vs bare openpgp sign+encrypt→decrypt+verify (ops/s, median of rounds)',
  payloadBytes: plaintext.byteLength,
  recipients: RECIPIENTS.length,
  inFlight: IN_FLIGHT,
  rounds: ROUNDS,
  opsPerRound: OPS_PER_ROUND,
  bareOpsPerSecond: Math.round(bareMedian * 10) / 10,
  envelopeOpsPerSecond: Math.round(envelopeMedian * 10) / 10,
  ratio: Math.round(ratio * 1000) / 1000,
  target: TARGET_RATIO,
  meetsTarget: ratio >= TARGET_RATIO,
  roundsOpsPerSecond: { bare: bare.map((value) => Math.round(value)), envelope: sealed.map((value) => Math.round(value)) },
  headerSignature: {
    description: 'seal with the header signature vs its OpenPGP body alone; open of header v2 (with it) vs header v1 (without); header sign and header-only verify alone (ops/s, median of rounds)',
    sealWithOpsPerSecond: rounded(headerCost.sealV2),
    sealWithoutOpsPerSecond: rounded(headerCost.sealBody),
    sealRatio: Math.round((median(headerCost.sealV2) / median(headerCost.sealBody)) * 1000) / 1000,
    openWithOpsPerSecond: rounded(headerCost.openV2),
    openWithoutOpsPerSecond: rounded(headerCost.openV1),
    openRatio: Math.round((median(headerCost.openV2) / median(headerCost.openV1)) * 1000) / 1000,
    headerSignOpsPerSecond: rounded(headerCost.headerSign),
    headerVerifyOpsPerSecond: rounded(headerCost.headerVerify),
  },
};

const benchDir = fileURLToPath(new URL('../../../.bench/', import.meta.url));
const latest = `${benchDir}latest.json`;
await mkdir(benchDir, { recursive: true });
let existing: Record<string, unknown> = {};
try {
  existing = JSON.parse(await readFile(latest, 'utf8')) as Record<string, unknown>;
} catch {
  // First benchmark of the run: start a fresh file.
}
await writeFile(latest, `${JSON.stringify({ ...existing, envelope: figures }, null, 2)}\n`);

process.stdout.write(
  `envelope: header signature: seal ${figures.headerSignature.sealWithOpsPerSecond} ops/s with, ${figures.headerSignature.sealWithoutOpsPerSecond} without (ratio ${figures.headerSignature.sealRatio}); open ${figures.headerSignature.openWithOpsPerSecond} with, ${figures.headerSignature.openWithoutOpsPerSecond} without (ratio ${figures.headerSignature.openRatio}); header sign ${figures.headerSignature.headerSignOpsPerSecond} ops/s, header-only verify ${figures.headerSignature.headerVerifyOpsPerSecond} ops/s\n`,
);
process.stdout.write(
  `envelope: bare ${figures.bareOpsPerSecond} ops/s, seal→open ${figures.envelopeOpsPerSecond} ops/s, ratio ${figures.ratio} (target ≥ ${TARGET_RATIO}) ${figures.meetsTarget ? 'OK' : 'BELOW TARGET'}\n`,
);
process.exitCode = figures.meetsTarget ? 0 : 1;
