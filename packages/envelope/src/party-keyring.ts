import { PartyDirectory, type PartyEntry, type PartyId } from '@signaalhub/contracts';
import { decryptKey, readKey, readPrivateKey, type PrivateKey, type PublicKey } from 'openpgp';
import { OPENPGP_CONFIG } from './openpgp-config.js';

export interface PartyKeyringSource {
  /** Validated against the PartyDirectory schema. */
  readonly directory: unknown;
  /** Armored public key of EVERY party in the directory. */
  readonly publicKeys: Readonly<Record<PartyId, string>>;
  /** Armored, passphrase-protected private keys of the parties this process acts as (usually one). */
  readonly privateKeys?: Readonly<Record<PartyId, string>>;
  readonly passphrase?: string;
}

/**
 * The party directory with every party's pinned public key, parsed once. Private keys are decrypted
 * on first use and cached, so no key is ever parsed or decrypted per message.
 */
export class PartyKeyring {
  private readonly unlocked = new Map<PartyId, Promise<PrivateKey>>();

  private constructor(
    readonly directory: PartyDirectory,
    private readonly publicKeys: ReadonlyMap<PartyId, PublicKey>,
    private readonly armoredPrivateKeys: ReadonlyMap<PartyId, string>,
    private readonly passphrase: string | undefined,
  ) {}

  static async load(source: PartyKeyringSource): Promise<PartyKeyring> {
    const directory = PartyDirectory.parse(source.directory);
    const publicKeys = new Map<PartyId, PublicKey>();
    for (const entry of directory.parties) {
      const armored = source.publicKeys[entry.id];
      if (armored === undefined) throw new Error(`no public key for party ${entry.id}`);
      publicKeys.set(entry.id, await readPinnedPublicKey(entry, armored));
    }
    const privateKeys = new Map<PartyId, string>();
    for (const [party, armored] of Object.entries(source.privateKeys ?? {})) {
      if (!publicKeys.has(party)) throw new Error(`private key for ${party}, which is not in the party directory`);
      privateKeys.set(party, armored);
    }
    return new PartyKeyring(directory, publicKeys, privateKeys, source.passphrase);
  }

  knows(party: string): boolean {
    return this.publicKeys.has(party);
  }

  parties(): PartyId[] {
    return [...this.publicKeys.keys()];
  }

  canActAs(party: string): boolean {
    return this.armoredPrivateKeys.has(party);
  }

  entry(party: PartyId): PartyEntry {
    const found = this.directory.parties.find((candidate) => candidate.id === party);
    if (found === undefined) throw new Error(`party ${party} is not in the party directory`);
    return found;
  }

  publicKey(party: PartyId): PublicKey {
    const key = this.publicKeys.get(party);
    if (key === undefined) throw new Error(`party ${party} is not in the party directory`);
    return key;
  }

  /** The decrypted private key; the first call pays for S2K + parsing, later calls reuse it. */
  privateKey(party: PartyId): Promise<PrivateKey> {
    let unlocked = this.unlocked.get(party);
    if (unlocked === undefined) {
      unlocked = this.unlock(party);
      // A failed unlock (wrong passphrase) is not cached, so a corrected configuration can retry.
      unlocked.catch(() => this.unlocked.delete(party));
      this.unlocked.set(party, unlocked);
    }
    return unlocked;
  }

  private async unlock(party: PartyId): Promise<PrivateKey> {
    const armored = this.armoredPrivateKeys.get(party);
    if (armored === undefined) throw new Error(`no private key for party ${party}`);
    if (this.passphrase === undefined) throw new Error('private keys are passphrase-protected: a passphrase is required');
    const locked = await readPrivateKey({ armoredKey: armored, config: OPENPGP_CONFIG });
    const expected = this.entry(party).fingerprint;
    if (locked.getFingerprint().toUpperCase() !== expected) {
      throw new Error(`private key of ${party} does not match the fingerprint pinned in the party directory`);
    }
    if (locked.isDecrypted()) throw new Error(`private key of ${party} is not passphrase-protected`);
    return decryptKey({ privateKey: locked, passphrase: this.passphrase, config: OPENPGP_CONFIG });
  }
}

async function readPinnedPublicKey(entry: PartyEntry, armored: string): Promise<PublicKey> {
  const key = await readKey({ armoredKey: armored, config: OPENPGP_CONFIG });
  if (key.isPrivate()) throw new Error(`the public key file of ${entry.id} holds a private key`);
  if (key.getFingerprint().toUpperCase() !== entry.fingerprint) {
    throw new Error(`public key of ${entry.id} does not match the fingerprint pinned in the party directory`);
  }
  if (key.keyPacket.version !== 4) throw new Error(`key of ${entry.id} must be an OpenPGP v4 key`);
  const { algorithm, curve } = key.getAlgorithmInfo();
  if (algorithm !== 'eddsaLegacy' || curve !== 'ed25519Legacy') {
    throw new Error(`key of ${entry.id} must be Ed25519 (curve25519) for GnuPG 2.2 interoperability`);
  }
  // Both throw when the key has no usable (unexpired, unrevoked) signing or encryption key.
  await key.getSigningKey();
  await key.getEncryptionKey();
  // readKey types its result as the abstract Key; it is a public key (checked above).
  return key.toPublic();
}
