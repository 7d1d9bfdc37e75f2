import type { AuditEntry } from '@signaalhub/audit';
import { DeadLetterHeaders, type BusMessage, type OutgoingMessage } from '@signaalhub/bus';
import type { Envelope, EnvelopeHeaderV2, PartyDirectory, PartyId } from '@signaalhub/contracts';
import {
  canonicalHeader,
  EnvelopeSealer,
  generatePartyKey,
  HeaderVerifier,
  InMemoryReplayStore,
  PartyKeyring,
  signCanonicalHeader,
} from '@signaalhub/envelope';
import { pino } from 'pino';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { VerifiedInbox, verifiedHeaders } from '../src/index.js';

const PASSPHRASE = 'test-passphrase-not-secret';
const SOURCE = { topic: 'signals.v1', partition: 0, offset: '3', key: 'soest' } as const;
const TOKEN = { kind: 'kvk', version: 1, token: 'a'.repeat(64) } as const;

let everyone: PartyKeyring;
/** The header-only reader (a pool that is no recipient of signals): it holds public keys only. */
let reader: PartyKeyring;

beforeAll(async () => {
  const parties: PartyId[] = ['gemeente-soest', 'politie-bes', 'bibob-pool-bes'];
  const keys = await Promise.all(parties.map((party) => generatePartyKey(party, PASSPHRASE)));
  const directory: PartyDirectory = { version: 1, parties: keys.map((key) => ({ id: key.party, name: key.party, fingerprint: key.fingerprint })) };
  const publicKeys = Object.fromEntries(keys.map((key) => [key.party, key.publicKey]));
  everyone = await PartyKeyring.load({ directory, publicKeys, privateKeys: Object.fromEntries(keys.map((key) => [key.party, key.privateKey])), passphrase: PASSPHRASE });
  reader = await PartyKeyring.load({ directory, publicKeys, privateKeys: {}, passphrase: PASSPHRASE });
});

function seal(from: PartyId = 'gemeente-soest'): Promise<Envelope> {
  return new EnvelopeSealer(everyone).seal(
    { text: 'not readable by the pool' },
    { from, to: ['gemeente-soest'], type: 'signal.submitted', municipality: 'soest', theme: 'autobranche', matchTokens: [TOKEN] },
  );
}

function busMessage(envelope: Envelope): BusMessage {
  return { ...SOURCE, value: Buffer.from(JSON.stringify(envelope)), headers: {} };
}

describe(verifiedHeaders.name, () => {
  let learnt: string[];
  let applied: string[];
  let deadLetters: OutgoingMessage[];
  let audit: AuditEntry[];
  let sut: VerifiedInbox<'signal.submitted', EnvelopeHeaderV2>;

  beforeEach(() => {
    learnt = [];
    applied = [];
    deadLetters = [];
    audit = [];
    sut = new VerifiedInbox(
      {
        eventType: 'signal.submitted',
        verification: verifiedHeaders(new HeaderVerifier(reader, { replayStore: new InMemoryReplayStore() })),
        reader: 'bibob-pool-bes',
        auditAction: 'signal.learn',
        alreadyApplied: (header) => Promise.resolve(applied.includes(header.messageId)),
        apply: (_verified, { header }) => {
          applied.push(header.messageId);
          learnt.push(...header.matchTokens.map((token) => token.token));
          return Promise.resolve();
        },
      },
      {
        service: 'pool',
        deadLetters: { send: (_topic, messages) => Promise.resolve(void deadLetters.push(...messages)) },
        audit: { record: (entry) => Promise.resolve(void audit.push(entry)) },
        logger: pino({ level: 'silent' }),
      },
    );
  });

  function expectRefused(code: string): void {
    expect(learnt).toEqual([]);
    expect(audit.map((entry) => entry.reason)).toEqual([code]);
    expect(deadLetters.map((letter) => letter.headers?.[DeadLetterHeaders.reason])).toEqual([`Refused: ${code}`]);
  }

  it('learns the tokens of a header its sender signed, without opening the body, once', async () => {
    const envelope = await seal();

    expect(await sut.receive(busMessage(envelope))).toBe('applied');
    expect(await sut.receive(busMessage(envelope))).toBe('duplicate');
    expect(learnt).toEqual([TOKEN.token]);
  });

  it('refuses a header whose detached signature is missing', async () => {
    const { headerSignature: _removed, ...unsigned } = (await seal()).header as EnvelopeHeaderV2;
    const envelope = { ...(await seal()), header: unsigned } as unknown as Envelope;

    expect(await sut.receive(busMessage(envelope))).toBe('refused');
    expectRefused('HEADER_SIGNATURE_MISSING');
  });

  it('refuses a header signed by another party than its sender', async () => {
    const envelope = await seal();
    const header = envelope.header as EnvelopeHeaderV2;
    const { headerSignature: _own, ...facts } = header;
    const forged = await signCanonicalHeader(canonicalHeader(facts), await everyone.privateKey('politie-bes'));

    expect(await sut.receive(busMessage({ ...envelope, header: { ...header, headerSignature: forged } }))).toBe('refused');
    expectRefused('HEADER_SIGNATURE_INVALID');
  });

  it('refuses a header whose facts differ from the ones signed (a forged match token)', async () => {
    const envelope = await seal();
    const header = envelope.header as EnvelopeHeaderV2 & { matchTokens: (typeof TOKEN)[] };
    const forged = { ...header, matchTokens: [{ ...TOKEN, token: 'b'.repeat(64) }] };

    expect(await sut.receive(busMessage({ ...envelope, header: forged }))).toBe('refused');
    expectRefused('HEADER_SIGNATURE_INVALID');
  });
});
