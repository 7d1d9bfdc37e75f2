import type { PrivateKey, PublicKey } from 'openpgp';
import { isSignedDetachedBy, signDetached } from './detached-signature.js';

const utf8 = new TextEncoder();

/**
 * The detached header signature: a binary OpenPGP signature by the sender's key over the canonical
 * header bytes, base64 without line breaks (what `gpg --detach-sign … | base64 -w0` writes).
 */
export async function signCanonicalHeader(canonical: string, senderKey: PrivateKey): Promise<string> {
  return Buffer.from(await signDetached(utf8.encode(canonical), senderKey)).toString('base64');
}

/** True only when the signature parses and verifies over exactly these bytes by the pinned sender key. */
export async function isHeaderSignedBy(canonical: string, headerSignature: string, senderKey: PublicKey): Promise<boolean> {
  return isSignedDetachedBy(utf8.encode(canonical), Buffer.from(headerSignature, 'base64'), senderKey);
}
