import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The local stack's identity-token secret and key passphrase: made once, kept under .stack/ (git-ignored),
 * so a restart keeps sessions and keys valid. Production sets these variables itself.
 */
export function localSecret(stackDir: string, name: string): string {
  const file = join(stackDir, `${name}.secret`);
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600 });
  return readFileSync(file, 'utf8').trim();
}
