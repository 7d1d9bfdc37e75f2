import { createMessage, encrypt, readSignature, type PrivateKey, type PublicKey } from 'openpgp';
import { signDetached } from './detached-signature.js';
import { OPENPGP_CONFIG } from './openpgp-config.js';

/**
 * One armored OpenPGP message, signed by `signingKey` and encrypted to every key in `encryptionKeys`:
 * one-pass signature, literal data, signature (what `gpg --sign --encrypt` writes). The signature is
 * made by `signDetached` and handed to openpgp.js as the message's existing signature, so the hub's own
 * Ed25519 keys sign natively (no WebCrypto import per message) and every other key signs as before.
 */
export async function signAndEncrypt(plaintext: Uint8Array, signingKey: PrivateKey, encryptionKeys: readonly PublicKey[]): Promise<string> {
  const signature = await readSignature({ binarySignature: await signDetached(plaintext, signingKey), config: OPENPGP_CONFIG });
  return encrypt({
    message: await createMessage({ binary: plaintext }),
    encryptionKeys: [...encryptionKeys],
    signature,
    format: 'armored',
    config: OPENPGP_CONFIG,
  });
}
