import { createMessage, readSignature, sign, verify, type PrivateKey, type PublicKey } from 'openpgp';
import { OPENPGP_CONFIG } from './openpgp-config.js';

const utf8 = new TextEncoder();

/**
 * The detached header signature: a binary OpenPGP signature by the sender's key over the canonical
 * header bytes, base64 without line breaks (what `gpg --detach-sign … | base64 -w0` writes).
 */
export async function signCanonicalHeader(canonical: string, senderKey: PrivateKey): Promise<string> {
  const signature = await sign({
    message: await createMessage({ binary: utf8.encode(canonical) }),
    signingKeys: senderKey,
    detached: true,
    format: 'binary',
    config: OPENPGP_CONFIG,
  });
  return Buffer.from(signature).toString('base64');
}

/** True only when the signature parses and verifies over exactly these bytes by the pinned sender key. */
export async function isHeaderSignedBy(canonical: string, headerSignature: string, senderKey: PublicKey): Promise<boolean> {
  try {
    const signature = await readSignature({ binarySignature: Buffer.from(headerSignature, 'base64'), config: OPENPGP_CONFIG });
    const result = await verify({
      message: await createMessage({ binary: utf8.encode(canonical) }),
      signature,
      verificationKeys: senderKey,
      expectSigned: true,
      format: 'binary',
      config: OPENPGP_CONFIG,
    });
    // expectSigned already throws unless some signature verified; require one that verified AND is the pinned key's.
    const senderKeyIds = senderKey.getKeys().map((key) => key.getKeyID());
    const outcomes = await Promise.allSettled(result.signatures.map((entry) => entry.verified));
    return result.signatures.some(
      (entry, index) => outcomes[index]?.status === 'fulfilled' && senderKeyIds.some((id) => entry.keyID.equals(id)),
    );
  } catch {
    return false;
  }
}
