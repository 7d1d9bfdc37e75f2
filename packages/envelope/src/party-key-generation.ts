import type { PartyId } from '@signaalhub/contracts';
import { generateKey } from 'openpgp';
import { OPENPGP_CONFIG } from './openpgp-config.js';

export interface ArmoredPartyKey {
  readonly party: PartyId;
  /** Uppercase hex, as the party directory pins it. */
  readonly fingerprint: string;
  readonly publicKey: string;
  /** Protected with the passphrase (S2K iterated+salted, AES-256). */
  readonly privateKey: string;
}

/**
 * A party's OpenPGP v4 key: Ed25519 primary (certify + sign) with a Curve25519 ECDH subkey — the
 * "curve25519Legacy" algorithms that GnuPG 2.2 reads and writes.
 */
export async function generatePartyKey(party: PartyId, passphrase: string): Promise<ArmoredPartyKey> {
  if (passphrase.length === 0) throw new Error('a private key needs a non-empty passphrase');
  const generated = await generateKey({
    type: 'ecc',
    curve: 'curve25519Legacy',
    userIDs: [{ name: party, email: `${party}@signaalhub.invalid` }],
    passphrase,
    format: 'object',
    config: OPENPGP_CONFIG,
  });
  return {
    party,
    fingerprint: generated.publicKey.getFingerprint().toUpperCase(),
    publicKey: generated.publicKey.armor(),
    privateKey: generated.privateKey.armor(),
  };
}
