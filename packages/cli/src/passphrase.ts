import type { CliIo } from './cli-io.js';
import { UsageError } from './cli-errors.js';

export const PASSPHRASE_ENV = 'HUB_KEY_PASSPHRASE';

/** Private keys are passphrase-protected at rest; the passphrase never travels on the command line (ps, shell history). */
export function requirePassphrase(io: CliIo): string {
  const passphrase = io.env[PASSPHRASE_ENV];
  if (passphrase === undefined || passphrase === '') {
    throw new UsageError(`omgevingsvariabele ${PASSPHRASE_ENV} ontbreekt (wachtwoordzin van de privésleutels)`);
  }
  return passphrase;
}
