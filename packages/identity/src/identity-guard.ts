import {
  type CanActivate,
  type ExecutionContext,
  SetMetadata,
  UnauthorizedException,
  createParamDecorator,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { IdentityTokenVerifier, InvalidIdentityError, type IdentityVerifierOptions } from './identity-token.js';
import { IDENTITY_HEADER, type UserIdentity } from './user-identity.js';

const PUBLIC_ROUTE = 'signaalhub:public-route';

/** Marks a route (health, API docs) that needs no identity. */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(PUBLIC_ROUTE, true);

interface RequestWithIdentity {
  headers: Record<string, string | string[] | undefined>;
  identity?: UserIdentity;
}

/**
 * Authentication for HTTP routes: a valid, recent identity token from the web application, or 401 (the
 * same body for every reason, so a caller learns nothing about why).
 * Only HTTP: Kafka handlers are authenticated by the envelope signature instead.
 */
export class IdentityGuard implements CanActivate {
  private readonly reflector = new Reflector();
  private readonly verifier: IdentityTokenVerifier;

  constructor(options: IdentityVerifierOptions) {
    this.verifier = new IdentityTokenVerifier(options);
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const isPublic = this.reflector.getAllAndOverride<boolean | undefined>(PUBLIC_ROUTE, [context.getHandler(), context.getClass()]);
    if (isPublic === true) return true;
    const request = context.switchToHttp().getRequest<RequestWithIdentity>();
    const header = request.headers[IDENTITY_HEADER];
    if (typeof header !== 'string' || header === '') throw new UnauthorizedException({ error: 'unauthenticated' });
    try {
      request.identity = await this.verifier.verify(header);
      return true;
    } catch (error) {
      if (error instanceof InvalidIdentityError) throw new UnauthorizedException({ error: 'unauthenticated' });
      throw error;
    }
  }
}

/** The verified caller of an HTTP route guarded by IdentityGuard. */
export const CurrentIdentity = createParamDecorator((_data: unknown, context: ExecutionContext): UserIdentity => {
  const identity = context.switchToHttp().getRequest<RequestWithIdentity>().identity;
  if (identity === undefined) throw new UnauthorizedException({ error: 'unauthenticated' });
  return identity;
});
