import type { Account } from './account.js';
import type { AccountStore } from './account-store.js';
import { UNKNOWN_ACCOUNT_HASH, verifyPassword } from './password-hash.js';
import type { SignInThrottle } from './sign-in-throttle.js';

export type SignInResult =
  | { readonly kind: 'signed-in'; readonly account: Account }
  /** Unknown name or wrong password: the caller shows one generic message for both. */
  | { readonly kind: 'rejected' }
  /** Too many failures (from this address, or for this name): try again after the wait. */
  | { readonly kind: 'throttled'; readonly retryAfterSeconds: number };

const MAX_NAME_LENGTH = 128;
const MAX_PASSWORD_LENGTH = 1024;

/**
 * Checks local credentials within the sign-in limits; one code path for unknown and known names (an
 * unknown name costs the same password hashing), so neither answer nor timing tells them apart.
 */
export class Authenticator {
  constructor(
    private readonly accounts: AccountStore,
    private readonly throttle: SignInThrottle,
  ) {}

  async signIn(accountName: string, password: string, clientAddress: string): Promise<SignInResult> {
    const name = accountName.trim().toLowerCase();
    const permission = await this.throttle.permission(name, clientAddress);
    if (!permission.allowed) return { kind: 'throttled', retryAfterSeconds: permission.retryAfterSeconds };
    const tooLong = name.length > MAX_NAME_LENGTH || password.length > MAX_PASSWORD_LENGTH;
    const account = name === '' || tooLong ? undefined : await this.accounts.findWithPassword(name);
    const matches = await verifyPassword(password, account?.passwordHash ?? (await UNKNOWN_ACCOUNT_HASH));
    if (account === undefined || !matches || tooLong) {
      await this.throttle.recordFailure(name, clientAddress);
      return { kind: 'rejected' };
    }
    await this.throttle.recordSuccess(name, clientAddress);
    const { passwordHash: _hidden, ...signedIn } = account;
    return { kind: 'signed-in', account: signedIn };
  }
}
