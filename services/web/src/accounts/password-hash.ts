import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/**
 * scrypt parameters (OWASP minimum for scrypt: N=2^17 with r=8 costs 128 MiB; N=2^15 keeps a sign-in
 * near 50 ms and 32 MiB on a 2-core machine). Stored with each hash so they can be raised later.
 */
const DEFAULT_PARAMETERS = { N: 2 ** 15, r: 8, p: 1 } as const;
const KEY_LENGTH = 32;
const SALT_LENGTH = 16;
const FORMAT = 'scrypt';

function derive(password: string, salt: Buffer, parameters: { N: number; r: number; p: number }): Promise<Buffer> {
  // maxmem must cover 128 * N * r bytes, or Node refuses the parameters.
  const options: ScryptOptions = { ...parameters, maxmem: 256 * parameters.N * parameters.r };
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFC'), salt, KEY_LENGTH, options, (error, key) => {
      if (error) reject(error);
      else resolve(key);
    });
  });
}

/** `scrypt$N$r$p$salt$hash` (base64); a fresh random salt per call, so equal passwords never share a hash. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(SALT_LENGTH);
  const key = await derive(password, salt, DEFAULT_PARAMETERS);
  const { N, r, p } = DEFAULT_PARAMETERS;
  return [FORMAT, N, r, p, salt.toString('base64'), key.toString('base64')].join('$');
}

/** Whether a stored value has the shape `hashPassword` writes (an accounts file is checked with it). */
export function isPasswordHash(stored: string): boolean {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== FORMAT) return false;
  if (!parts.slice(1, 4).every((part) => /^[1-9][0-9]{0,9}$/.test(part))) return false;
  return Buffer.from(parts[5] ?? '', 'base64').length === KEY_LENGTH && (parts[4] ?? '').length > 0;
}

/** Constant-time comparison; a malformed stored hash never matches. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== FORMAT) return false;
  const [N, r, p] = parts.slice(1, 4).map(Number);
  if (N === undefined || r === undefined || p === undefined || ![N, r, p].every(Number.isSafeInteger)) return false;
  const salt = Buffer.from(parts[4] ?? '', 'base64');
  const expected = Buffer.from(parts[5] ?? '', 'base64');
  if (expected.length !== KEY_LENGTH) return false;
  const actual = await derive(password, salt, { N, r, p });
  return timingSafeEqual(actual, expected);
}

/**
 * A hash of a random password, checked when the account does not exist: an unknown user name then costs
 * the same scrypt work as a wrong password, so timing does not tell which accounts exist.
 */
export const UNKNOWN_ACCOUNT_HASH = hashPassword(randomBytes(24).toString('base64'));
