import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { KeyFiles, loadKeyringFromDirectory, parsePartnershipKey, type MatchTokenKey, type PartyKeyring } from '@signaalhub/envelope';

export interface ServiceKeys {
  readonly keyring: PartyKeyring;
  readonly matchTokenKey: MatchTokenKey;
}

/**
 * The partnership's keyring (the hub hosts the parties' keys) and the match-token key. Every private
 * key is unlocked once now, so a wrong passphrase stops the service at start-up, not at the first POST.
 */
export async function loadServiceKeys(keysDir: string, passphrase: string): Promise<ServiceKeys> {
  const keyring = await loadKeyringFromDirectory(keysDir, passphrase);
  for (const party of keyring.parties()) {
    if (keyring.canActAs(party)) await keyring.privateKey(party);
  }
  const matchTokenKey = parsePartnershipKey(await readFile(join(keysDir, KeyFiles.partnershipKey), 'utf8'));
  return { keyring, matchTokenKey };
}
