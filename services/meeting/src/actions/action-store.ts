import type { ActionReminderJobData, ActionReminderKind, ActionReminderNotice, Envelope } from '@signaalhub/contracts';
import { quotedSchema } from '@signaalhub/database';
import type { Pool, PoolClient } from 'pg';

/** An action as stored: routing facts and dates; its text is in the sealed decision, its note sealed on its own. */
export interface StoredAction {
  readonly decisionId: string;
  readonly actionIndex: number;
  readonly itemId: string;
  readonly municipality: string;
  readonly leadParty: string;
  /** The decision's recipients: the parties that may open its text (and the note, sealed to the same parties). */
  readonly recipients: readonly string[];
  readonly decisionEnvelope: Envelope;
  readonly dueDate: string;
  readonly dueDateVersion: number;
  readonly done?: { readonly doneOn: string; readonly byParty: string; readonly noteEnvelope: Envelope | null };
}

/** An open action and the reminders of its current due date that already fired. */
export interface OpenAction {
  readonly decisionId: string;
  readonly actionIndex: number;
  readonly dueDate: string;
  readonly dueDateVersion: number;
  readonly noted: readonly ActionReminderKind[];
}

interface ActionRow {
  decision_id: string;
  action_index: number;
  item_id: string;
  municipality: string;
  lead_party: string;
  recipients: string[];
  envelope: Envelope;
  due_date: string;
  due_date_version: number;
  done_on: string | null;
  done_by_party: string | null;
  done_note: Envelope | null;
}

/**
 * Actions of decisions (`action_reminders`, one row per action) and the reminders that fired for them
 * (`action_notices`). The notice's key (action, kind, due-date version) is what makes a reminder appear
 * exactly once, whichever job, retry or reconciliation writes it.
 */
export class ActionStore {
  private readonly actions: string;
  private readonly notices: string;
  private readonly selectActions: string;

  constructor(
    private readonly pool: Pool,
    schema: string,
  ) {
    const s = quotedSchema(schema);
    this.actions = `${s}.action_reminders`;
    this.notices = `${s}.action_notices`;
    this.selectActions = `SELECT a.decision_id, a.action_index, d.item_id, i.municipality, d.lead_party, d.recipients, d.envelope,
        to_char(a.due_date, 'YYYY-MM-DD') AS due_date, a.due_date_version, to_char(a.done_on, 'YYYY-MM-DD') AS done_on, a.done_by_party, a.done_note
      FROM ${this.actions} a JOIN ${s}.decisions d ON d.id = a.decision_id JOIN ${s}.agenda_items i ON i.message_id = d.item_id`;
  }

  async find(decisionId: string, actionIndex: number, client: Pool | PoolClient = this.pool, forUpdate = false): Promise<StoredAction | undefined> {
    const result = await client.query<ActionRow>(
      `${this.selectActions} WHERE a.decision_id = $1 AND a.action_index = $2${forUpdate ? ' FOR UPDATE OF a' : ''}`,
      [decisionId, actionIndex],
    );
    const row = result.rows[0];
    return row === undefined ? undefined : storedAction(row);
  }

  /** Actions of the given municipalities or led by `party`, optionally of one item; soonest due first. */
  async visible(filter: { readonly municipalities: readonly string[]; readonly leadParty: string; readonly itemId?: string }): Promise<StoredAction[]> {
    const result = await this.pool.query<ActionRow>(
      `${this.selectActions} WHERE (i.municipality = ANY($1::text[]) OR d.lead_party = $2) AND ($3::uuid IS NULL OR d.item_id = $3)
        ORDER BY a.done_on IS NOT NULL, a.due_date, d.decided_at, a.action_index`,
      [filter.municipalities, filter.leadParty, filter.itemId ?? null],
    );
    return result.rows.map(storedAction);
  }

  /** The reminders of each action's current due date that fired, keyed `decisionId/actionIndex`. */
  async noticesOf(actions: readonly StoredAction[]): Promise<Map<string, ActionReminderNotice[]>> {
    const byAction = new Map<string, ActionReminderNotice[]>();
    if (actions.length === 0) return byAction;
    const result = await this.pool.query<{ decision_id: string; action_index: number; kind: ActionReminderKind; due_date: string; noted_at: Date }>(
      `SELECT n.decision_id, n.action_index, n.kind, to_char(n.due_date, 'YYYY-MM-DD') AS due_date, n.noted_at
         FROM ${this.notices} n JOIN ${this.actions} a USING (decision_id, action_index)
        WHERE n.due_date_version = a.due_date_version AND (n.decision_id, n.action_index) IN (SELECT * FROM unnest($1::uuid[], $2::int[]))
        ORDER BY n.noted_at`,
      [actions.map((action) => action.decisionId), actions.map((action) => action.actionIndex)],
    );
    for (const row of result.rows) {
      const key = actionKey(row.decision_id, row.action_index);
      byAction.set(key, [...(byAction.get(key) ?? []), { kind: row.kind, dueDate: row.due_date, notedAt: row.noted_at.toISOString() }]);
    }
    return byAction;
  }

