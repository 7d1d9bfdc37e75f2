import { UnauthorizedException, type ExecutionContext } from '@nestjs/common';
import { describe, expect, it } from 'vitest';
import { IDENTITY_HEADER, IdentityGuard, issueIdentityToken, type UserIdentity } from '../src/index.js';

const secret = 'a-test-secret-that-is-long-enough-0123456789';
const identity: UserIdentity = { userId: 'overleg.soest', party: 'gemeente-soest', roles: ['meeting-member'] };

function httpContext(headers: Record<string, string>): { context: ExecutionContext; request: { headers: Record<string, string>; identity?: UserIdentity } } {
  const request: { headers: Record<string, string>; identity?: UserIdentity } = { headers };
  const handler = (): void => undefined;
  const context = {
    getType: () => 'http',
    getHandler: () => handler,
    getClass: () => Object,
    switchToHttp: () => ({ getRequest: () => request }),
  } as unknown as ExecutionContext;
  return { context, request };
}

describe(IdentityGuard.name, () => {
  const sut = new IdentityGuard({ secret });

  it('lets a request with a valid token through and attaches the identity', async () => {
    const { context, request } = httpContext({ [IDENTITY_HEADER]: await issueIdentityToken(identity, { secret }) });
    await expect(sut.canActivate(context)).resolves.toBe(true);
    expect(request.identity).toEqual(identity);
  });

  it('rejects a request without the identity header with 401', async () => {
    await expect(sut.canActivate(httpContext({}).context)).rejects.toBeInstanceOf(UnauthorizedException);
  });

  it('rejects a request with an invalid token with 401', async () => {
    await expect(sut.canActivate(httpContext({ [IDENTITY_HEADER]: 'not-a-token' }).context)).rejects.toBeInstanceOf(UnauthorizedException);
  });
});
