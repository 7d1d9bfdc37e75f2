import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PartyDirectory, type PartyId } from '@signaalhub/contracts';
import { PartyKeyring } from './party-keyring.js';

/** File names inside a key directory, as `hub keys init` writes them. */
export const KeyFiles = {
  directory: 'directory.json',
  partnershipKey: 'partnership.key',
  publicKey: (party: PartyId): string => `${party}.pub.asc`,
  privateKey: (party: PartyId): string => `${party}.key.asc`,
} as const;

/**
 * Loads `directory.json`, every party's public key and the private keys found in `dir` (read once).
 * Private keys are only decrypted when first used.
 */
export async function loadKeyringFromDirectory(dir: string, passphrase?: string): Promise<PartyKeyring> {
  // Validated before any file name is built from a party id.
  const directory = PartyDirectory.parse(JSON.parse(await readFile(join(dir, KeyFiles.directory), 'utf8')));
  const parties = directory.parties.map((party) => party.id);
  const publicKeys: Record<PartyId, string> = {};
  const privateKeys: Record<PartyId, string> = {};
  for (const party of parties) {
    publicKeys[party] = await readFile(join(dir, KeyFiles.publicKey(party)), 'utf8');
    const privateKey = await readOptional(join(dir, KeyFiles.privateKey(party)));
    if (privateKey !== undefined) privateKeys[party] = privateKey;
  }
  return PartyKeyring.load({ directory, publicKeys, privateKeys, ...(passphrase === undefined ? {} : { passphrase }) });
}

async function readOptional(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if (error instanceof Error && 'code' in error && error.code === 'ENOENT') return undefined;
    throw error;
  }
}
