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
  EnvelopeOpener,
  EnvelopeSealer,
  generatePartyKey,
  HeaderVerifier,
  InMemoryReplayStore,
  OPENPGP_CONFIG,
  PartyKeyring,
  signCanonicalHeader,
} from '../src/index.js';

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

/** Seal without the header signature: the one sign+encrypt that sealing did before header v2. */
async function bareSealOperation(): Promise<void> {
  await encrypt({ message: await createMessage({ binary: plaintext }), encryptionKeys: recipientKeys, signingKeys: senderKey, config: OPENPGP_CONFIG });
}

async function sealOperation(): Promise<void> {
  await sealer.seal(payload, request);
}

const sampleHeader = (await sealer.seal(payload, request)).header;
const sampleCanonical = canonicalHeader(sampleHeader);
const headerVerifier = new HeaderVerifier(keyring, { replayStore: new InMemoryReplayStore() });
let verifiedHeaders = 0;

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

// The cost of the header signature: seal with it (header v2) against the sign+encrypt alone, and the
// detached signature and a header-only verification on their own.
const headerCost = { sealWithHeaderSignature: [] as number[], sealWithoutHeaderSignature: [] as number[], headerSign: [] as number[], headerVerify: [] as number[] };
await measure(sealOperation, 40);
await measure(bareSealOperation, 40);
for (let round = 0; round < ROUNDS; round++) {
  const pair = [
    async (): Promise<void> => void headerCost.sealWithHeaderSignature.push(await measure(sealOperation, OPS_PER_ROUND)),
    async (): Promise<void> => void headerCost.sealWithoutHeaderSignature.push(await measure(bareSealOperation, OPS_PER_ROUND)),
  ];
  for (const run of round % 2 === 0 ? pair : pair.reverse()) await run();
  headerCost.headerSign.push(await measure(headerSignOperation, OPS_PER_ROUND));
  headerCost.headerVerify.push(await measure(headerVerifyOperation, OPS_PER_ROUND));
}
const sealWith = median(headerCost.sealWithHeaderSignature);
const sealWithout = median(headerCost.sealWithoutHeaderSignature);

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
    description: 'seal (header v2, with the detached header signature) vs the sign+encrypt alone; header sign and header-only verify on their own (ops/s, median of rounds)',
    sealWithHeaderSignatureOpsPerSecond: Math.round(sealWith * 10) / 10,
    sealWithoutHeaderSignatureOpsPerSecond: Math.round(sealWithout * 10) / 10,
    sealRatio: Math.round((sealWith / sealWithout) * 1000) / 1000,
    headerSignOpsPerSecond: Math.round(median(headerCost.headerSign) * 10) / 10,
    headerVerifyOpsPerSecond: Math.round(median(headerCost.headerVerify) * 10) / 10,
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
  `envelope: header signature: seal ${figures.headerSignature.sealWithHeaderSignatureOpsPerSecond} ops/s with, ${figures.headerSignature.sealWithoutHeaderSignatureOpsPerSecond} ops/s without (ratio ${figures.headerSignature.sealRatio}); header sign ${figures.headerSignature.headerSignOpsPerSecond} ops/s, header-only verify ${figures.headerSignature.headerVerifyOpsPerSecond} ops/s\n`,
);
process.stdout.write(
  `envelope: bare ${figures.bareOpsPerSecond} ops/s, seal→open ${figures.envelopeOpsPerSecond} ops/s, ratio ${figures.ratio} (target ≥ ${TARGET_RATIO}) ${figures.meetsTarget ? 'OK' : 'BELOW TARGET'}\n`,
);
process.exitCode = figures.meetsTarget ? 0 : 1;
