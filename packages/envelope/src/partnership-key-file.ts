import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { describeIssues } from './schema-issues.js';
import { MIN_MATCH_TOKEN_SECRET_BYTES, type MatchTokenKey } from './match-token.js';

/** `partnership.key`: `{"version":1,"secret":"<64 hex>"}` — hex so `openssl dgst -mac HMAC -macopt hexkey:` takes it as is. */
const PartnershipKeyFile = z.strictObject({
  version: z.number().int().min(1),
  secret: z.string().regex(/^(?:[0-9a-f]{2}){32,}$/, 'secret must be at least 32 bytes of lowercase hex'),
});

export function newPartnershipKey(version = 1): MatchTokenKey {
  return { version, secret: randomBytes(MIN_MATCH_TOKEN_SECRET_BYTES) };
}

export function serialisePartnershipKey(key: MatchTokenKey): string {
  return `${JSON.stringify({ version: key.version, secret: Buffer.from(key.secret).toString('hex') })}\n`;
}

export function parsePartnershipKey(text: string): MatchTokenKey {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new Error('partnership key file is not JSON');
  }
  const parsed = PartnershipKeyFile.safeParse(json);
  if (!parsed.success) throw new Error(`partnership key file is invalid (${describeIssues(parsed.error)})`);
  return { version: parsed.data.version, secret: Buffer.from(parsed.data.secret, 'hex') };
}
