import { webcrypto } from 'node:crypto';
import { jwtVerify, SignJWT, errors } from 'jose';
import { UserIdentity } from './user-identity.js';

const ISSUER = 'signaalhub-web';
const AUDIENCE = 'signaalhub-services';
const ALGORITHM = 'HS256';
export const MIN_SECRET_LENGTH = 32;

/** Why a token was refused, for logs and audit; never contains the token or its claims. */
export class InvalidIdentityError extends Error {
  override readonly name = 'InvalidIdentityError';
}

export interface IdentityTokenOptions {
  readonly secret: string;
  /** Short-lived: the web application issues a fresh token per service call. Default 300 s. */
  readonly ttlSeconds?: number;
}

function key(secret: string): Uint8Array {
  if (secret.length < MIN_SECRET_LENGTH) throw new Error(`identity token secret must be at least ${MIN_SECRET_LENGTH} characters`);
  return new TextEncoder().encode(secret);
}

export async function issueIdentityToken(identity: UserIdentity, options: IdentityTokenOptions): Promise<string> {
  const claims = UserIdentity.parse(identity);
  return new SignJWT({ party: claims.party, roles: claims.roles })
    .setProtectedHeader({ alg: ALGORITHM })
    .setSubject(claims.userId)
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(`${options.ttlSeconds ?? 300}s`)
    .sign(key(options.secret));
}

/**
 * Verifies identity tokens against one secret. The HMAC key is imported once, not per request: key
 * import is most of what a verification costs.
 */
export class IdentityTokenVerifier {
  private readonly key: Promise<webcrypto.CryptoKey>;

  constructor(secret: string) {
    const raw = key(secret);
    this.key = webcrypto.subtle.importKey('raw', raw, { name: 'HMAC', hash: 'SHA-256' }, false, ['verify']);
  }

  async verify(token: string): Promise<UserIdentity> {
    let payload: Record<string, unknown>;
    try {
      ({ payload } = await jwtVerify(token, await this.key, { issuer: ISSUER, audience: AUDIENCE, algorithms: [ALGORITHM] }));
    } catch (error) {
      if (error instanceof errors.JWTExpired) throw new InvalidIdentityError('identity token expired');
      throw new InvalidIdentityError('identity token invalid');
    }
    const identity = UserIdentity.safeParse({ userId: payload.sub, party: payload.party, roles: payload.roles });
    if (!identity.success) throw new InvalidIdentityError('identity token claims invalid');
    return identity.data;
  }
}

/** One-off verification; a service verifying every request keeps an IdentityTokenVerifier instead. */
export async function verifyIdentityToken(token: string, options: { readonly secret: string }): Promise<UserIdentity> {
  return new IdentityTokenVerifier(options.secret).verify(token);
}
