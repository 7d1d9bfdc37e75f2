import { describe, expect, it } from 'vitest';
import { InvalidIdentityError, issueIdentityToken, verifyIdentityToken, type UserIdentity } from '../src/index.js';

const secret = 'a-test-secret-that-is-long-enough-0123456789';
const identity: UserIdentity = { userId: 'inspecteur.soest', party: 'gemeente-soest', roles: ['inspector'] };

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
