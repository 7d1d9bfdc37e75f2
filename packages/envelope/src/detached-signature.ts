import { createHash, createPrivateKey, createPublicKey, sign as signEd25519, verify as verifyEd25519, type KeyObject } from 'node:crypto';
import { createMessage, enums, readSignature, sign, verify, type PrivateKey, type PublicKey, type VerifyMessageResult } from 'openpgp';
import { OPENPGP_CONFIG } from './openpgp-config.js';

/*
 * A detached OpenPGP v4 signature over bytes (RFC 4880 §5.2.3), what `gpg --detach-sign` makes: the
 * header signature, and the body signature an envelope's OpenPGP message carries. For the hub's own keys
 * (EdDSA on curve25519, DESIGN §4) it is made and checked with node:crypto's Ed25519 on a key object made
 * once per key: openpgp.js imports the key into WebCrypto for every signature, which cost a quarter of a
 * seal. Anything else (another algorithm, another packet form, an expired key) goes through openpgp.js,
 * so a partner's valid signature is never refused for its form and an expired key fails as openpgp fails.
 */
const SIGNATURE_TAG = 2;
const BINARY_DOCUMENT = 0x00;
const EDDSA_LEGACY: number = enums.publicKey.eddsaLegacy;
const SHA256 = 8;
const HASHES: Readonly<Record<number, string>> = { 8: 'sha256', 9: 'sha384', 10: 'sha512', 11: 'sha224' };
const SUBPACKET_CREATION_TIME = 2;
const SUBPACKET_ISSUER_KEY_ID = 16;
const SUBPACKET_ISSUER_FINGERPRINT = 33;

interface KeyParams {
  readonly algorithm: number;
  readonly publicParams: { readonly Q?: Uint8Array };
  readonly privateParams?: { readonly seed?: Uint8Array } | null;
  getFingerprintBytes(): Uint8Array | null;
}

interface NativeSigner {
  readonly key: KeyObject;
  readonly fingerprint: Buffer;
  /** Epoch milliseconds from which openpgp.js would no longer sign with this key (Infinity: never). */
  readonly validUntil: number;
}

const signers = new WeakMap<PrivateKey, Promise<NativeSigner | undefined>>();
const verifiers = new WeakMap<PublicKey, KeyObject[]>();

/*
 * The callback forms run in libuv's thread pool, so a signature is made or checked beside the OpenPGP work of
 * other messages on the event loop instead of in front of it.
 */
function signInPool(data: Buffer, key: KeyObject): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    signEd25519(null, data, key, (error, signature) => {
      if (error === null) resolve(signature);
      else reject(error);
    });
  });
}

function verifyInPool(data: Buffer, key: KeyObject, signature: Buffer): Promise<boolean> {
  return new Promise((resolve, reject) => {
    verifyEd25519(null, data, key, signature, (error, valid) => {
      if (error === null) resolve(valid);
      else reject(error);
    });
  });
}

const base64url = (bytes: Uint8Array): string => Buffer.from(bytes).toString('base64url');

/** The 32-byte Ed25519 public key of an EdDSA (legacy) key packet: its point Q without the 0x40 prefix. */
function ed25519Point(params: KeyParams): Uint8Array | undefined {
  const point = params.publicParams.Q;
  return params.algorithm === EDDSA_LEGACY && point?.length === 33 && point[0] === 0x40 ? point.subarray(1) : undefined;
}

/** Expiration as epoch milliseconds: Infinity for none, -Infinity when openpgp.js finds no valid one. */
function epochMs(expiration: Date | number | null): number {
  if (expiration === null) return -Infinity;
  return expiration instanceof Date ? expiration.getTime() : expiration;
}

async function nativeSigner(senderKey: PrivateKey): Promise<NativeSigner | undefined> {
  const signingKey = await senderKey.getSigningKey();
  const params = signingKey.keyPacket as unknown as KeyParams;
  const point = ed25519Point(params);
  const seed = params.privateParams?.seed;
  const fingerprint = params.getFingerprintBytes();
  if (point === undefined || seed?.length !== 32 || fingerprint?.length !== 20) return undefined;
  const key = createPrivateKey({ key: { kty: 'OKP', crv: 'Ed25519', d: base64url(seed), x: base64url(point) }, format: 'jwk' });
  const expirations = [await senderKey.getExpirationTime()];
  if (signingKey !== senderKey) expirations.push(await signingKey.getExpirationTime());
  return { key, fingerprint: Buffer.from(fingerprint), validUntil: Math.min(...expirations.map(epochMs)) };
}

