import type { AuditEntry } from '@signaalhub/audit';
import { DeadLetterHeaders, type BusMessage, type OutgoingMessage } from '@signaalhub/bus';
import { municipalityPartyId, type Envelope, type PartyDirectory, type PartyId } from '@signaalhub/contracts';
import {
  EnvelopeOpener,
  EnvelopeSealer,
  generatePartyKey,
  InMemoryReplayStore,
  PartyKeyring,
  ReplayedError,
  type OpenedEnvelope,
  type ReplayStore,
} from '@signaalhub/envelope';
import { pino } from 'pino';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openedEnvelopes, Refused, VerifiedInbox, type InboxSettings } from '../src/index.js';

const PASSPHRASE = 'test-passphrase-not-secret';
const CANARY = 'Jan Canarie, Kanariestraat 7';
const SOURCE = { topic: 'notes.v1', partition: 0, offset: '7', key: 'soest' } as const;

interface Note {
  readonly municipality: string;
  readonly theme: string;
  readonly text: string;
}

/** The payload schema of the test's event type. */
function parseNote(input: unknown): Note {
  const { municipality, theme, text } = (typeof input === 'object' && input !== null ? input : {}) as Record<string, unknown>;
  if (typeof municipality !== 'string' || typeof theme !== 'string' || typeof text !== 'string') throw new TypeError('not a note');
  return { municipality, theme, text };
}

let everyone: PartyKeyring;
/** The receiving service: it can read as Soest and Baarn only. */
let receiver: PartyKeyring;

beforeAll(async () => {
  const parties: PartyId[] = ['gemeente-soest', 'gemeente-baarn', 'politie-bes'];
  const keys = await Promise.all(parties.map((party) => generatePartyKey(party, PASSPHRASE)));
  const directory: PartyDirectory = { version: 1, parties: keys.map((key) => ({ id: key.party, name: key.party, fingerprint: key.fingerprint })) };
  const publicKeys = Object.fromEntries(keys.map((key) => [key.party, key.publicKey]));
  const privateKeys = Object.fromEntries(keys.map((key) => [key.party, key.privateKey]));
  everyone = await PartyKeyring.load({ directory, publicKeys, privateKeys, passphrase: PASSPHRASE });
  receiver = await PartyKeyring.load({
    directory,
    publicKeys,
    privateKeys: { 'gemeente-soest': privateKeys['gemeente-soest'] ?? '', 'gemeente-baarn': privateKeys['gemeente-baarn'] ?? '' },
    passphrase: PASSPHRASE,
  });
});

interface NoteSealing {
  readonly from?: PartyId;
  readonly to?: readonly PartyId[];
  readonly messageId?: string;
  readonly municipality?: string;
}

function seal(note: Partial<Note> = {}, request: NoteSealing = {}): Promise<Envelope> {
  const { from = 'gemeente-soest', to = ['gemeente-soest', 'gemeente-baarn'], messageId, municipality = 'soest' } = request;
  return new EnvelopeSealer(everyone).seal(
    { municipality, theme: 'autobranche', text: CANARY, ...note },
    { from, to, type: 'signal.submitted', municipality, theme: 'autobranche', ...(messageId === undefined ? {} : { messageId }) },
  );
}

function busMessage(value: Envelope | string): BusMessage {
  return { ...SOURCE, value: Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)), headers: { 'signaalhub-type': 'signal.submitted' } };
}

