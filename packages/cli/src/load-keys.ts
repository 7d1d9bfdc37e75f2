import { loadKeyringFromDirectory, type PartyKeyring } from '@signaalhub/envelope';
import { CommandFailure } from './cli-errors.js';

export async function loadKeys(dir: string, passphrase?: string): Promise<PartyKeyring> {
  try {
    return await loadKeyringFromDirectory(dir, passphrase);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new CommandFailure(`kan de sleutelmap ${dir} niet laden (${reason})`);
  }
}
