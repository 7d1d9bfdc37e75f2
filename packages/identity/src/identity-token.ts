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

/** The longest a verifier accepts a token after its `iat`, whatever its `exp` says, unless configured otherwise. */
export const DEFAULT_MAX_TOKEN_AGE_SECONDS = 300;
/** Clock difference between the web application and a service that is still accepted on `iat` and `exp`. */
const CLOCK_TOLERANCE_SECONDS = 5;

export interface IdentityTokenOptions {
  readonly secret: string;
  /** Short-lived: the web application issues a fresh token per service call. Default 60 s. */
  readonly ttlSeconds?: number;
}

export interface IdentityVerifierOptions {
  readonly secret: string;
  /** Maximum token age from `iat`, enforced whatever `exp` says (a stolen long-lived token is worth minutes). */
  readonly maxAgeSeconds?: number;
  /** The application clock; tests pass their own instead of waiting. */
  readonly now?: () => Date;
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
    .setExpirationTime(`${options.ttlSeconds ?? 60}s`)
    .sign(key(options.secret));
}

/**
 * Verifies identity tokens against one secret: `exp` and `iat` required, `iat` not older than the maximum
 * age and not in the future. The HMAC key is imported once, not per request: key import is most of what a
 * verification costs.
 */
export class IdentityTokenVerifier {
  private readonly key: Promise<webcrypto.CryptoKey>;
  private readonly maxAgeSeconds: number;
  private readonly now: () => Date;

  constructor(options: IdentityVerifierOptions) {
    const raw = key(options.secret);
    this.maxAgeSeconds = options.maxAgeSeconds ?? DEFAULT_MAX_TOKEN_AGE_SECONDS;
    if (!Number.isInteger(this.maxAgeSeconds) || this.maxAgeSeconds < 1) throw new Error('identity token maximum age must be a whole number of seconds');
    this.now = options.now ?? (() => new Date());
    this.key = webcrypto.subtle.importKey('raw', raw, { name: 'HMAC', hash: 'SHA-256' }, false, ['verify']);
  }

  async verify(token: string): Promise<UserIdentity> {
    let payload: Record<string, unknown>;
    try {
      ({ payload } = await jwtVerify(token, await this.key, {
        issuer: ISSUER,
        audience: AUDIENCE,
        algorithms: [ALGORITHM],
        requiredClaims: ['exp', 'iat'],
        maxTokenAge: this.maxAgeSeconds,
        clockTolerance: CLOCK_TOLERANCE_SECONDS,
        currentDate: this.now(),
      }));
    } catch (error) {
      if (error instanceof errors.JWTExpired) throw new InvalidIdentityError(error.claim === 'iat' ? 'identity token older than its maximum age' : 'identity token expired');
      if (error instanceof errors.JWTClaimValidationFailed) throw new InvalidIdentityError(`identity token claim ${error.claim} invalid`);
      throw new InvalidIdentityError('identity token invalid');
    }
    const identity = UserIdentity.safeParse({ userId: payload.sub, party: payload.party, roles: payload.roles });
    if (!identity.success) throw new InvalidIdentityError('identity token claims invalid');
    return identity.data;
  }
}

/** One-off verification; a service verifying every request keeps an IdentityTokenVerifier instead. */
export async function verifyIdentityToken(token: string, options: IdentityVerifierOptions): Promise<UserIdentity> {
  return new IdentityTokenVerifier(options).verify(token);
}
