import { assertSchemaName, preparedStatement, type PreparedStatement } from '@signaalhub/database';
import type { Pool } from 'pg';
import type { AuditEntry, AuditRecord } from './audit-entry.js';
import { entryHash, GENESIS_HASH, type HashedFields, type HashScheme } from './audit-hash.js';

interface AuditRow {
  seq: string;
  at: Date;
  actor_user: string | null;
  actor_party: string | null;
  actor_service: string | null;
  action: string;
  object_type: string;
  object_id: string;
  result: 'allowed' | 'denied';
  origin: string;
  reason: string | null;
  previous_hash: string;
  hash_scheme: HashScheme;
  hash: string;
}

export interface ChainVerification {
  readonly ok: boolean;
  readonly entries: number;
  readonly brokenAtSeq?: number;
}

export interface AuditFilter {
  readonly objectId?: string;
  readonly result?: 'allowed' | 'denied';
  readonly action?: string;
}

/** The append-only, hash-chained audit log of one service, in that service's PostgreSQL schema. */
export class AuditLog {
  private readonly table: string;
  private readonly appendStatement: PreparedStatement;

  private constructor(
    private readonly pool: Pool,
    schema: string,
  ) {
    this.table = `${schema}.audit_log`;
    this.appendStatement = preparedStatement(`SELECT ${schema}.audit_append($1, $2, $3, $4, $5, $6, $7, $8, $9)`);
  }

  /** The log in `schema`, which the service's migrations created (createAuditLogSql is part of them). */
  static async open(pool: Pool, schema: string): Promise<AuditLog> {
    assertSchemaName(schema);
    const found = await pool.query<{ log: string | null }>('SELECT to_regclass($1) AS log', [`${schema}.audit_log`]);
    if (found.rows[0]?.log == null) throw new Error(`schema ${schema} has no audit log: run the service's migrations first`);
    return new AuditLog(pool, schema);
  }

  /** One round trip: the database links and hashes the entry (`audit_append`, audit-schema.ts). */
  async record(entry: AuditEntry): Promise<void> {
    const user = 'userId' in entry.actor ? entry.actor : undefined;
    await this.pool.query({
      ...this.appendStatement,
      values: [
        user?.userId ?? null,
        user?.party ?? null,
        'service' in entry.actor ? entry.actor.service : null,
        entry.action,
        entry.objectType,
        entry.objectId,
        entry.result,
        entry.origin,
        entry.reason ?? null,
      ],
    });
  }

  async entries(filter: AuditFilter = {}): Promise<AuditRecord[]> {
    const rows = await this.pool.query<AuditRow>(
      `SELECT * FROM ${this.table}
        WHERE ($1::text IS NULL OR object_id = $1) AND ($2::text IS NULL OR result = $2) AND ($3::text IS NULL OR action = $3)
        ORDER BY seq`,
      [filter.objectId ?? null, filter.result ?? null, filter.action ?? null],
    );
    return rows.rows.map(recordOf);
  }

  /** Recomputes every hash from the first entry on; the first mismatch is where the log was changed. */
  async verifyChain(): Promise<ChainVerification> {
    const rows = await this.pool.query<AuditRow>(`SELECT * FROM ${this.table} ORDER BY seq`);
    let previousHash = GENESIS_HASH;
    for (const row of rows.rows) {
      const expected = entryHash(previousHash, fieldsOfRow(row), row.hash_scheme);
      if (row.previous_hash !== previousHash || row.hash !== expected) {
        return { ok: false, entries: rows.rows.length, brokenAtSeq: Number(row.seq) };
      }
      previousHash = row.hash;
    }
    return { ok: true, entries: rows.rows.length };
  }
}

function fieldsOfRow(row: AuditRow): HashedFields {
  return {
    at: row.at.toISOString(),
    actorUser: row.actor_user,
    actorParty: row.actor_party,
    actorService: row.actor_service,
    action: row.action,
    objectType: row.object_type,
    objectId: row.object_id,
    result: row.result,
    origin: row.origin,
    reason: row.reason,
  };
}

function recordOf(row: AuditRow): AuditRecord {
  const fields = fieldsOfRow(row);
  return {
    seq: Number(row.seq),
    at: row.at,
    actor: fields.actorService !== null ? { service: fields.actorService } : { userId: fields.actorUser ?? '', party: fields.actorParty ?? '' },
    action: row.action,
    objectType: row.object_type,
    objectId: row.object_id,
    result: row.result,
    origin: row.origin,
    ...(row.reason !== null ? { reason: row.reason } : {}),
    previousHash: row.previous_hash,
    hash: row.hash,
  };
}
