import { randomUUID } from 'node:crypto';
import { THEMES, type Envelope, type EnvelopeHeaderV1, type PartyId } from '@signaalhub/contracts';
import fc from 'fast-check';
import { createMessage, decrypt, decryptSessionKeys, encrypt, readMessage, unarmor, type PrivateKey } from 'openpgp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BadSignatureError,
  DEFAULT_FRESHNESS_WINDOW,
  EnvelopeError,
  EnvelopeOpener,
  EnvelopeSealer,
  ExpiredError,
  canonicalHeader,
  HeaderSignatureInvalidError,
  HeaderSignatureMissingError,
  HeaderTamperedError,
  headerDigest,
  signCanonicalHeader,
  InMemoryReplayStore,
  MalformedEnvelopeError,
  NotARecipientError,
  ReplayedError,
  UnknownSenderError,
  type SealedEnvelope,
  type SignedPlaintext,
} from '../src/index.js';
import { countingParser, createPartyFixture, OUTSIDER, sealRequest, type PartyFixture } from './party-fixture.js';
import { sealV1, type V1Envelope } from './v1-envelope.js';

/*
 * The tamper corpus: over a thousand generated attacks on envelopes, each of which must be refused
 * with the error class the rules in docs/envelope.md name — and the caller's payload parser must never
 * run for any of them. Keys are generated once; base envelopes are reused wherever the attack does not
 * need a fresh message, so the corpus stays cheap on a 2-core machine.
 */

type ErrorClass = abstract new (...args: never[]) => EnvelopeError;

const SENDER: PartyId = 'gemeente-baarn';
const READER: PartyId = 'gemeente-soest';
const CO_RECIPIENT: PartyId = 'politie-bes';
const OTHER_PARTY: PartyId = 'riec-mn';
const PAYLOAD = { signalId: '6f1c2d3e-4b5a-4c6d-8e7f-000011112222', freeText: 'x'.repeat(400) };

let fixture: PartyFixture;
let readerKey: PrivateKey;
/** Sealed to the reader alone: every byte of it matters to the reader. */
let soloEnvelope: Envelope;
let soloBinary: Uint8Array;
/** Header v1, sealed to reader + co-recipient: the base for header changes and forwarding (v1 stays readable). */
let sharedEnvelope: V1Envelope;
/** Header v2 (signed by the sender), sealed to reader + co-recipient: the base for v2 header changes. */
let sharedV2Envelope: SealedEnvelope<'signal.submitted'>;

const counts = new Map<string, number>();
const parser = countingParser();
let cases = 0;

beforeAll(async () => {
  fixture = await createPartyFixture();
  readerKey = await fixture.keyring.privateKey(READER);
  const sealer = new EnvelopeSealer(fixture.keyring);
  soloEnvelope = await sealer.seal(PAYLOAD, sealRequest(SENDER, [READER]));
  soloBinary = await toBinary(soloEnvelope.body);
  expect(soloBinary.length).toBeGreaterThan(500);
  const matchTokens = [{ kind: 'kvk' as const, version: 1, token: 'a'.repeat(64) }];
  sharedEnvelope = await sealV1(fixture.keyring, PAYLOAD, { from: SENDER, to: [READER, CO_RECIPIENT], matchTokens });
  sharedV2Envelope = await sealer.seal(PAYLOAD, sealRequest(SENDER, [READER, CO_RECIPIENT], { matchTokens }));
});

afterAll(() => {
  const lines = [...counts.entries()].sort().map(([name, count]) => `  ${name}: ${count}`);
  process.stdout.write(`tamper corpus: ${cases} cases, all rejected\n${lines.join('\n')}\n`);
});

function freshOpener(clock?: () => Date): EnvelopeOpener {
  return new EnvelopeOpener(fixture.keyring, { replayStore: new InMemoryReplayStore(), ...(clock ? { clock } : {}) });
}

