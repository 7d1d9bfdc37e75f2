import { enums, type PartialConfig } from 'openpgp';

/**
 * One frozen OpenPGP configuration, reused for every call (no per-message allocation). v4 keys and
 * SEIPDv1 (no AEAD) keep messages readable and writable by GnuPG 2.2; no compression, so the size of
 * a body does not depend on how well its plaintext compresses.
 */
export const OPENPGP_CONFIG: PartialConfig = Object.freeze({
  v6Keys: false,
  aeadProtect: false,
  preferredCompressionAlgorithm: enums.compression.uncompressed,
  preferredSymmetricAlgorithm: enums.symmetric.aes256,
  preferredHashAlgorithm: enums.hash.sha256,
});