  /** Every open action with the kinds already noted for its current due date (what reconciliation schedules from). */
  async open(options: { readonly unscheduledOnly: boolean }): Promise<OpenAction[]> {
    const result = await this.pool.query<{ decision_id: string; action_index: number; due_date: string; due_date_version: number; noted: ActionReminderKind[] }>(
      `SELECT a.decision_id, a.action_index, to_char(a.due_date, 'YYYY-MM-DD') AS due_date, a.due_date_version,
              array_remove(array_agg(n.kind), NULL) AS noted
         FROM ${this.actions} a
         LEFT JOIN ${this.notices} n ON n.decision_id = a.decision_id AND n.action_index = a.action_index AND n.due_date_version = a.due_date_version
        WHERE a.done_on IS NULL AND ($1::boolean IS FALSE OR a.scheduled_at IS NULL)
        GROUP BY a.decision_id, a.action_index`,
      [options.unscheduledOnly],
    );
    return result.rows.map((row) => ({
      decisionId: row.decision_id,
      actionIndex: row.action_index,
      dueDate: row.due_date,
      dueDateVersion: row.due_date_version,
      noted: row.noted,
    }));
  }

  /** Records that the jobs of this due-date version are in Redis (a later version keeps its own mark). */
  async markScheduled(action: Pick<OpenAction, 'decisionId' | 'actionIndex' | 'dueDateVersion'>): Promise<void> {
    await this.pool.query(`UPDATE ${this.actions} SET scheduled_at = now() WHERE decision_id = $1 AND action_index = $2 AND due_date_version = $3`, [
      action.decisionId,
      action.actionIndex,
      action.dueDateVersion,
    ]);
  }

  async markDone(client: PoolClient, action: StoredAction, done: { readonly doneOn: string; readonly byParty: string; readonly noteEnvelope: Envelope; readonly at: Date }): Promise<void> {
    await client.query(
      `UPDATE ${this.actions} SET done_on = $3, done_at = $4, done_by_party = $5, done_note = $6 WHERE decision_id = $1 AND action_index = $2`,
      [action.decisionId, action.actionIndex, done.doneOn, done.at, done.byParty, JSON.stringify(done.noteEnvelope)],
    );
  }

  /** A new due date is a new version: jobs of the old one find it moved; the new jobs are scheduled afresh. */
  async moveDueDate(client: PoolClient, action: StoredAction, dueDate: string): Promise<number> {
    const result = await client.query<{ due_date_version: number }>(
      `UPDATE ${this.actions} SET due_date = $3, due_date_version = due_date_version + 1, scheduled_at = NULL
        WHERE decision_id = $1 AND action_index = $2 RETURNING due_date_version`,
      [action.decisionId, action.actionIndex, dueDate],
    );
    return result.rows[0]?.due_date_version ?? action.dueDateVersion + 1;
  }

  /**
   * Notes a fired reminder if it still applies (action open, due date not moved); once: a second run of
   * the same reminder changes nothing. True when this call noted it.
   */
  async note(job: ActionReminderJobData, notedAt: Date): Promise<boolean> {
    const result = await this.pool.query(
      `INSERT INTO ${this.notices} (decision_id, action_index, kind, due_date_version, due_date, noted_at)
       SELECT decision_id, action_index, $3, due_date_version, due_date, $5 FROM ${this.actions}
        WHERE decision_id = $1 AND action_index = $2 AND due_date_version = $4 AND done_on IS NULL
       ON CONFLICT DO NOTHING`,
      [job.decisionId, job.actionIndex, job.kind, job.dueDateVersion, notedAt],
    );
    return result.rowCount === 1;
  }
}

export function actionKey(decisionId: string, actionIndex: number): string {
  return `${decisionId}/${String(actionIndex)}`;
}

function storedAction(row: ActionRow): StoredAction {
  return {
    decisionId: row.decision_id,
    actionIndex: row.action_index,
    itemId: row.item_id,
    municipality: row.municipality,
    leadParty: row.lead_party,
    recipients: row.recipients,
    decisionEnvelope: row.envelope,
    dueDate: row.due_date,
    dueDateVersion: row.due_date_version,
    ...(row.done_on === null || row.done_by_party === null ? {} : { done: { doneOn: row.done_on, byParty: row.done_by_party, noteEnvelope: row.done_note } }),
  };
}
