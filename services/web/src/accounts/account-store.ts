import type { Pool } from 'pg';
import type { Account, AccountWithPassword } from './account.js';

interface AccountRow {
  id: string;
  display_name: string;
  party: string;
  roles: string[];
  municipalities: string[];
  password_hash: string;
}

/** Local accounts in PostgreSQL: the system of record for who may sign in (schema `web` by default). */
export class AccountStore {
  private readonly table: string;

  constructor(
    private readonly pool: Pool,
    private readonly schema: string,
  ) {
    // The schema name is validated by the configuration (a lowercase SQL identifier), so quoting is enough.
    this.table = `"${schema}".accounts`;
  }

  async findWithPassword(id: string): Promise<AccountWithPassword | undefined> {
    const result = await this.pool.query<AccountRow>(
      `SELECT id, display_name, party, roles, municipalities, password_hash FROM ${this.table} WHERE id = $1`,
      [id],
    );
    const row = result.rows[0];
    return row === undefined ? undefined : { ...toAccount(row), passwordHash: row.password_hash };
  }

  async find(id: string): Promise<Account | undefined> {
    const found = await this.findWithPassword(id);
    if (found === undefined) return undefined;
    const { passwordHash: _hidden, ...account } = found;
    return account;
  }

  /** Creates or replaces an account (the demo seed runs at every start, so a changed DEMO_PASSWORD applies). */
  async upsert(account: Account, passwordHash: string): Promise<void> {
    await this.pool.query(
      `INSERT INTO ${this.table} (id, display_name, party, roles, municipalities, password_hash)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (id) DO UPDATE SET display_name = EXCLUDED.display_name, party = EXCLUDED.party, roles = EXCLUDED.roles,
         municipalities = EXCLUDED.municipalities, password_hash = EXCLUDED.password_hash, updated_at = now()`,
      [account.id, account.displayName, account.party, [...account.roles], [...account.municipalities], passwordHash],
    );
  }
}

function toAccount(row: AccountRow): Account {
  return {
    id: row.id,
    displayName: row.display_name,
    party: row.party,
    roles: row.roles as Account['roles'],
    municipalities: row.municipalities,
  };
}
