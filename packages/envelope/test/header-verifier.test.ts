import { EventTypes, type EnvelopeHeaderV2Of } from '@signaalhub/contracts';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  canonicalHeader,
  EnvelopeSealer,
  ExpiredError,
  HeaderSignatureInvalidError,
  HeaderSignatureMissingError,
  headerReplayKey,
  HeaderVerifier,
  InMemoryReplayStore,
  MalformedEnvelopeError,
  ReplayedError,
  signCanonicalHeader,
  UnknownSenderError,
} from '../src/index.js';
import { createPartyFixture, sealRequest, type PartyFixture } from './party-fixture.js';
import { sealV1 } from './v1-envelope.js';

const READER = 'bibob-pool-bes';
const TOKEN = { kind: 'kvk' as const, version: 1, token: 'b'.repeat(64) };

let fixture: PartyFixture;
let header: EnvelopeHeaderV2Of<'signal.submitted'>;

beforeAll(async () => {
  fixture = await createPartyFixture(['gemeente-soest', 'gemeente-baarn', 'riec-mn', READER]);
  header = (await new EnvelopeSealer(fixture.keyring).seal({ n: 1 }, sealRequest('gemeente-soest', ['riec-mn'], { matchTokens: [TOKEN] }))).header;
});

function verifier(clock?: () => Date): HeaderVerifier {
  return new HeaderVerifier(fixture.keyring, { replayStore: new InMemoryReplayStore(), ...(clock ? { clock } : {}) });
}

describe(HeaderVerifier.name, () => {
  it('returns the header when the sender signed exactly these facts, without being a recipient', async () => {
    const sut = verifier();
    const verified = await sut.verify(header, { as: READER });
    expect(verified).toEqual(header);
    expect(header.recipients).not.toContain(READER);
  });

  it('rejects a header whose signature is missing', async () => {
    const { headerSignature: _removed, ...unsigned } = header;
    await expect(verifier().verify(unsigned, { as: READER })).rejects.toBeInstanceOf(HeaderSignatureMissingError);
  });

  it('rejects a v1 header, which has no signature', async () => {
    const v1 = await sealV1(fixture.keyring, { n: 1 }, { from: 'gemeente-soest', to: ['riec-mn'] });
    await expect(verifier().verify(v1.header, { as: READER })).rejects.toBeInstanceOf(HeaderSignatureMissingError);
  });

  it('rejects a header signed by another party than its sender', async () => {
    const byOther = await signCanonicalHeader(canonicalHeader(header), await fixture.keyring.privateKey('gemeente-baarn'));
    await expect(verifier().verify({ ...header, headerSignature: byOther }, { as: READER })).rejects.toBeInstanceOf(HeaderSignatureInvalidError);
  });

  it('rejects a header whose sender was switched to the party that signed it', async () => {
    const forged = { ...header, sender: 'gemeente-baarn' };
    const byOther = await signCanonicalHeader(canonicalHeader(header), await fixture.keyring.privateKey('gemeente-baarn'));
    await expect(verifier().verify({ ...forged, headerSignature: byOther }, { as: READER })).rejects.toBeInstanceOf(HeaderSignatureInvalidError);
  });

  it('rejects a header whose signature was made over other facts', async () => {
    const changed = [
      { ...header, matchTokens: [{ ...TOKEN, token: 'c'.repeat(64) }] },
      { ...header, matchTokens: [] },
      { ...header, municipality: 'baarn' },
      { ...header, theme: 'horeca' },
      { ...header, recipients: ['riec-mn', READER] },
      { ...header, createdAt: new Date(Date.parse(header.createdAt) + 1).toISOString() },
    ];
    for (const forged of changed) {
      await expect(verifier().verify(forged, { as: READER })).rejects.toBeInstanceOf(HeaderSignatureInvalidError);
    }
  });

  it('rejects a signature that is not an OpenPGP signature', async () => {
    await expect(verifier().verify({ ...header, headerSignature: 'AAAA' }, { as: READER })).rejects.toBeInstanceOf(HeaderSignatureInvalidError);
  });

  it('rejects a sender outside the party directory', async () => {
    await expect(verifier().verify({ ...header, sender: 'gemeente-utrecht' }, { as: READER })).rejects.toBeInstanceOf(UnknownSenderError);
  });

  it('rejects facts that do not belong to the type as malformed', async () => {
    await expect(verifier().verify({ ...header, type: EventTypes.decisionRecorded }, { as: READER })).rejects.toBeInstanceOf(MalformedEnvelopeError);
  });

  it('rejects the same header read twice by one reader as a replay, and keeps readers apart', async () => {
    const sut = verifier();
    await sut.verify(header, { as: READER });
    await expect(sut.verify(header, { as: READER })).rejects.toBeInstanceOf(ReplayedError);
    await expect(sut.verify(header, { as: 'riec-mn' })).resolves.toEqual(header);
    expect(headerReplayKey(READER, header.messageId)).toBe(`header:${READER}:${header.messageId}`);
  });

  it('rejects a header created outside the freshness window as expired', async () => {
    const later = new Date(Date.parse(header.createdAt) + 8 * 24 * 60 * 60 * 1000);
    await expect(verifier(() => later).verify(header, { as: READER })).rejects.toBeInstanceOf(ExpiredError);
  });
});
