import { runMigrations, type Migration } from '@signaalhub/database';
import { testInfrastructure, uniqueName } from '@signaalhub/test-infra';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { entryHash, GENESIS_HASH } from '../src/audit-hash.js';
import { AuditLog, createAuditLogSql, type AuditEntry } from '../src/index.js';

const infrastructure = testInfrastructure();

/** A service's migrations include the audit log's DDL; this list has only that. */
const migrations: Migration[] = [{ name: '0001_audit_log', up: createAuditLogSql }];

const denied: AuditEntry = {
  actor: { userId: 'overleg.baarn', party: 'gemeente-baarn' },
  action: 'signal.open',
  objectType: 'signal',
  objectId: '5f0c1b1e-0000-4000-8000-000000000001',
  result: 'denied',
  origin: '127.0.0.1',
  reason: 'not-a-recipient',
};

describe(AuditLog.name, () => {
  const pool = new pg.Pool({ connectionString: infrastructure.databaseUrl, max: 8 });
  const schema = uniqueName('audit').replaceAll('-', '_');
  let sut: AuditLog;

  beforeAll(async () => {
    await runMigrations(pool, { schema, migrations });
    sut = await AuditLog.open(pool, schema);
  });
  afterAll(async () => {
    await pool.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await pool.end();
  });

  it('records who, what, which object, result, origin and time', async () => {
    await sut.record(denied);
    const [entry] = await sut.entries({ objectId: denied.objectId });
    expect(entry).toMatchObject({ ...denied, seq: expect.any(Number) as number });
    expect(entry?.at).toBeInstanceOf(Date);
  });

  it('keeps one linear chain when many entries are written at once', async () => {
    await Promise.all(
      Array.from({ length: 25 }, (_, index) => sut.record({ actor: { service: 'meeting' }, action: 'agenda.add', objectType: 'signal', objectId: `id-${index}`, result: 'allowed', origin: 'kafka' })),
    );
    await expect(sut.verifyChain()).resolves.toEqual({ ok: true, entries: 26 });
  });

  it('hashes in the database exactly as the verifier does, whatever the text', async () => {
    // Multi-byte and astral characters (byte vs character length), quotes, separators, newlines, empty text.
    for (const objectId of ['één-€', 'emoji-😀', 'quote-"\\', 'colon-3:abc', 'line\nbreak', '']) {
      await sut.record({ actor: { userId: 'tóezicht.soest', party: 'gemeente-soest' }, action: 'signal.open', objectType: 'signal', objectId, result: 'denied', origin: '::1', reason: 'x:-' });
    }
    await expect(sut.verifyChain()).resolves.toEqual({ ok: true, entries: 32 });
    const [entry] = await sut.entries({ objectId: 'emoji-😀' });
    expect(entry?.reason).toBe('x:-');
  });

  it('rejects updates, deletes and truncation of entries', async () => {
    await expect(pool.query(`UPDATE ${schema}.audit_log SET result = 'allowed'`)).rejects.toThrow('append-only');
    await expect(pool.query(`DELETE FROM ${schema}.audit_log`)).rejects.toThrow('append-only');
    await expect(pool.query(`TRUNCATE ${schema}.audit_log`)).rejects.toThrow('append-only');
  });

  it('reports where the chain breaks when someone with table rights changed an entry', async () => {
    // A superuser can disable the trigger; the hash chain still shows the change.
    await pool.query(`ALTER TABLE ${schema}.audit_log DISABLE TRIGGER audit_log_no_update`);
    await pool.query(`UPDATE ${schema}.audit_log SET result = 'allowed' WHERE seq = (SELECT min(seq) FROM ${schema}.audit_log)`);
    await pool.query(`ALTER TABLE ${schema}.audit_log ENABLE TRIGGER audit_log_no_update`);
    const verification = await sut.verifyChain();
    expect(verification.ok).toBe(false);
    expect(verification.brokenAtSeq).toBe(1);
  });

  it('still verifies entries hashed the old way (JSON, before the column existed) and links new ones after them', async () => {
    const upgraded = uniqueName('audit_upgrade').replaceAll('-', '_');
    try {
      // A log as it was before hash_scheme existed (and before migrations), written by Node hashing the JSON way.
      await pool.query(createAuditLogSql(upgraded));
      await pool.query(`ALTER TABLE ${upgraded}.audit_log DROP COLUMN hash_scheme`);
      let previousHash = GENESIS_HASH;
      for (const objectId of ['old-1', 'old-2']) {
        const at = new Date().toISOString();
        const fields = { at, actorUser: null, actorParty: null, actorService: 'meeting', action: 'agenda.add', objectType: 'signal', objectId, result: 'allowed', origin: 'kafka', reason: null };
        const hash = entryHash(previousHash, fields, 1);
        await pool.query(
          `INSERT INTO ${upgraded}.audit_log (at, actor_service, action, object_type, object_id, result, origin, previous_hash, hash)
           VALUES ($1, 'meeting', 'agenda.add', 'signal', $2, 'allowed', 'kafka', $3, $4)`,
          [at, objectId, previousHash, hash],
        );
        previousHash = hash;
      }
      await runMigrations(pool, { schema: upgraded, migrations });
      const reopened = await AuditLog.open(pool, upgraded);
      await reopened.record(denied);
      const schemes = await pool.query<{ hash_scheme: number }>(`SELECT hash_scheme FROM ${upgraded}.audit_log ORDER BY seq`);
      expect(schemes.rows.map((row) => row.hash_scheme)).toEqual([1, 1, 2]);
      await expect(reopened.verifyChain()).resolves.toEqual({ ok: true, entries: 3 });
    } finally {
      await pool.query(`DROP SCHEMA IF EXISTS ${upgraded} CASCADE`);
    }
  });

  it('refuses to open a schema whose migrations have not run', async () => {
    await expect(AuditLog.open(pool, uniqueName('audit_none').replaceAll('-', '_'))).rejects.toThrow('run the service\'s migrations first');
  });

  it('refuses a schema name that is not a plain SQL identifier', async () => {
    await expect(AuditLog.open(pool, 'x; DROP TABLE y')).rejects.toThrow('lowercase SQL identifier');
  });
});
