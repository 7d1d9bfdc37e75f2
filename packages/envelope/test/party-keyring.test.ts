import { describe, expect, it } from 'vitest';
import { generatePartyKey, PartyKeyring } from '../src/index.js';
import { TEST_PASSPHRASE } from './party-fixture.js';

const soest = await generatePartyKey('gemeente-soest', TEST_PASSPHRASE);
const riec = await generatePartyKey('riec-mn', TEST_PASSPHRASE);
const directory = {
  version: 1,
  parties: [
    { id: soest.party, name: 'Gemeente Soest', fingerprint: soest.fingerprint },
    { id: riec.party, name: 'RIEC Midden-Nederland', fingerprint: riec.fingerprint },
  ],
};
const publicKeys = { [soest.party]: soest.publicKey, [riec.party]: riec.publicKey };

describe(PartyKeyring.name, () => {
  it('generates v4 Ed25519/Curve25519 keys whose private part is passphrase-protected', async () => {
    const sut = await PartyKeyring.load({ directory, publicKeys, privateKeys: { [soest.party]: soest.privateKey }, passphrase: TEST_PASSPHRASE });
    const key = sut.publicKey('gemeente-soest');
    expect(key.keyPacket.version).toBe(4);
    expect(key.getAlgorithmInfo()).toEqual({ algorithm: 'eddsaLegacy', curve: 'ed25519Legacy' });
    expect(soest.fingerprint).toMatch(/^[0-9A-F]{40}$/);
    expect(soest.privateKey).toContain('BEGIN PGP PRIVATE KEY BLOCK');
    await expect(PartyKeyring.load({ directory, publicKeys, privateKeys: { [soest.party]: soest.privateKey }, passphrase: 'wrong' }).then((ring) => ring.privateKey('gemeente-soest'))).rejects.toThrow();
  });

  it('decrypts a private key once and hands out the cached key afterwards', async () => {
    const sut = await PartyKeyring.load({ directory, publicKeys, privateKeys: { [soest.party]: soest.privateKey }, passphrase: TEST_PASSPHRASE });
    const first = await sut.privateKey('gemeente-soest');
    const second = await sut.privateKey('gemeente-soest');
    expect(second).toBe(first);
    expect(first.isDecrypted()).toBe(true);
  });

  it('rejects a public key that does not match the pinned fingerprint', async () => {
    const swapped = { [soest.party]: riec.publicKey, [riec.party]: riec.publicKey };
    await expect(PartyKeyring.load({ directory, publicKeys: swapped })).rejects.toThrow(/does not match the fingerprint/);
  });

  it('rejects a directory without a public key for each party', async () => {
    await expect(PartyKeyring.load({ directory, publicKeys: { [soest.party]: soest.publicKey } })).rejects.toThrow(/no public key for party riec-mn/);
  });

  it('rejects a directory that breaks the PartyDirectory schema', async () => {
    await expect(PartyKeyring.load({ directory: { version: 2, parties: [] }, publicKeys })).rejects.toThrow();
  });

  it('rejects opening as a party whose private key it does not hold', async () => {
    const sut = await PartyKeyring.load({ directory, publicKeys });
    expect(sut.canActAs('gemeente-soest')).toBe(false);
    await expect(sut.privateKey('gemeente-soest')).rejects.toThrow(/no private key/);
  });
});
