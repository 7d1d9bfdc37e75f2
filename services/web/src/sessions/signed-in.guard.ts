import { type CanActivate, type ExecutionContext, Inject, Injectable, createParamDecorator } from '@nestjs/common';
import type { UserIdentity } from '@signaalhub/identity';
import type { Account } from '../accounts/account.js';
import type { AccountStore } from '../accounts/account-store.js';
import { NotSignedInException } from '../http/web-exceptions.js';
import type { WebRequest } from '../http/web-request.js';
import { ACCOUNT_STORE } from '../infrastructure/tokens.js';
import { partyLabel } from '../labels/labels.js';
import type { PageUser } from '../pages/page-context.js';
import { isSignedIn, type SignedInSession } from './session.js';

/** Pages behind sign-in: the session must be signed in and its account must still exist. */
@Injectable()
export class SignedInGuard implements CanActivate {
  constructor(@Inject(ACCOUNT_STORE) private readonly accounts: AccountStore) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<WebRequest>();
    const session = request.webSession;
    if (!isSignedIn(session)) throw new NotSignedInException();
    const account = await this.accounts.find(session.data.user.userId);
    if (account === undefined) throw new NotSignedInException();
    request.account = account;
    return true;
  }
}

/** The signed-in user as pages and service calls need them. */
export interface Viewer {
  readonly account: Account;
  readonly session: SignedInSession;
  /** Sent to the services in the identity token. */
  readonly identity: UserIdentity;
  readonly page: PageUser;
}

export function viewerOf(request: WebRequest): Viewer | undefined {
  const session = request.webSession;
  const account = request.account;
  if (!isSignedIn(session) || account === undefined) return undefined;
  return {
    account,
    session,
    identity: { userId: session.data.user.userId, party: session.data.user.party, roles: [...session.data.user.roles] },
    page: { displayName: account.displayName, partyLabel: partyLabel(account.party), roles: session.data.user.roles, csrfToken: session.data.csrfToken },
  };
}

/** `@CurrentViewer()` in a controller behind SignedInGuard. */
export const CurrentViewer = createParamDecorator((_data: unknown, context: ExecutionContext): Viewer => {
  const viewer = viewerOf(context.switchToHttp().getRequest<WebRequest>());
  if (viewer === undefined) throw new NotSignedInException();
  return viewer;
});