async function usableNativeSigner(senderKey: PrivateKey): Promise<NativeSigner | undefined> {
  let signer = signers.get(senderKey);
  if (signer === undefined) {
    // A key openpgp.js will not sign with (expired, revoked) is left to openpgp.js, which says why.
    signer = nativeSigner(senderKey).catch(() => undefined);
    signers.set(senderKey, signer);
  }
  const native = await signer;
  return native !== undefined && Date.now() < native.validUntil ? native : undefined;
}

function nativeVerifiers(senderKey: PublicKey): KeyObject[] {
  let keys = verifiers.get(senderKey);
  if (keys === undefined) {
    keys = senderKey.getKeys().flatMap((key) => {
      const point = ed25519Point(key.keyPacket);
      return point === undefined ? [] : [createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: base64url(point) }, format: 'jwk' })];
    });
    verifiers.set(senderKey, keys);
  }
  return keys;
}

/** An MPI (RFC 4880 §3.2): bit count, then the big-endian bytes without leading zeros. */
function mpi(bytes: Buffer): Buffer {
  let start = 0;
  while (start < bytes.length - 1 && bytes[start] === 0) start += 1;
  const value = bytes.subarray(start);
  const bits = (value.length - 1) * 8 + (value[0] === 0 ? 0 : 32 - Math.clz32(value[0] ?? 0));
  return Buffer.concat([Buffer.from([bits >> 8, bits & 0xff]), value]);
}

function subpacket(type: number, body: Buffer): Buffer {
  return Buffer.concat([Buffer.from([body.length + 1, type]), body]);
}

/** The signed part of a v4 signature and its hash over the data (RFC 4880 §5.2.4). */
function signatureDigest(data: Uint8Array, signedPart: Buffer, hash: string): Buffer {
  const trailer = Buffer.alloc(6);
  trailer.writeUInt8(0x04, 0);
  trailer.writeUInt8(0xff, 1);
  trailer.writeUInt32BE(signedPart.length, 2);
  return createHash(hash).update(data).update(signedPart).update(trailer).digest();
}

async function signNatively(data: Uint8Array, signer: NativeSigner): Promise<Buffer> {
  const created = Buffer.alloc(4);
  created.writeUInt32BE(Math.floor(Date.now() / 1000));
  const hashed = Buffer.concat([
    subpacket(SUBPACKET_CREATION_TIME, created),
    subpacket(SUBPACKET_ISSUER_FINGERPRINT, Buffer.concat([Buffer.from([4]), signer.fingerprint])),
  ]);
  const signedPart = Buffer.concat([Buffer.from([4, BINARY_DOCUMENT, EDDSA_LEGACY, SHA256, hashed.length >> 8, hashed.length & 0xff]), hashed]);
  const unhashed = subpacket(SUBPACKET_ISSUER_KEY_ID, signer.fingerprint.subarray(12));
  const digest = signatureDigest(data, signedPart, 'sha256');
  // EdDSA (legacy) signs the digest itself; the signature is R and S, each an MPI.
  const signature = await signInPool(digest, signer.key);
  const body = Buffer.concat([
    signedPart,
    Buffer.from([unhashed.length >> 8, unhashed.length & 0xff]),
    unhashed,
    digest.subarray(0, 2),
    mpi(signature.subarray(0, 32)),
    mpi(signature.subarray(32, 64)),
  ]);
  if (body.length > 191) throw new Error('signature packet unexpectedly long');
  return Buffer.concat([Buffer.from([0xc0 | SIGNATURE_TAG, body.length]), body]);
}

interface ParsedSignature {
  readonly signedPart: Buffer;
  readonly hash: string;
  readonly left16: Buffer;
  readonly r: Buffer;
  readonly s: Buffer;
}

