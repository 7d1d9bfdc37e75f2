import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { DEFAULT_MAX_TOKEN_AGE_SECONDS, IdentityTokenVerifier, InvalidIdentityError, issueIdentityToken, verifyIdentityToken, type UserIdentity } from '../src/index.js';

const secret = 'a-test-secret-that-is-long-enough-0123456789';
const identity: UserIdentity = { userId: 'inspecteur.soest', party: 'gemeente-soest', roles: ['inspector'] };

/** A token signed with the right secret whose time claims the test chooses (undefined: left out). */
async function tokenWith(times: { iat?: number; exp?: number }): Promise<string> {
  const jwt = new SignJWT({ party: identity.party, roles: identity.roles, ...times })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(identity.userId)
    .setIssuer('signaalhub-web')
    .setAudience('signaalhub-services');
  return jwt.sign(new TextEncoder().encode(secret));
}

const nowSeconds = (): number => Math.floor(Date.now() / 1000);

describe(verifyIdentityToken.name, () => {
  it('returns the identity a token was issued for', async () => {
    const sut = await verifyIdentityToken(await issueIdentityToken(identity, { secret }), { secret });
    expect(sut).toEqual(identity);
  });

  it('rejects a token signed with another secret', async () => {
    const token = await issueIdentityToken(identity, { secret: `${secret}-other` });
    await expect(verifyIdentityToken(token, { secret })).rejects.toThrow(InvalidIdentityError);
  });

  it('rejects a token whose claims were changed', async () => {
    const [header, , signature] = (await issueIdentityToken(identity, { secret })).split('.');
    const forged = Buffer.from(JSON.stringify({ sub: 'x', party: 'riec-mn', roles: ['admin'] })).toString('base64url');
    await expect(verifyIdentityToken(`${header ?? ''}.${forged}.${signature ?? ''}`, { secret })).rejects.toThrow('identity token invalid');
  });

  it('rejects an expired token as expired', async () => {
    const token = await issueIdentityToken(identity, { secret, ttlSeconds: -10 });
    await expect(verifyIdentityToken(token, { secret })).rejects.toThrow('identity token expired');
  });

  it('rejects a token without exp', async () => {
    await expect(verifyIdentityToken(await tokenWith({ iat: nowSeconds() }), { secret })).rejects.toThrow('claim exp invalid');
  });

  it('rejects a token without iat', async () => {
    await expect(verifyIdentityToken(await tokenWith({ exp: nowSeconds() + 60 }), { secret })).rejects.toThrow('claim iat invalid');
  });

  it('rejects a token older than the maximum age although its exp lies years ahead', async () => {
    const token = await tokenWith({ iat: nowSeconds() - DEFAULT_MAX_TOKEN_AGE_SECONDS - 60, exp: nowSeconds() + 10 * 365 * 24 * 3600 });
    await expect(verifyIdentityToken(token, { secret })).rejects.toThrow('older than its maximum age');
  });

  it('rejects a token issued in the future', async () => {
    const token = await tokenWith({ iat: nowSeconds() + 120, exp: nowSeconds() + 180 });
    await expect(verifyIdentityToken(token, { secret })).rejects.toThrow('claim iat invalid');
  });

  it('accepts a long-lived token only within the configured maximum age, on the application clock', async () => {
    const issuedAt = Date.now();
    const token = await issueIdentityToken(identity, { secret, ttlSeconds: 3_600 });
    let clock = new Date(issuedAt + 50_000);
    const sut = new IdentityTokenVerifier({ secret, maxAgeSeconds: 60, now: () => clock });
    await expect(sut.verify(token)).resolves.toEqual(identity);
    clock = new Date(issuedAt + 70_000);
    await expect(sut.verify(token)).rejects.toThrow('older than its maximum age');
  });

  it('refuses a maximum age that is not a positive whole number of seconds', () => {
    expect(() => new IdentityTokenVerifier({ secret, maxAgeSeconds: 0 })).toThrow('whole number of seconds');
  });

  it('rejects garbage without echoing it', async () => {
    const error = await verifyIdentityToken('Jan de Vries', { secret }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(InvalidIdentityError);
    expect(String(error)).not.toContain('Jan');
  });

  it('refuses to issue a token for an identity with an unknown role', async () => {
    await expect(issueIdentityToken({ ...identity, roles: ['superuser' as 'admin'] }, { secret })).rejects.toThrow();
  });

  it('refuses a secret shorter than 32 characters', async () => {
    await expect(issueIdentityToken(identity, { secret: 'short' })).rejects.toThrow('at least 32 characters');
  });
});
