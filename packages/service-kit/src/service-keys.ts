import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ConfigError } from '@signaalhub/config';
import { KeyFiles, loadKeyringFromDirectory, parsePartnershipKey, type MatchTokenKey, type PartyKeyring } from '@signaalhub/envelope';

export interface ServiceKeys {
  readonly keyring: PartyKeyring;
  readonly matchTokenKey: MatchTokenKey;
}

/**
 * The partnership's keyring (the hub hosts the parties' keys) and the match-token key, as `hub keys init`
 * writes them. Every private key is unlocked once now, so a wrong passphrase stops the service at start-up
 * (exit 78, like any bad configuration), not at the first message.
 */
export async function loadServiceKeys(keysDir: string, passphrase: string): Promise<ServiceKeys> {
  try {
    const keyring = await loadKeyringFromDirectory(keysDir, passphrase);
    for (const party of keyring.parties()) {
      if (keyring.canActAs(party)) await keyring.privateKey(party);
    }
    const matchTokenKey = parsePartnershipKey(await readFile(join(keysDir, KeyFiles.partnershipKey), 'utf8'));
    return { keyring, matchTokenKey };
  } catch (error) {
    // openpgp's and the file system's messages name files and rules, never key material.
    throw new ConfigError([`KEYS_DIR / HUB_KEY_PASSPHRASE: cannot load the keys (${error instanceof Error ? error.message : 'unknown error'})`]);
  }
}