/** One v4 EdDSA signature over a binary document, as the whole input; undefined for any other form. */
function parseEdDsaSignature(packet: Buffer): ParsedSignature | undefined {
  let offset: number;
  let length: number;
  const first = packet[0] ?? 0;
  if ((first & 0xc0) === 0xc0) {
    if ((first & 0x3f) !== SIGNATURE_TAG) return undefined;
    const octet = packet[1] ?? 255;
    if (octet < 192) [offset, length] = [2, octet];
    else if (octet < 224) [offset, length] = [3, ((octet - 192) << 8) + (packet[2] ?? 0) + 192];
    else if (octet === 255 && packet.length >= 6) [offset, length] = [6, packet.readUInt32BE(2)];
    else return undefined;
  } else if ((first & 0xc0) === 0x80) {
    if (((first >> 2) & 0x0f) !== SIGNATURE_TAG) return undefined;
    const lengthType = first & 0x03;
    if (lengthType === 0 && packet.length >= 2) [offset, length] = [2, packet.readUInt8(1)];
    else if (lengthType === 1 && packet.length >= 3) [offset, length] = [3, packet.readUInt16BE(1)];
    else if (lengthType === 2 && packet.length >= 5) [offset, length] = [5, packet.readUInt32BE(1)];
    else return undefined;
  } else return undefined;
  const body = packet.subarray(offset);
  if (body.length !== length || length < 10) return undefined;
  const [version, type, algorithm, hashAlgorithm] = body;
  const hash = HASHES[hashAlgorithm ?? -1];
  if (version !== 4 || type !== BINARY_DOCUMENT || algorithm !== EDDSA_LEGACY || hash === undefined) return undefined;
  const hashedLength = body.readUInt16BE(4);
  const signedEnd = 6 + hashedLength;
  if (body.length < signedEnd + 2) return undefined;
  const unhashedEnd = signedEnd + 2 + body.readUInt16BE(signedEnd);
  let cursor = unhashedEnd + 2;
  const readMpi = (): Buffer | undefined => {
    if (body.length < cursor + 2) return undefined;
    const bytes = Math.ceil(body.readUInt16BE(cursor) / 8);
    const value = body.subarray(cursor + 2, cursor + 2 + bytes);
    cursor += 2 + bytes;
    return value.length === bytes && bytes <= 32 ? Buffer.concat([Buffer.alloc(32 - bytes), value]) : undefined;
  };
  if (body.length < cursor) return undefined;
  const left16 = body.subarray(unhashedEnd, unhashedEnd + 2);
  const r = readMpi();
  const s = readMpi();
  if (r === undefined || s === undefined || cursor !== body.length) return undefined;
  return { signedPart: body.subarray(0, signedEnd), hash, left16, r, s };
}

/** A binary detached signature packet by the signing key of `senderKey` over exactly `data`. */
export async function signDetached(data: Uint8Array, senderKey: PrivateKey): Promise<Uint8Array> {
  const native = await usableNativeSigner(senderKey);
  if (native !== undefined) return signNatively(data, native);
  return sign({ message: await createMessage({ binary: data }), signingKeys: senderKey, detached: true, format: 'binary', config: OPENPGP_CONFIG });
}

/** True only when the signature packet parses and verifies over exactly `data` by the pinned sender key. */
export async function isSignedDetachedBy(data: Uint8Array, packet: Buffer, senderKey: PublicKey): Promise<boolean> {
  const parsed = parseEdDsaSignature(packet);
  const keys = nativeVerifiers(senderKey);
  if (parsed !== undefined && keys.length > 0) {
    const digest = signatureDigest(data, parsed.signedPart, parsed.hash);
    if (!digest.subarray(0, 2).equals(parsed.left16)) return false;
    const signature = Buffer.concat([parsed.r, parsed.s]);
    for (const key of keys) if (await verifyInPool(digest, key, signature)) return true;
    return false;
  }
  return verifyWithOpenpgp(data, packet, senderKey);
}

async function verifyWithOpenpgp(data: Uint8Array, packet: Buffer, senderKey: PublicKey): Promise<boolean> {
  try {
    const signature = await readSignature({ binarySignature: packet, config: OPENPGP_CONFIG });
    const result = await verify({
      message: await createMessage({ binary: data }),
      signature,
      verificationKeys: senderKey,
      expectSigned: true,
      format: 'binary',
      config: OPENPGP_CONFIG,
    });
    return await hasValidSignatureBy(senderKey, result.signatures);
  } catch {
    return false;
  }
}

/**
 * Defence in depth on top of openpgp.js's `expectSigned`: at least one of its signatures verified AND was
 * made by the pinned key (a message's or a detached signature's results alike).
 */
export async function hasValidSignatureBy(senderKey: PublicKey, signatures: VerifyMessageResult['signatures']): Promise<boolean> {
  const senderKeyIds = senderKey.getKeys().map((key) => key.getKeyID());
  const outcomes = await Promise.allSettled(signatures.map((signature) => signature.verified));
  return signatures.some(
    (signature, index) => outcomes[index]?.status === 'fulfilled' && senderKeyIds.some((id) => signature.keyID.equals(id)),
  );
}