describe(VerifiedInbox.name, () => {
  let opener: EnvelopeOpener;
  let applied: Set<string>;
  let failures: Error[];
  let deadLetters: { topic: string; message: OutgoingMessage }[];
  let audit: AuditEntry[];
  let log: string[];

  beforeEach(() => {
    opener = new EnvelopeOpener(receiver, { replayStore: new InMemoryReplayStore() });
    applied = new Set();
    failures = [];
    deadLetters = [];
    audit = [];
    log = [];
  });

  type SignalInbox = VerifiedInbox<'signal.submitted', OpenedEnvelope<Note>>;
  function inbox(overrides: Partial<InboxSettings<'signal.submitted', OpenedEnvelope<Note>>> = {}): SignalInbox {
    return new VerifiedInbox(
      {
        eventType: 'signal.submitted',
        verification: openedEnvelopes(opener, parseNote),
        reader: (header) => municipalityPartyId(header.municipality),
        auditAction: 'note.receive',
        refuseUnverified: (header) => (header.municipality === 'huizen' ? 'UNKNOWN_MUNICIPALITY' : undefined),
        alreadyApplied: (header) => Promise.resolve(applied.has(header.messageId)),
        apply: ({ payload }, { header }) => {
          const failure = failures.shift();
          if (failure !== undefined) return Promise.reject(failure);
          if (payload.municipality !== header.municipality) return Promise.reject(new Refused('PAYLOAD_HEADER_MISMATCH'));
          applied.add(header.messageId);
          return Promise.resolve();
        },
        ...overrides,
      },
      {
        service: 'test-service',
        deadLetters: {
          send: (topic, messages) => {
            deadLetters.push(...messages.map((message) => ({ topic, message })));
            return Promise.resolve();
          },
        },
        audit: {
          record: (entry) => {
            audit.push(entry);
            return Promise.resolve();
          },
        },
        logger: pino({ level: 'info' }, { write: (line: string) => void log.push(line) }),
      },
    );
  }

  function expectRefused(code: string, objectId: string): void {
    expect(audit).toEqual([
      { actor: { service: 'test-service' }, action: 'note.receive', objectType: 'envelope', objectId, result: 'denied', origin: 'kafka', reason: code },
    ]);
    expect(deadLetters).toHaveLength(1);
    expect(deadLetters[0]?.topic).toBe('notes.v1.dlq');
    expect(deadLetters[0]?.message.headers?.[DeadLetterHeaders.reason]).toBe(`Refused: ${code}`);
    expect(deadLetters[0]?.message.headers?.[DeadLetterHeaders.attempts]).toBe('1');
    expect(applied.size).toBe(0);
  }

  it('applies a verified message once and acknowledges its redelivery as a duplicate', async () => {
    const envelope = await seal();
    const sut = inbox();

    expect(await sut.receive(busMessage(envelope))).toBe('applied');
    expect(await sut.receive(busMessage(envelope))).toBe('duplicate');
    expect([...applied]).toEqual([envelope.header.messageId]);
    expect(deadLetters).toEqual([]);
  });

  it('applies a redelivered message whose first attempt crashed after verifying', async () => {
    const envelope = await seal();
    // What a crash between "verified" and "applied" leaves behind: the seen mark, and no effect.
    await opener.open(envelope, { as: 'gemeente-soest', payload: parseNote });

    expect(await inbox().receive(busMessage(envelope))).toBe('applied');
    expect(applied.has(envelope.header.messageId)).toBe(true);
  });

  it('rethrows a failed handler for the bus to retry, and the retry applies the message', async () => {
    const envelope = await seal();
    const sut = inbox();
    failures.push(new Error('database unavailable'));

    await expect(sut.receive(busMessage(envelope))).rejects.toThrow('database unavailable');
    expect(await sut.receive(busMessage(envelope))).toBe('applied');
    expect(deadLetters).toEqual([]);
    expect(audit).toEqual([]);
  });

  it('rethrows a replay that survives forgetting, when another consumer is applying the message', async () => {
    const alwaysSeen: ReplayStore = { markSeen: () => Promise.resolve(false), forget: () => Promise.resolve() };
    opener = new EnvelopeOpener(receiver, { replayStore: alwaysSeen });

    await expect(inbox().receive(busMessage(await seal()))).rejects.toBeInstanceOf(ReplayedError);
    expect(deadLetters).toEqual([]);
  });

  it('rethrows a transient failure of the replay store without dead-lettering', async () => {
    const down: ReplayStore = { markSeen: () => Promise.reject(new Error('redis down')), forget: () => Promise.resolve() };
    opener = new EnvelopeOpener(receiver, { replayStore: down });

    await expect(inbox().receive(busMessage(await seal()))).rejects.toThrow('redis down');
    expect(deadLetters).toEqual([]);
    expect(audit).toEqual([]);
  });

  it('refuses a message whose header was changed, dead-letters the original bytes and audits it', async () => {
    const envelope = await seal();
    const tampered = { ...envelope, header: { ...envelope.header, theme: 'horeca' } } as Envelope;
    const message = busMessage(tampered);

    expect(await inbox().receive(message)).toBe('refused');
    expectRefused('HEADER_TAMPERED', envelope.header.messageId);
    expect(deadLetters[0]?.message.value).toEqual(message.value);
    expect(deadLetters[0]?.message.key).toBe('soest');
    expect(deadLetters[0]?.message.headers).toMatchObject({ 'signaalhub-type': 'signal.submitted', [DeadLetterHeaders.sourceOffset]: '7' });
  });

  it('refuses a message whose body another party signed', async () => {
    const envelope = await seal();
    const forged = await seal({}, { from: 'politie-bes', messageId: envelope.header.messageId });

    expect(await inbox().receive(busMessage({ ...envelope, body: forged.body }))).toBe('refused');
    expectRefused('BAD_SIGNATURE', envelope.header.messageId);
  });

  it('refuses a message of another event type before verifying it', async () => {
    const envelope = await new EnvelopeSealer(everyone).seal(
      { municipality: 'soest', theme: 'autobranche', text: CANARY },
      { from: 'gemeente-soest', to: ['gemeente-soest'], type: 'decision.recorded', municipality: 'soest', approach: 'bestuurlijk', riecHandover: false },
    );

    expect(await inbox().receive(busMessage(envelope))).toBe('refused');
    expectRefused('WRONG_EVENT_TYPE', envelope.header.messageId);
  });

  it('refuses a value that is not JSON, naming it by topic, partition and offset', async () => {
    expect(await inbox().receive(busMessage('not json'))).toBe('refused');
    expectRefused('MALFORMED_ENVELOPE', 'notes.v1/0/7');
  });

  it('refuses JSON that is not an envelope', async () => {
    expect(await inbox().receive(busMessage('{"not":"an envelope"}'))).toBe('refused');
    expectRefused('MALFORMED_ENVELOPE', 'notes.v1/0/7');
  });

  it('refuses a payload that does not match its schema', async () => {
    const envelope = await seal({ text: undefined });

    expect(await inbox().receive(busMessage(envelope))).toBe('refused');
    expectRefused('MALFORMED_ENVELOPE', envelope.header.messageId);
  });

  it("refuses a header the service's own check refuses (unknown municipality), without marking it seen", async () => {
    const envelope = await seal({ municipality: 'huizen' }, { municipality: 'huizen', to: ['gemeente-soest'] });

    expect(await inbox().receive(busMessage(envelope))).toBe('refused');
    expectRefused('UNKNOWN_MUNICIPALITY', envelope.header.messageId);
    expect((await opener.open(envelope, { as: 'gemeente-soest', payload: parseNote })).header.messageId).toBe(envelope.header.messageId);
  });

  it('refuses a message for a reader this service holds no key for', async () => {
    const envelope = await seal({ municipality: 'eemnes' }, { municipality: 'eemnes' });

    expect(await inbox().receive(busMessage(envelope))).toBe('refused');
    expectRefused('NO_KEY_FOR_READER', envelope.header.messageId);
  });

  it('refuses a message that does not name the reader among its recipients', async () => {
    const envelope = await seal({ municipality: 'baarn' }, { municipality: 'baarn', to: ['gemeente-soest'] });

    expect(await inbox().receive(busMessage(envelope))).toBe('refused');
    expectRefused('NOT_A_RECIPIENT', envelope.header.messageId);
  });

  it("skips a message for another reader of a shared topic without effect, dead letter or audit, and still refuses a copy that names the reader but another party signed", async () => {
    const sut = inbox({ addressedToOther: (header) => !header.recipients.includes('gemeente-baarn') });
    const forSoestOnly = await seal({ municipality: 'soest' }, { municipality: 'soest', to: ['gemeente-soest'] });

    expect(await sut.receive(busMessage(forSoestOnly))).toBe('not-addressed');
    expect({ applied: applied.size, deadLetters: deadLetters.length, audit: audit.length }).toEqual({ applied: 0, deadLetters: 0, audit: 0 });
    // Naming the reader in an unsigned copy of the header does not get it read: verification refuses it.
    const renamed = { ...forSoestOnly, header: { ...forSoestOnly.header, recipients: ['gemeente-soest', 'gemeente-baarn'] } };
    expect(await sut.receive(busMessage(renamed))).toBe('refused');
    expect(deadLetters).toHaveLength(1);
  });

  it('refuses a message the handler refuses (payload and header disagree) and forgets its seen mark', async () => {
    const envelope = await seal({ municipality: 'baarn' });

    expect(await inbox().receive(busMessage(envelope))).toBe('refused');
    expectRefused('PAYLOAD_HEADER_MISMATCH', envelope.header.messageId);
    expect((await opener.open(envelope, { as: 'gemeente-soest', payload: parseNote })).payload.municipality).toBe('baarn');
  });

  it('reads as a fixed party when one is configured', async () => {
    const envelope = await seal({ municipality: 'baarn' }, { municipality: 'baarn' });

    expect(await inbox({ reader: 'gemeente-soest', apply: (_opened, { header }) => Promise.resolve(void applied.add(header.messageId)) }).receive(busMessage(envelope))).toBe('applied');
    await expect(opener.open(envelope, { as: 'gemeente-soest', payload: parseNote })).rejects.toBeInstanceOf(ReplayedError);
  });

  it('logs a refusal with ids and the code only, never content', async () => {
    const envelope = await seal();
    const tampered = { ...envelope, header: { ...envelope.header, theme: 'horeca' } } as Envelope;

    await inbox().receive(busMessage(tampered));

    const lines = log.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines).toEqual([
      expect.objectContaining({ level: 40, msg: 'signal refused and dead-lettered', code: 'HEADER_TAMPERED', messageId: envelope.header.messageId, topic: 'notes.v1', partition: 0, offset: '7', eventType: 'signal.submitted' }),
    ]);
    expect(log.join('\n')).not.toContain('Canarie');
    expect(JSON.stringify(deadLetters[0]?.message.headers)).not.toContain('Canarie');
  });
});
