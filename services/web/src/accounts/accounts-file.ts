import { readFile } from 'node:fs/promises';
import { ConfigError } from '@signaalhub/config';
import { MunicipalityId, PartyId, Role, UserId } from '@signaalhub/contracts';
import { z } from 'zod';
import type { AccountWithPassword } from './account.js';
import type { AccountStore } from './account-store.js';
import { isPasswordHash } from './password-hash.js';

const AccountEntry = z.strictObject({
  id: UserId,
  displayName: z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters'),
  party: PartyId,
  roles: z.array(Role).min(1, 'must name at least one role'),
  municipalities: z.array(MunicipalityId).default([]),
  passwordHash: z.string().refine(isPasswordHash, 'must be an scrypt hash as written by `npm run -s account:hash`'),
});
const AccountsFile = z.array(AccountEntry).min(1, 'must list at least one account');

/**
 * Reads and validates the production account source (ACCOUNTS_FILE). Problems name the entry and field,
 * never a value from the file; they stop the service like any bad configuration (exit 78).
 */
export async function readAccountsFile(path: string): Promise<AccountWithPassword[]> {
  let json: unknown;
  try {
    json = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    const reason = error instanceof SyntaxError ? 'is not valid JSON' : 'cannot be read';
    throw new ConfigError([`ACCOUNTS_FILE: ${reason}`]);
  }
  const parsed = AccountsFile.safeParse(json);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${['ACCOUNTS_FILE', ...issue.path].join('.')}: ${issue.message}`);
    throw new ConfigError(problems);
  }
  const ids = parsed.data.map((account) => account.id);
  const repeated = ids.find((id, index) => ids.indexOf(id) !== index);
  if (repeated !== undefined) throw new ConfigError([`ACCOUNTS_FILE.${String(ids.lastIndexOf(repeated))}.id: must be unique`]);
  return parsed.data;
}

/** Writes every account of the file (created or replaced), so the file stays the system of record. */
export async function importAccounts(store: AccountStore, accounts: readonly AccountWithPassword[]): Promise<number> {
  for (const { passwordHash, ...account } of accounts) await store.upsert(account, passwordHash);
  return accounts.length;
}