/** Opens and requires the exact refusal; counts it. */
async function expectRefused(
  envelope: unknown,
  expected: ErrorClass,
  options: { as?: PartyId; opener?: EnvelopeOpener } = {},
): Promise<void> {
  const before = parser.calls();
  const opener = options.opener ?? freshOpener();
  const outcome = await opener.open(envelope, { as: options.as ?? READER, payload: parser.parse }).then(
    () => undefined,
    (error: unknown) => error,
  );
  expect(outcome, 'the message must be refused').toBeInstanceOf(expected);
  expect(parser.calls(), 'the payload parser must not run').toBe(before);
  const name = (outcome as Error).constructor.name;
  counts.set(name, (counts.get(name) ?? 0) + 1);
  cases += 1;
}

async function toBinary(armored: string): Promise<Uint8Array> {
  const { data } = await unarmor(armored);
  if (!(data instanceof Uint8Array)) throw new Error('expected an in-memory message');
  return data;
}

function toArmored(binary: Uint8Array): string {
  const base64 = Buffer.from(binary).toString('base64').replace(/(.{64})/g, '$1\n');
  return `-----BEGIN PGP MESSAGE-----\n\n${base64}\n-----END PGP MESSAGE-----\n`;
}

/**
 * The documented rule, applied to a modified body: unreadable OpenPGP → MALFORMED_ENVELOPE; no
 * session key the reader can decrypt → HEADER_TAMPERED (the header names the reader, the body is not
 * for the reader); otherwise the content fails integrity or signature → BAD_SIGNATURE.
 */
async function expectedForBody(binary: Uint8Array): Promise<ErrorClass> {
  let message;
  try {
    message = await readMessage({ binaryMessage: binary });
  } catch {
    return MalformedEnvelopeError;
  }
  try {
    await decryptSessionKeys({ message, decryptionKeys: readerKey });
  } catch {
    return HeaderTamperedError;
  }
  return BadSignatureError;
}

/**
 * Bits whose flip leaves the message meaning the same, so they are not tampering: the low 3 bits of
 * the ephemeral key's MPI bit count (OpenPGP reads an MPI by its byte length, 257..264 bits → 33
 * bytes) and the top bit of the X25519 u-coordinate (ignored by X25519, RFC 7748 §5). Offsets are
 * inside the first packet: the reader's PKESK with a 2-byte new-format header.
 */
function isMalleableBit(offset: number, bit: number): boolean {
  const pkeskBody = 2;
  return (offset === pkeskBody + 11 && bit <= 2) || (offset === pkeskBody + 44 && bit === 7);
}

async function encryptPlaintext(plaintext: SignedPlaintext, to: readonly PartyId[], signer?: PartyId): Promise<string> {
  return encrypt({
    message: await createMessage({ binary: new TextEncoder().encode(JSON.stringify(plaintext)) }),
    encryptionKeys: to.map((party) => fixture.keyring.publicKey(party)),
    ...(signer === undefined ? {} : { signingKeys: await fixture.keyring.privateKey(signer) }),
  });
}

function signedPlaintextFor(header: EnvelopeHeaderV1): SignedPlaintext {
  return {
    messageId: header.messageId,
    sender: header.sender,
    recipients: header.recipients,
    issuedAt: header.createdAt,
    headerDigest: headerDigest(header),
    payload: PAYLOAD,
  };
}

function headerFor(sender: PartyId, recipients: PartyId[]): EnvelopeHeaderV1 {
  return { ...sharedEnvelope.header, messageId: randomUUID(), sender, recipients, createdAt: new Date().toISOString() };
}

const otherSigners = fc.constantFrom<PartyId>('politie-bes', 'riec-mn', 'om-mn', 'gemeente-eemnes', OTHER_PARTY);

