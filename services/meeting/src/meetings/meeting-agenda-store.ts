import type { AgendaItemStatus, Theme } from '@signaalhub/contracts';
import { quotedSchema, withTransaction } from '@signaalhub/database';
import type { Pool, PoolClient } from 'pg';

/** A row of a meeting's agenda with the item's routing facts (no content). */
export interface PlannedRow {
  readonly id: string;
  readonly theme: Theme;
  readonly receivedAt: string;
  readonly status: AgendaItemStatus;
  readonly position: number;
}

/**
 * A meeting's own agenda (`meeting_agenda`): which items, in which order. Planning and unplanning append
 * to the item's history in the same transaction, so the history never misses a step.
 */
export class MeetingAgendaStore {
  private readonly agenda: string;
  private readonly items: string;
  private readonly meetings: string;
  private readonly history: string;

  constructor(
    private readonly pool: Pool,
    schema: string,
  ) {
    const s = quotedSchema(schema);
    this.agenda = `${s}.meeting_agenda`;
    this.items = `${s}.agenda_items`;
    this.meetings = `${s}.meetings`;
    this.history = `${s}.item_history`;
  }

  async planned(meetingId: string, client: Pool | PoolClient = this.pool): Promise<PlannedRow[]> {
    const result = await client.query<{ id: string; theme: Theme; received_at: Date; status: AgendaItemStatus; position: number }>(
      `SELECT i.message_id AS id, i.theme, i.received_at, i.status, a.position
         FROM ${this.agenda} a JOIN ${this.items} i ON i.message_id = a.item_id
        WHERE a.meeting_id = $1 ORDER BY a.position, a.planned_at, a.item_id`,
      [meetingId],
    );
    return result.rows.map((row) => ({ id: row.id, theme: row.theme, receivedAt: row.received_at.toISOString(), status: row.status, position: row.position }));
  }

  /** Appends the item to the meeting's agenda; false when it is on it already. */
  async plan(meetingId: string, itemId: string, party: string, at: Date): Promise<boolean> {
    return this.changing(meetingId, async (client) => {
      const inserted = await client.query(
        `INSERT INTO ${this.agenda} (meeting_id, item_id, position)
           SELECT $1, $2, COALESCE(MAX(position), 0) + 1 FROM ${this.agenda} WHERE meeting_id = $1
         ON CONFLICT (meeting_id, item_id) DO NOTHING`,
        [meetingId, itemId],
      );
      if (inserted.rowCount !== 1) return false;
      await this.appendHistory(client, { itemId, kind: 'planned', meetingId, party, at });
      return true;
    });
  }

  /** Takes the item off the meeting's agenda; false when it was not on it. */
  async unplan(meetingId: string, itemId: string, party: string, at: Date): Promise<boolean> {
    return this.changing(meetingId, async (client) => {
      const deleted = await client.query(`DELETE FROM ${this.agenda} WHERE meeting_id = $1 AND item_id = $2`, [meetingId, itemId]);
      if (deleted.rowCount !== 1) return false;
      await this.appendHistory(client, { itemId, kind: 'unplanned', meetingId, party, at });
      return true;
    });
  }

  /** Sets the order; false (and nothing changed) unless `itemIds` is exactly the planned items. */
  async reorder(meetingId: string, itemIds: readonly string[]): Promise<boolean> {
    return this.changing(meetingId, async (client) => {
      const current = (await this.planned(meetingId, client)).map((row) => row.id);
      if (current.length !== itemIds.length || new Set(itemIds).size !== itemIds.length || !itemIds.every((id) => current.includes(id))) return false;
      await client.query(
        `UPDATE ${this.agenda} AS a SET position = t.ordinality
           FROM unnest($2::uuid[]) WITH ORDINALITY AS t(item_id, ordinality)
          WHERE a.meeting_id = $1 AND a.item_id = t.item_id`,
        [meetingId, itemIds],
      );
      return true;
    });
  }

  /** One change of a meeting's agenda at a time: the meeting's row is locked while its agenda changes. */
  private async changing(meetingId: string, change: (client: PoolClient) => Promise<boolean>): Promise<boolean> {
    return withTransaction(this.pool, async (client) => {
      await client.query(`SELECT 1 FROM ${this.meetings} WHERE id = $1 FOR UPDATE`, [meetingId]);
      return change(client);
    });
  }

  private async appendHistory(
    client: PoolClient,
    event: { itemId: string; kind: 'planned' | 'unplanned'; meetingId: string; party: string; at: Date },
  ): Promise<void> {
    await client.query(`INSERT INTO ${this.history} (item_id, kind, occurred_at, actor_party, meeting_id) VALUES ($1, $2, $3, $4, $5)`, [
      event.itemId,
      event.kind,
      event.at,
      event.party,
      event.meetingId,
    ]);
  }
}
