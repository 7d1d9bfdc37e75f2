import { regionDayOf, type AgendaItemStatus, type AgendaJobData, type Envelope, type Theme } from '@signaalhub/contracts';
import type { Pool, PoolClient } from 'pg';
import { preparedStatement, quotedSchema, type PreparedStatement } from '@signaalhub/database';

/** An agenda row as the service uses it; `envelope` is ciphertext, opened only for an authorised reader. */
export interface StoredAgendaItem {
  readonly id: string;
  readonly signalId: string;
  readonly municipality: string;
  readonly theme: Theme;
  readonly receivedAt: string;
  /** The day reported (region calendar); an imported signal's original report day. */
  readonly reportedOn: string;
  readonly reporterParty: string;
  readonly recipients: readonly string[];
  readonly envelope: Envelope;
  readonly status: AgendaItemStatus;
}

interface AgendaRow {
  message_id: string;
  signal_id: string;
  municipality: string;
  theme: Theme;
  received_at: Date;
  reported_on: string;
  reporter_party: string;
  recipients: string[];
  envelope: Envelope;
  status: AgendaItemStatus;
}

/** Where an admitted signal goes: on its municipality's agenda, or (a historical import) only into the record. */
export type AgendaPlacement = { readonly status: 'pending' } | { readonly status: 'imported'; readonly reportedOn: string };

export interface ReportDay {
  readonly reportedOn: string;
  readonly imported: boolean;
}

// The report day as text: a date column would come back as a local-midnight Date.
const COLUMNS = `message_id, signal_id, municipality, theme, received_at, to_char(reported_on, 'YYYY-MM-DD') AS reported_on, reporter_party, recipients, envelope, status`;

/** The agenda table: the system of record for which signal waits on which municipality's agenda. */
export class AgendaStore {
  readonly table: string;
  private readonly history: string;
  private readonly insertStatement: PreparedStatement;

  constructor(
    private readonly pool: Pool,
    schema: string,
  ) {
    this.table = `${quotedSchema(schema)}.agenda_items`;
    this.history = `${quotedSchema(schema)}.item_history`;
    this.insertStatement = preparedStatement(
      `WITH inserted AS (
         INSERT INTO ${this.table} (message_id, signal_id, municipality, theme, received_at, reporter_party, recipients, envelope, status, reported_on)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
         ON CONFLICT (message_id) DO NOTHING
         RETURNING message_id, received_at
       )
       INSERT INTO ${this.history} (item_id, kind, occurred_at) SELECT message_id, 'received', received_at FROM inserted`,
    );
  }

  /**
   * The worker's step (status pending), or the admission's for an imported signal (status imported, never on an agenda):
   * exactly once per message id, whatever redelivery or crash came before; "received" starts the item's history.
   */
  async insert(job: AgendaJobData, placement: AgendaPlacement = { status: 'pending' }): Promise<boolean> {
    const reportedOn = placement.status === 'imported' ? placement.reportedOn : regionDayOf(job.receivedAt);
    const result = await this.pool.query({
      ...this.insertStatement,
      values: [
        job.messageId,
        job.signalId,
        job.municipality,
        job.theme,
        job.receivedAt,
        job.reporterParty,
        job.envelope.header.recipients,
        JSON.stringify(job.envelope),
        placement.status,
        reportedOn,
      ],
    });
    return result.rowCount === 1;
  }

  async has(messageId: string): Promise<boolean> {
    const result = await this.pool.query(`SELECT 1 FROM ${this.table} WHERE message_id = $1`, [messageId]);
    return result.rowCount === 1;
  }

  async pending(municipality: string): Promise<StoredAgendaItem[]> {
    const result = await this.pool.query<AgendaRow>(
      `SELECT ${COLUMNS} FROM ${this.table} WHERE municipality = $1 AND status = 'pending' ORDER BY received_at, message_id`,
      [municipality],
    );
    return result.rows.map(toItem);
  }

  async find(id: string, client: Pool | PoolClient = this.pool, lock = false): Promise<StoredAgendaItem | undefined> {
    const result = await client.query<AgendaRow>(
      `SELECT ${COLUMNS} FROM ${this.table} WHERE message_id = $1${lock ? ' FOR UPDATE' : ''}`,
      [id],
    );
    const row = result.rows[0];
    return row === undefined ? undefined : toItem(row);
  }

  /** When each of these items was reported and whether it was imported; ids the meeting never admitted are left out. */
  async reportDays(ids: readonly string[]): Promise<Map<string, ReportDay>> {
    if (ids.length === 0) return new Map();
    const result = await this.pool.query<{ message_id: string; reported_on: string; imported: boolean }>(
      `SELECT message_id, to_char(reported_on, 'YYYY-MM-DD') AS reported_on, status = 'imported' AS imported FROM ${this.table} WHERE message_id = ANY($1::uuid[])`,
      [ids],
    );
    return new Map(result.rows.map((row) => [row.message_id, { reportedOn: row.reported_on, imported: row.imported }]));
  }

  async setStatus(client: PoolClient, id: string, status: AgendaItemStatus): Promise<void> {
    await client.query(`UPDATE ${this.table} SET status = $2, updated_at = now() WHERE message_id = $1`, [id, status]);
  }
}

function toItem(row: AgendaRow): StoredAgendaItem {
  return {
    id: row.message_id,
    signalId: row.signal_id,
    municipality: row.municipality,
    theme: row.theme,
    receivedAt: row.received_at.toISOString(),
    reportedOn: row.reported_on,
    reporterParty: row.reporter_party,
    recipients: row.recipients,
    envelope: row.envelope,
    status: row.status,
  };
}
