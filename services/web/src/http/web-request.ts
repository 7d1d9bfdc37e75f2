import type { Request } from 'express';
import type { Account } from '../accounts/account.js';
import type { Session } from '../sessions/session.js';

/** The Express request with what the web application's middleware and guards attach to it. */
export interface WebRequest extends Request {
  /** The session from the cookie, if any (also before sign-in). */
  webSession?: Session;
  /** The signed-in account, set by SignedInGuard. */
  account?: Account;
}
