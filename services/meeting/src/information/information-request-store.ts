import type { Envelope, InformationOutcome, InformationRequestStatus, Theme } from '@signaalhub/contracts';
import { quotedSchema } from '@signaalhub/database';
import type { Pool, PoolClient } from 'pg';

/** A request as the service keeps it: routing facts in columns, the request itself as its envelope (ciphertext). */
export interface StoredInformationRequest {
  readonly requestId: string;
  readonly messageId: string;
  readonly municipality: string;
  readonly signalId: string;
  readonly requesterParty: string;
  readonly receivedAt: string;
  readonly recipients: readonly string[];
  readonly envelope: Envelope;
  readonly status: InformationRequestStatus;
  readonly handledAt?: string;
  readonly handledByParty?: string;
  readonly handledByUser?: string;
  /** A refusal sealed to the municipality's own party, so the meeting can show its reason later. */
  readonly refusalEnvelope?: Envelope;
  /** The requested signal's agenda item in the same municipality, when the signal reached this meeting. */
  readonly signalItem?: { readonly itemId: string; readonly theme: Theme; readonly receivedAt: string };
}

export interface NewInformationRequest {
  readonly requestId: string;
  readonly messageId: string;
  readonly municipality: string;
  readonly signalId: string;
  readonly requesterParty: string;
  readonly receivedAt: string;
  readonly envelope: Envelope;
}

export interface InformationRequestHandled {
  readonly requestId: string;
  readonly outcome: InformationOutcome;
  readonly handledAt: string;
  readonly handledByParty: string;
  readonly handledByUser: string;
  readonly answerMessageId: string;
  readonly refusalEnvelope?: Envelope;
}

interface RequestRow {
  request_id: string;
  message_id: string;
  municipality: string;
  signal_id: string;
  requester_party: string;
  received_at: Date;
  recipients: string[];
  envelope: Envelope;
  status: InformationRequestStatus;
  handled_at: Date | null;
  handled_by_party: string | null;
  handled_by_user: string | null;
  refusal_envelope: Envelope | null;
  item_id: string | null;
  item_theme: Theme | null;
  item_received_at: Date | null;
}

/** The information requests addressed to the municipalities this meeting serves. */
export class InformationRequestStore {
  private readonly table: string;
  private readonly agenda: string;

  constructor(
    private readonly pool: Pool,
    schema: string,
  ) {
    this.table = `${quotedSchema(schema)}.information_requests`;
    this.agenda = `${quotedSchema(schema)}.agenda_items`;
  }

  /** Once per request id, whatever redelivery came before. */
  async insert(request: NewInformationRequest): Promise<void> {
    await this.pool.query(
      `INSERT INTO ${this.table} (request_id, message_id, municipality, object_kind, signal_id, requester_party, received_at, recipients, envelope)
       VALUES ($1, $2, $3, 'signal', $4, $5, $6, $7, $8)
       ON CONFLICT DO NOTHING`,
      [
        request.requestId,
        request.messageId,
        request.municipality,
        request.signalId,
        request.requesterParty,
        request.receivedAt,
        request.envelope.header.recipients,
        JSON.stringify(request.envelope),
      ],
    );
  }

  async hasMessage(messageId: string): Promise<boolean> {
    const result = await this.pool.query(`SELECT 1 FROM ${this.table} WHERE message_id = $1`, [messageId]);
    return result.rowCount === 1;
  }

  /** Open requests first (oldest first), then the handled ones (latest first). */
  async list(municipality: string): Promise<StoredInformationRequest[]> {
    const result = await this.pool.query<RequestRow>(
      `${this.selectWithSignal()} WHERE r.municipality = $1
       ORDER BY (r.status <> 'open'), CASE WHEN r.status = 'open' THEN r.received_at END, r.handled_at DESC, r.request_id`,
      [municipality],
    );
    return result.rows.map(toRequest);
  }

  async find(requestId: string, client: Pool | PoolClient = this.pool, lock = false): Promise<StoredInformationRequest | undefined> {
    const result = await client.query<RequestRow>(`${this.selectWithSignal()} WHERE r.request_id = $1${lock ? ' FOR UPDATE OF r' : ''}`, [requestId]);
    const row = result.rows[0];
    return row === undefined ? undefined : toRequest(row);
  }

  async markHandled(client: PoolClient, handled: InformationRequestHandled): Promise<void> {
    await client.query(
      `UPDATE ${this.table} SET status = $2, handled_at = $3, handled_by_party = $4, handled_by_user = $5, answer_message_id = $6, refusal_envelope = $7
       WHERE request_id = $1 AND status = 'open'`,
      [
        handled.requestId,
        handled.outcome,
        handled.handledAt,
        handled.handledByParty,
        handled.handledByUser,
        handled.answerMessageId,
        handled.refusalEnvelope === undefined ? null : JSON.stringify(handled.refusalEnvelope),
      ],
    );
  }

  /** The signal is named by its `signal.submitted` message id, which is the agenda item's id. */
  private selectWithSignal(): string {
    return `SELECT r.*, a.message_id AS item_id, a.theme AS item_theme, a.received_at AS item_received_at
      FROM ${this.table} r LEFT JOIN ${this.agenda} a ON a.message_id = r.signal_id AND a.municipality = r.municipality`;
  }
}

function toRequest(row: RequestRow): StoredInformationRequest {
  return {
    requestId: row.request_id,
    messageId: row.message_id,
    municipality: row.municipality,
    signalId: row.signal_id,
    requesterParty: row.requester_party,
    receivedAt: row.received_at.toISOString(),
    recipients: row.recipients,
    envelope: row.envelope,
    status: row.status,
    ...(row.handled_at === null ? {} : { handledAt: row.handled_at.toISOString() }),
    ...(row.handled_by_party === null ? {} : { handledByParty: row.handled_by_party }),
    ...(row.handled_by_user === null ? {} : { handledByUser: row.handled_by_user }),
    ...(row.refusal_envelope === null ? {} : { refusalEnvelope: row.refusal_envelope }),
    ...(row.item_id === null || row.item_theme === null || row.item_received_at === null
      ? {}
      : { signalItem: { itemId: row.item_id, theme: row.item_theme, receivedAt: row.item_received_at.toISOString() } }),
  };
}
