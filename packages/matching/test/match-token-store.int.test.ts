import { randomBytes, randomUUID } from 'node:crypto';
import type { HeaderMatchToken } from '@signaalhub/contracts';
import { testInfrastructure, uniqueName } from '@signaalhub/test-infra';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MatchTokenStore, matchTokensTableSql } from '../src/index.js';

const infrastructure = testInfrastructure();

function kvkToken(): HeaderMatchToken {
  return { kind: 'kvk', version: 1, token: randomBytes(32).toString('hex') };
}

describe(MatchTokenStore.name, () => {
  const pool = new pg.Pool({ connectionString: infrastructure.databaseUrl, max: 4 });
  const schemas: string[] = [];

  async function freshSchema(): Promise<string> {
    const schema = uniqueName('matching').replaceAll('-', '_');
    schemas.push(schema);
    await pool.query(`CREATE SCHEMA ${schema}`);
    return schema;
  }

  let sut: MatchTokenStore;

  beforeAll(async () => {
    const schema = await freshSchema();
    await pool.query(matchTokensTableSql(schema));
    sut = new MatchTokenStore(pool, schema);
  });

  afterAll(async () => {
    for (const schema of schemas) await pool.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await pool.end();
  });

  it('counts other messages sharing a token per municipality and per theme, each once', async () => {
    const shared = kvkToken();
    const item = randomUUID();
    await sut.record(item, 'soest', [shared, kvkToken()], 'autobranche');
    const baarn = randomUUID();
    await sut.record(baarn, 'baarn', [shared], 'autobranche');
    await sut.record(baarn, 'baarn', [shared], 'autobranche');
    await sut.record(randomUUID(), 'baarn', [shared, kvkToken()], 'vastgoed');
    await sut.record(randomUUID(), 'eemnes', [shared], 'autobranche');
    // A permit event: tokens, a municipality, no theme.
    await sut.record(randomUUID(), 'soest', [shared]);
    await sut.record(randomUUID(), 'soest', [kvkToken()], 'autobranche');

    const hits = await sut.hitsFor([item]);

    expect(hits.get(item)).toEqual({
      total: 4,
      byMunicipality: [
        { municipality: 'baarn', count: 2 },
        { municipality: 'eemnes', count: 1 },
        { municipality: 'soest', count: 1 },
      ],
      byTheme: [
        { theme: 'autobranche', count: 2 },
        { theme: 'vastgoed', count: 1 },
      ],
    });
  });

  it('never matches tokens of another kind or key version', async () => {
    const token = kvkToken();
    const item = randomUUID();
    await sut.record(item, 'soest', [token], 'horeca');
    await sut.record(randomUUID(), 'baarn', [{ ...token, version: 2 }], 'horeca');
    await sut.record(randomUUID(), 'baarn', [{ ...token, kind: 'address' }], 'horeca');

    expect((await sut.hitsFor([item])).get(item)).toEqual({ total: 0, byMunicipality: [], byTheme: [] });
  });

  it("lists each message sharing a subject's tokens once with its routing facts, and tells which tokens one message carried", async () => {
    const business = kvkToken();
    const person: HeaderMatchToken = { kind: 'person', version: 1, token: randomBytes(32).toString('hex') };
    const both = randomUUID();
    await sut.record(both, 'baarn', [business, person, kvkToken()], 'autobranche');
    const one = randomUUID();
    await sut.record(one, 'eemnes', [person]);
    await sut.record(randomUUID(), 'baarn', [{ ...business, version: 2 }], 'autobranche');

    const messages = await sut.messagesOfTokens([business, person]);

    expect([...messages].sort((a, b) => a.municipality.localeCompare(b.municipality))).toEqual([
      { messageId: both, municipality: 'baarn', theme: 'autobranche' },
      { messageId: one, municipality: 'eemnes', theme: null },
    ]);
    expect(await sut.hitsOfTokens([business, person])).toMatchObject({ total: 2 });
    const shared = await sut.sharedBy(both, [business, person, kvkToken()]);
    expect(shared?.municipality).toBe('baarn');
    expect(shared?.tokens.map((token) => token.token).sort()).toEqual([business.token, person.token].sort());
    expect(await sut.sharedBy(one, [business])).toBeUndefined();
    expect(await sut.sharedBy(randomUUID(), [business])).toBeUndefined();
    expect(await sut.messagesOfTokens([])).toEqual([]);
  });

  it('upgrades a table from before themes in place, keeping its rows, and a second run changes nothing', async () => {
    const schema = await freshSchema();
    // The table as services/meeting created it at 62849b8.
    await pool.query(`
      CREATE TABLE ${schema}.match_tokens (
        message_id uuid NOT NULL, municipality text NOT NULL, kind text NOT NULL, version integer NOT NULL, token text NOT NULL,
        PRIMARY KEY (message_id, kind, version, token)
      );
      CREATE INDEX match_tokens_by_token ON ${schema}.match_tokens (kind, version, token);
    `);
    const shared = kvkToken();
    const before = randomUUID();
    await pool.query(`INSERT INTO ${schema}.match_tokens VALUES ($1, 'baarn', $2, $3, $4)`, [before, shared.kind, shared.version, shared.token]);

    await pool.query(matchTokensTableSql(schema));
    await pool.query(matchTokensTableSql(schema));

    const upgraded = new MatchTokenStore(pool, schema);
    const after = randomUUID();
    await upgraded.record(after, 'soest', [shared], 'drugshandel');
    const rows = await pool.query<{ message_id: string; theme: string | null }>(`SELECT message_id, theme FROM ${schema}.match_tokens ORDER BY municipality`);
    expect(rows.rows).toEqual([
      { message_id: before, theme: null },
      { message_id: after, theme: 'drugshandel' },
    ]);
    expect((await upgraded.hitsFor([after])).get(after)).toEqual({ total: 1, byMunicipality: [{ municipality: 'baarn', count: 1 }], byTheme: [] });
  });

  it('rejects a schema name that is not a plain lowercase identifier', () => {
    expect(() => matchTokensTableSql('x"; DROP TABLE y; --')).toThrow('schema must be a lowercase SQL identifier');
  });
});