// Hundreds of OpenPGP operations per property; a generous bound, not a timing assertion.
describe(`${EnvelopeOpener.name} tamper corpus`, { timeout: 120_000 }, () => {
  it('rejects every single-bit flip in the binary body with the documented class', async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: 1_000_000 }), fc.integer({ min: 0, max: 7 }), async (position, bit) => {
        const offset = position % soloBinary.length;
        fc.pre(!isMalleableBit(offset, bit));
        const flipped = soloBinary.slice();
        flipped[offset] = (flipped[offset] ?? 0) ^ (1 << bit);
        const envelope = { header: soloEnvelope.header, body: toArmored(flipped) };
        await expectRefused(envelope, await expectedForBody(flipped));
      }),
      { numRuns: 400 },
    );
  });

  it('accepts the flips of bits the encoding ignores, which is why the corpus leaves them out', async () => {
    const ignored = [
      [13, 0],
      [13, 1],
      [13, 2],
      [46, 7],
    ] as const;
    for (const [offset, bit] of ignored) {
      expect(isMalleableBit(offset, bit)).toBe(true);
      const flipped = soloBinary.slice();
      flipped[offset] = (flipped[offset] ?? 0) ^ (1 << bit);
      const opened = await freshOpener().open({ header: soloEnvelope.header, body: toArmored(flipped) }, { as: READER, payload: (input) => input });
      expect(opened.payload).toEqual(PAYLOAD);
    }
  });

  it('rejects every character change in the armored body with the documented class', async () => {
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
    const lines = soloEnvelope.body.split('\n');
    const firstData = lines.indexOf('') + 1;
    const checksum = lines.findIndex((line) => line.startsWith('='));
    // Only base64 data characters: the armor's CRC line is not checked by RFC 9580 readers, and a blank-line change is not a content change.
    const positions: { line: number; column: number }[] = [];
    for (let line = firstData; line < checksum; line++) {
      for (let column = 0; column < (lines[line] ?? '').length; column++) {
        if (lines[line]?.[column] !== '=') positions.push({ line, column });
      }
    }
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: positions.length - 1 }), fc.nat({ max: alphabet.length - 1 }), async (index, replacementIndex) => {
        const { line, column } = positions[index] ?? { line: 0, column: 0 };
        const original = lines[line] ?? '';
        const replacement = alphabet[replacementIndex] ?? 'A';
        fc.pre(original[column] !== replacement);
        const changedLines = [...lines];
        changedLines[line] = original.slice(0, column) + replacement + original.slice(column + 1);
        const decoded = new Uint8Array(Buffer.from(changedLines.slice(firstData, checksum).join(''), 'base64'));
        const differing = [...decoded.keys()].filter((offset) => decoded[offset] !== soloBinary[offset]);
        // A change that only touches padding bits or a malleable bit carries the same message.
        fc.pre(
          differing.some((offset) => {
            const diff = (decoded[offset] ?? 0) ^ (soloBinary[offset] ?? 0);
            return [0, 1, 2, 3, 4, 5, 6, 7].some((bit) => (diff & (1 << bit)) !== 0 && !isMalleableBit(offset, bit));
          }),
        );
        const body = changedLines.join('\n');
        await expectRefused({ header: soloEnvelope.header, body }, await expectedForBody(decoded));
      }),
      { numRuns: 300 },
    );
  });

  it('rejects a body whose armor frame or text is broken as malformed', async () => {
    const broken = [
      soloEnvelope.body.replace('BEGIN PGP MESSAGE', 'BEGIN PGP SIGNATURE'),
      '-----BEGIN PGP MESSAGE-----\n\n*** not base64 ***\n-----END PGP MESSAGE-----\n',
      '-----BEGIN PGP MESSAGE-----\n\n-----END PGP MESSAGE-----\n',
      'plain text body',
      soloEnvelope.body.slice(0, 200),
    ];
    for (const body of broken) await expectRefused({ header: soloEnvelope.header, body }, MalformedEnvelopeError);
  });

  it('rejects every changed header field with the documented class', async () => {
    const base = sharedEnvelope.header;
    const otherKnownParty = fc.constantFrom<PartyId>(...fixture.parties.filter((party) => party !== SENDER));
    type Change = { header: unknown; expected: ErrorClass };
    const change: fc.Arbitrary<Change> = fc.oneof(
      fc.uuid({ version: 4 }).filter((id) => id !== base.messageId).map((messageId) => ({ header: { ...base, messageId }, expected: HeaderTamperedError })),
      fc.constantFrom('decision.recorded', 'signal.withdrawn', 'permit.revoked').map((type) => ({ header: { ...base, type }, expected: HeaderTamperedError })),
      fc.integer({ min: 2, max: 1000 }).map((schemaVersion) => ({ header: { ...base, schemaVersion }, expected: HeaderTamperedError })),
      otherKnownParty.map((sender) => ({ header: { ...base, sender }, expected: BadSignatureError })),
      fc.constantFrom('gemeente-utrecht', 'politie-x', 'belastingdienst-2').map((sender) => ({ header: { ...base, sender }, expected: UnknownSenderError })),
      fc.constantFrom(OTHER_PARTY, OUTSIDER, 'om-mn').map((added) => ({ header: { ...base, recipients: [...base.recipients, added] }, expected: HeaderTamperedError })),
      fc.constant({ header: { ...base, recipients: [...base.recipients].reverse() }, expected: HeaderTamperedError }),
      fc.constant({ header: { ...base, recipients: [READER] }, expected: HeaderTamperedError }),
      fc.constant({ header: { ...base, recipients: [CO_RECIPIENT] }, expected: NotARecipientError }),
      fc.constantFrom('baarn', 'eemnes', 'de-bilt', 'utrecht').map((municipality) => ({ header: { ...base, municipality }, expected: HeaderTamperedError })),
      fc.constantFrom(...THEMES.filter((theme) => theme !== base.theme)).map((theme) => ({ header: { ...base, theme }, expected: HeaderTamperedError })),
      fc.date({ min: new Date('2020-01-01'), max: new Date('2030-01-01'), noInvalidDate: true })
        .map((date) => date.toISOString())
        .filter((createdAt) => createdAt !== base.createdAt)
        .map((createdAt) => ({ header: { ...base, createdAt }, expected: HeaderTamperedError })),
      fc.constant({ header: { ...base, matchTokens: [] }, expected: HeaderTamperedError }),
      fc.stringMatching(/^[0-9a-f]{64}$/).filter((token) => token !== 'a'.repeat(64)).map((token) => ({
        header: { ...base, matchTokens: [{ kind: 'kvk', version: 1, token }] },
        expected: HeaderTamperedError,
      })),
      fc.integer({ min: 2, max: 99 }).map((version) => ({ header: { ...base, matchTokens: [{ kind: 'kvk', version, token: 'a'.repeat(64) }] }, expected: HeaderTamperedError })),
      // Values the header schema forbids: refused before any decryption.
      fc.constantFrom<Change>(
        { header: { ...base, messageId: 'not-a-uuid' }, expected: MalformedEnvelopeError },
        { header: { ...base, recipients: [] }, expected: MalformedEnvelopeError },
        { header: { ...base, recipients: [READER, READER] }, expected: MalformedEnvelopeError },
        { header: { ...base, theme: 'fietsen' }, expected: MalformedEnvelopeError },
        { header: { ...base, type: 'SignalSubmitted' }, expected: MalformedEnvelopeError },
        { header: { ...base, createdAt: '2025-13-01T00:00:00.000Z' }, expected: MalformedEnvelopeError },
        { header: { ...base, schemaVersion: 0 }, expected: MalformedEnvelopeError },
        { header: { ...base, subject: 'Jan de Vries' }, expected: MalformedEnvelopeError },
        { header: { ...base, matchTokens: [{ kind: 'bsn', version: 1, token: 'a'.repeat(64) }] }, expected: MalformedEnvelopeError },
      ),
    );
    await fc.assert(
      fc.asyncProperty(change, async ({ header, expected }) => {
        await expectRefused({ header, body: sharedEnvelope.body }, expected);
      }),
      { numRuns: 200 },
    );
  });

  it('rejects every changed v2 header field, and every changed or missing header signature, with the documented class', async () => {
    const base = sharedV2Envelope.header;
    const { headerSignature: _removed, ...unsigned } = base;
    const byOtherParty = await signCanonicalHeader(canonicalHeader(base), await fixture.keyring.privateKey(OTHER_PARTY));
    const otherFacts = (await new EnvelopeSealer(fixture.keyring).seal(PAYLOAD, sealRequest(SENDER, [READER, CO_RECIPIENT]))).header.headerSignature;
    type Change = { header: unknown; expected: ErrorClass };
    const change: fc.Arbitrary<Change> = fc.oneof(
      // A changed routing fact no longer matches the signed digest (checked before the header signature).
      fc.constantFrom('baarn', 'eemnes', 'de-bilt').map((municipality) => ({ header: { ...base, municipality }, expected: HeaderTamperedError })),
      fc.constantFrom(...THEMES.filter((theme) => theme !== base.theme)).map((theme) => ({ header: { ...base, theme }, expected: HeaderTamperedError })),
      fc.stringMatching(/^[0-9a-f]{64}$/).filter((token) => token !== 'a'.repeat(64)).map((token) => ({
        header: { ...base, matchTokens: [{ kind: 'kvk', version: 1, token }] },
        expected: HeaderTamperedError,
      })),
      fc.integer({ min: 2, max: 1000 }).map((schemaVersion) => ({ header: { ...base, schemaVersion }, expected: HeaderTamperedError })),
      // The facts are intact but the signature over them is not the sender's.
      fc.constant({ header: { ...base, headerSignature: byOtherParty }, expected: HeaderSignatureInvalidError }),
      fc.constant({ header: { ...base, headerSignature: otherFacts }, expected: HeaderSignatureInvalidError }),
      fc.base64String({ minLength: 8, maxLength: 200 }).filter((text) => text.length % 4 === 0 && /^[A-Za-z0-9+/]+={0,2}$/.test(text)).map((headerSignature) => ({
        header: { ...base, headerSignature },
        expected: HeaderSignatureInvalidError,
      })),
      fc.constant({ header: unsigned, expected: HeaderSignatureMissingError }),
      // Facts that do not belong to the header's version or type.
      fc.constantFrom<Change>(
        { header: { ...base, type: 'decision.recorded' }, expected: MalformedEnvelopeError },
        { header: { ...base, type: 'signal.withdrawn' }, expected: MalformedEnvelopeError },
        { header: { ...base, headerVersion: 3 }, expected: MalformedEnvelopeError },
        { header: { ...base, approach: 'zorg' }, expected: MalformedEnvelopeError },
        { header: { ...base, headerSignature: 'not base64!' }, expected: MalformedEnvelopeError },
        { header: { ...sharedEnvelope.header, headerSignature: base.headerSignature }, expected: MalformedEnvelopeError },
      ),
    );
    await fc.assert(
      fc.asyncProperty(change, async ({ header, expected }) => {
        await expectRefused({ header, body: sharedV2Envelope.body }, expected);
      }),
      { numRuns: 150 },
    );
  });

  it('rejects an envelope that is not an envelope as malformed', async () => {
    for (const envelope of [null, 'text', 42, [], {}, { header: sharedEnvelope.header }, { body: sharedEnvelope.body }, { ...sharedEnvelope, extra: 1 }]) {
      await expectRefused(envelope, MalformedEnvelopeError);
    }
  });

  it('rejects an encrypted but unsigned message as a bad signature', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom<PartyId[]>([READER], [READER, CO_RECIPIENT]), async (recipients) => {
        const header = headerFor(SENDER, recipients);
        const body = await encryptPlaintext(signedPlaintextFor(header), recipients);
        await expectRefused({ header, body }, BadSignatureError);
      }),
      { numRuns: 30 },
    );
  });

  it('rejects a message signed by another party while the header names the sender as a bad signature', async () => {
    await fc.assert(
      fc.asyncProperty(otherSigners, async (signer) => {
        const header = headerFor(SENDER, [READER, CO_RECIPIENT]);
        const body = await encryptPlaintext(signedPlaintextFor(header), header.recipients, signer);
        await expectRefused({ header, body }, BadSignatureError);
      }),
      { numRuns: 30 },
    );
  });

  it('rejects a header changed to the real signer while the signed content names another sender as tampered', async () => {
    await fc.assert(
      fc.asyncProperty(otherSigners, fc.boolean(), async (signer, digestOfForgedHeader) => {
        const claimed = headerFor(SENDER, [READER, CO_RECIPIENT]);
        const forgedHeader = { ...claimed, sender: signer };
        const plaintext = { ...signedPlaintextFor(claimed), headerDigest: headerDigest(digestOfForgedHeader ? forgedHeader : claimed) };
        const body = await encryptPlaintext(plaintext, claimed.recipients, signer);
        await expectRefused({ header: forgedHeader, body }, HeaderTamperedError);
      }),
      { numRuns: 30 },
    );
  });

  it('rejects a message forwarded to a party outside the signed recipients', async () => {
    const forwarders = fc.constantFrom<PartyId>(READER, CO_RECIPIENT);
    const thirdParties = fc.constantFrom<PartyId>(OTHER_PARTY, OUTSIDER, 'om-mn', 'belastingdienst');
    const headerEdits = fc.constantFrom('unchanged', 'third party added', 'recipients replaced');
    await fc.assert(
      fc.asyncProperty(forwarders, thirdParties, headerEdits, async (forwarder, thirdParty, edit) => {
        // The forwarder decrypts and re-encrypts the very same signed content (the sender's own signature) to the third party.
        const { data, signatures } = await decrypt({
          message: await readMessage({ armoredMessage: sharedEnvelope.body }),
          decryptionKeys: await fixture.keyring.privateKey(forwarder),
          verificationKeys: fixture.keyring.publicKey(SENDER),
          expectSigned: true,
          format: 'binary',
        });
        const senderSignature = await (signatures[0] ?? expect.unreachable()).signature;
        const body = await encrypt({
          message: await createMessage({ binary: data }),
          encryptionKeys: fixture.keyring.publicKey(thirdParty),
          signature: senderSignature,
        });
        const base = sharedEnvelope.header;
        if (edit === 'unchanged') {
          await expectRefused({ header: base, body }, NotARecipientError, { as: thirdParty });
        } else {
          const recipients = edit === 'third party added' ? [...base.recipients, thirdParty] : [thirdParty];
          await expectRefused({ header: { ...base, recipients }, body }, HeaderTamperedError, { as: thirdParty });
        }
      }),
      { numRuns: 40 },
    );
  });

  it('rejects a header that adds the reader to a message not encrypted to the reader as tampered', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom<PartyId>(OTHER_PARTY, OUTSIDER, 'om-mn'), async (reader) => {
        const header = { ...sharedEnvelope.header, recipients: [...sharedEnvelope.header.recipients, reader] };
        await expectRefused({ header, body: sharedEnvelope.body }, HeaderTamperedError, { as: reader });
      }),
      { numRuns: 20 },
    );
  });

  it('rejects a second opening of the same message as a replay', async () => {
    const sealer = new EnvelopeSealer(fixture.keyring);
    await fc.assert(
      fc.asyncProperty(fc.json({ maxDepth: 2 }), async (json) => {
        const envelope = await sealer.seal(JSON.parse(json), sealRequest(SENDER, [READER]));
        const opener = freshOpener();
        const first = countingParser();
        await opener.open(structuredClone(envelope), { as: READER, payload: first.parse });
        expect(first.calls()).toBe(1);
        await expectRefused(structuredClone(envelope), ReplayedError, { opener });
      }),
      { numRuns: 30 },
    );
  });

  it('rejects a message older than the window, or issued beyond the clock skew, as expired', async () => {
    const { maxAgeMs, clockSkewMs } = DEFAULT_FRESHNESS_WINDOW;
    const issuedAt = Date.parse(soloEnvelope.header.createdAt);
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 10 * maxAgeMs }), fc.boolean(), async (beyond, tooOld) => {
        if (tooOld) {
          const late = freshOpener(() => new Date(issuedAt + maxAgeMs + clockSkewMs + beyond));
          await expectRefused(soloEnvelope, ExpiredError, { opener: late });
        } else {
          const early = freshOpener(() => new Date(issuedAt - clockSkewMs - beyond));
          await expectRefused(soloEnvelope, ExpiredError, { opener: early });
        }
      }),
      { numRuns: 40 },
    );
  });

  it('refused every case of the corpus with the right class and never ran the parser', () => {
    expect(cases).toBeGreaterThanOrEqual(1000);
    expect(parser.calls()).toBe(0);
    expect(counts.size).toBe(9);
  });
});
