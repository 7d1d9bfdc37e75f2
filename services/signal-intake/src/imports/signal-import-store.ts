import type { Pool } from 'pg';
import { withTransaction } from '@signaalhub/database';
import { OutboxWriter, type OutboxEntry } from '@signaalhub/outbox';
import type { SignalRecord } from '../signals/signal-record.js';

/** One row of a historical import, sealed and ready to store. */
export interface ImportedSignalRow {
  readonly importId: string;
  readonly reportedOn: string;
  readonly fingerprint: string;
  readonly record: SignalRecord;
  readonly outbox: OutboxEntry;
}

/** A row stored by an earlier import under the same import id. */
export interface EarlierImport {
  readonly signalId: string;
  readonly fingerprint: string;
}

export type BatchInsertOutcome = { readonly kind: 'inserted' } | { readonly kind: 'import-id-taken'; readonly importId: string };

/** Thrown inside the transaction only, to roll it back. */
class ImportIdTaken extends Error {
  constructor(readonly importId: string) {
    super('import id taken by a concurrent import');
  }
}

/** The import ids (`signal_imports`) beside the signals table and its outbox; a batch is one transaction. */
export class SignalImportStore {
  private readonly outbox: OutboxWriter;

  constructor(
    private readonly pool: Pool,
    private readonly schema: string,
  ) {
    this.outbox = new OutboxWriter(schema);
  }

  async findEarlier(importIds: readonly string[]): Promise<Map<string, EarlierImport>> {
    const result = await this.pool.query<{ import_id: string; signal_id: string; request_fingerprint: string }>(
      `SELECT import_id, signal_id, request_fingerprint FROM ${this.schema}.signal_imports WHERE import_id = ANY($1::text[])`,
      [importIds],
    );
    return new Map(result.rows.map((row) => [row.import_id, { signalId: row.signal_id, fingerprint: row.request_fingerprint }]));
  }

  /**
   * Every row with its signal and outbox row, or none: an import id taken meanwhile (a concurrent import of the
   * same rows) rolls the whole batch back, and the caller answers from what the other one stored.
   */
  async insertBatch(batch: { readonly batchId: string; readonly importedBy: string; readonly rows: readonly ImportedSignalRow[] }): Promise<BatchInsertOutcome> {
    try {
      await withTransaction(this.pool, async (client) => {
        for (const row of batch.rows) {
          const { record } = row;
          await client.query(
            `INSERT INTO ${this.schema}.signals
               (id, reporter_user_id, reporter_party, municipality, theme, created_at, idempotency_key, request_fingerprint, envelope)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
            [record.id, record.reporterUserId, record.reporterParty, record.municipality, record.theme, record.createdAt, record.idempotencyKey, record.requestFingerprint, JSON.stringify(record.envelope)],
          );
          const claimed = await client.query(
            `INSERT INTO ${this.schema}.signal_imports (import_id, signal_id, import_batch_id, reported_on, request_fingerprint, imported_by)
             VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (import_id) DO NOTHING`,
            [row.importId, record.id, batch.batchId, row.reportedOn, row.fingerprint, batch.importedBy],
          );
          if (claimed.rowCount !== 1) throw new ImportIdTaken(row.importId);
          await this.outbox.add(client, row.outbox);
        }
      });
    } catch (error) {
      if (error instanceof ImportIdTaken) return { kind: 'import-id-taken', importId: error.importId };
      throw error;
    }
    return { kind: 'inserted' };
  }
}
