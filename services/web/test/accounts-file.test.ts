import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError } from '@signaalhub/config';
import { describe, expect, it } from 'vitest';
import { readAccountsFile } from '../src/accounts/accounts-file.js';
import { hashPassword } from '../src/accounts/password-hash.js';

const directory = mkdtempSync(join(tmpdir(), 'accounts-file-'));
let files = 0;
function fileWith(content: string): string {
  const path = join(directory, `accounts-${String(files++)}.json`);
  writeFileSync(path, content);
  return path;
}

async function account(overrides: Record<string, unknown> = {}): Promise<Record<string, unknown>> {
  return {
    id: 'jan.toezicht',
    displayName: 'Jan Toezicht',
    party: 'gemeente-soest',
    roles: ['inspector'],
    municipalities: ['soest'],
    passwordHash: await hashPassword('Een-lang-wachtwoord'),
    ...overrides,
  };
}

describe(readAccountsFile.name, () => {
  it('reads valid accounts with their hashes', async () => {
    const entry = await account();
    const sut = await readAccountsFile(fileWith(JSON.stringify([entry])));
    expect(sut).toEqual([entry]);
  });

  it('rejects a password that is not an scrypt hash, naming the entry and field but not the value', async () => {
    const error = await readAccountsFile(fileWith(JSON.stringify([await account({ passwordHash: 'plain-secret-123' })]))).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect(String(error)).toMatch(/ACCOUNTS_FILE\.0\.passwordHash: must be an scrypt hash/);
    expect(String(error)).not.toContain('plain-secret-123');
  });

  it('rejects an unknown role and an unknown field', async () => {
    const error = await readAccountsFile(fileWith(JSON.stringify([await account({ roles: ['superuser'], extra: 1 })]))).catch((e: unknown) => e);
    expect(String(error)).toMatch(/ACCOUNTS_FILE\.0\.roles\.0/);
    expect(String(error)).toMatch(/ACCOUNTS_FILE\.0/);
  });

  it('rejects two accounts with the same id', async () => {
    const error = await readAccountsFile(fileWith(JSON.stringify([await account(), await account()]))).catch((e: unknown) => e);
    expect(String(error)).toMatch(/ACCOUNTS_FILE\.1\.id: must be unique/);
  });

  it('rejects a file that is not JSON or is empty', async () => {
    await expect(readAccountsFile(fileWith('{not json'))).rejects.toThrow(/ACCOUNTS_FILE: is not valid JSON/);
    await expect(readAccountsFile(fileWith('[]'))).rejects.toThrow(/ACCOUNTS_FILE: must list at least one account/);
    await expect(readAccountsFile(join(directory, 'missing.json'))).rejects.toThrow(/ACCOUNTS_FILE: cannot be read/);
  });
});
