import type { Account } from './account.js';
import type { AccountStore } from './account-store.js';
import { hashPassword } from './password-hash.js';

/** Writes the demo accounts, each with its own salted hash of the one demo password. */
export async function seedDemoAccounts(store: AccountStore, accounts: readonly Account[], password: string): Promise<number> {
  for (const account of accounts) await store.upsert(account, await hashPassword(password));
  return accounts.length;
}
