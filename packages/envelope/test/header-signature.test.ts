import { createMessage, readSignature, sign, verify } from 'openpgp';
import { beforeAll, describe, expect, it } from 'vitest';
import { isHeaderSignedBy, OPENPGP_CONFIG, signCanonicalHeader } from '../src/index.js';
import { createPartyFixture, type PartyFixture } from './party-fixture.js';

const CANONICAL = '{"createdAt":"2026-12-01T10:00:00.000Z","municipality":"soest","type":"signal.submitted"}';
const utf8 = new TextEncoder();

let fixture: PartyFixture;

beforeAll(async () => {
  fixture = await createPartyFixture(['gemeente-soest', 'gemeente-baarn']);
});

describe(signCanonicalHeader.name, () => {
  it('makes a detached OpenPGP signature that openpgp.js verifies by the sender key (the form gpg checks)', async () => {
    const sut = await signCanonicalHeader(CANONICAL, await fixture.keyring.privateKey('gemeente-soest'));
    const result = await verify({
      message: await createMessage({ binary: utf8.encode(CANONICAL) }),
      signature: await readSignature({ binarySignature: Buffer.from(sut, 'base64'), config: OPENPGP_CONFIG }),
      verificationKeys: fixture.keyring.publicKey('gemeente-soest'),
      expectSigned: true,
      config: OPENPGP_CONFIG,
    });
    expect(await result.signatures[0]?.verified).toBe(true);
    expect(result.signatures[0]?.keyID.equals(fixture.keyring.publicKey('gemeente-soest').getKeyID())).toBe(true);
  });
});

describe(isHeaderSignedBy.name, () => {
  it('accepts a signature openpgp.js made and one of its own, over exactly these bytes by the pinned key', async () => {
    const senderKey = await fixture.keyring.privateKey('gemeente-soest');
    const byOpenpgp = Buffer.from(
      await sign({ message: await createMessage({ binary: utf8.encode(CANONICAL) }), signingKeys: senderKey, detached: true, format: 'binary', config: OPENPGP_CONFIG }),
    ).toString('base64');
    const own = await signCanonicalHeader(CANONICAL, senderKey);
    const pinned = fixture.keyring.publicKey('gemeente-soest');

    expect(await isHeaderSignedBy(CANONICAL, byOpenpgp, pinned)).toBe(true);
    expect(await isHeaderSignedBy(CANONICAL, own, pinned)).toBe(true);
  });

  it('refuses other bytes, another key, a flipped signature bit and a packet that is not a signature', async () => {
    const own = await signCanonicalHeader(CANONICAL, await fixture.keyring.privateKey('gemeente-soest'));
    const packet = Buffer.from(own, 'base64');
    const flipped = Buffer.from(packet);
    flipped[flipped.length - 1] = (flipped[flipped.length - 1] ?? 0) ^ 0x01;
    const pinned = fixture.keyring.publicKey('gemeente-soest');

    expect(await isHeaderSignedBy(CANONICAL.replace('soest', 'baarn'), own, pinned)).toBe(false);
    expect(await isHeaderSignedBy(CANONICAL, own, fixture.keyring.publicKey('gemeente-baarn'))).toBe(false);
    expect(await isHeaderSignedBy(CANONICAL, flipped.toString('base64'), pinned)).toBe(false);
    expect(await isHeaderSignedBy(CANONICAL, Buffer.from('not a signature').toString('base64'), pinned)).toBe(false);
    expect(await isHeaderSignedBy(CANONICAL, packet.subarray(0, packet.length - 3).toString('base64'), pinned)).toBe(false);
  });
});
