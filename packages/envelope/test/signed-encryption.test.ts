import { config, decrypt, generateKey, LiteralDataPacket, OnePassSignaturePacket, readMessage, type PrivateKey, type PublicKey } from 'openpgp';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { OPENPGP_CONFIG } from '../src/index.js';
import { signAndEncrypt } from '../src/signed-encryption.js';
import { createPartyFixture, type PartyFixture } from './party-fixture.js';

const utf8 = new TextEncoder();
const PLAINTEXT = utf8.encode(JSON.stringify({ note: 'Bevinding tijdens controle', padding: 'x'.repeat(20_000) }));

let fixture: PartyFixture;

beforeAll(async () => {
  fixture = await createPartyFixture(['gemeente-soest', 'riec-mn', 'gemeente-baarn']);
});

/** Decrypts as riec-mn and verifies against the one given public key, the way the envelope opener does. */
async function openAsRiec(armored: string, verificationKey: PublicKey) {
  const message = await readMessage({ armoredMessage: armored, config: OPENPGP_CONFIG });
  const result = await decrypt({
    message,
    decryptionKeys: await fixture.keyring.privateKey('riec-mn'),
    verificationKeys: verificationKey,
    expectSigned: true,
    format: 'binary',
    config: OPENPGP_CONFIG,
  });
  return { data: result.data, signatures: result.signatures };
}

async function keyOf(options: { type: 'ecc'; curve: 'curve25519Legacy' } | { type: 'curve25519' }, date = new Date(), keyExpirationTime = 0): Promise<PrivateKey> {
  const { privateKey } = await generateKey({ ...options, userIDs: [{ name: 'partner' }], date, keyExpirationTime, format: 'object', config: OPENPGP_CONFIG });
  return privateKey;
}

afterEach(() => {
  vi.useRealTimers();
});

describe(signAndEncrypt.name, () => {
  it('writes one-pass signature, literal data and signature that openpgp.js decrypts and verifies as the sender', async () => {
    const armored = await signAndEncrypt(PLAINTEXT, await fixture.keyring.privateKey('gemeente-soest'), [fixture.keyring.publicKey('riec-mn')]);

    const opened = await openAsRiec(armored, fixture.keyring.publicKey('gemeente-soest'));
    expect(Buffer.from(opened.data).equals(Buffer.from(PLAINTEXT))).toBe(true);
    expect(opened.signatures).toHaveLength(1);
    expect(await opened.signatures[0]?.verified).toBe(true);
    expect(opened.signatures[0]?.keyID.equals(fixture.keyring.publicKey('gemeente-soest').getKeyID())).toBe(true);

    const inner = await (await readMessage({ armoredMessage: armored, config: OPENPGP_CONFIG })).decrypt(
      [await fixture.keyring.privateKey('riec-mn')],
      undefined,
      undefined,
      undefined,
      { ...config, ...OPENPGP_CONFIG },
    );
    // The message leads with the one-pass signature packet, as `gpg --sign --encrypt` writes it.
    const [onePass, literal] = inner.packets;
    expect(onePass).toBeInstanceOf(OnePassSignaturePacket);
    expect(literal).toBeInstanceOf(LiteralDataPacket);
  });

  it('is refused by a reader that pins another sender key, and by a recipient it was not encrypted to', async () => {
    const armored = await signAndEncrypt(PLAINTEXT, await fixture.keyring.privateKey('gemeente-soest'), [fixture.keyring.publicKey('riec-mn')]);

    await expect(openAsRiec(armored, fixture.keyring.publicKey('gemeente-baarn'))).rejects.toThrow();
    await expect(
      decrypt({
        message: await readMessage({ armoredMessage: armored, config: OPENPGP_CONFIG }),
        decryptionKeys: await fixture.keyring.privateKey('gemeente-baarn'),
        config: OPENPGP_CONFIG,
      }),
    ).rejects.toThrow();
  });

  it('signs with a key of another algorithm through openpgp.js, so a partner key still works', async () => {
    const partner = await keyOf({ type: 'curve25519' });
    expect(partner.getAlgorithmInfo().algorithm).not.toBe('eddsaLegacy');
    const armored = await signAndEncrypt(PLAINTEXT, partner, [fixture.keyring.publicKey('riec-mn')]);

    const opened = await openAsRiec(armored, partner.toPublic());
    expect(Buffer.from(opened.data).equals(Buffer.from(PLAINTEXT))).toBe(true);
    expect(await opened.signatures[0]?.verified).toBe(true);
  });

  it('refuses to sign with an expired key, as openpgp.js does', async () => {
    const anHourAgo = new Date(Date.now() - 3_600_000);
    const expired = await keyOf({ type: 'ecc', curve: 'curve25519Legacy' }, anHourAgo, 60);

    await expect(signAndEncrypt(PLAINTEXT, expired, [fixture.keyring.publicKey('riec-mn')])).rejects.toThrow(/expired/i);
  });

  it('stops signing with a key once it expires, though it signed while the key was valid', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const created = new Date();
    const key = await keyOf({ type: 'ecc', curve: 'curve25519Legacy' }, created, 3_600);
    await expect(signAndEncrypt(PLAINTEXT, key, [fixture.keyring.publicKey('riec-mn')])).resolves.toMatch(/^-----BEGIN PGP MESSAGE-----/);

    vi.setSystemTime(created.getTime() + 3_601_000);
    await expect(signAndEncrypt(PLAINTEXT, key, [fixture.keyring.publicKey('riec-mn')])).rejects.toThrow(/expired/i);
  });
});
