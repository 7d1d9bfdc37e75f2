import type { Approach, DecisionFacts, DiscussedFilter, DiscussedItem, Envelope, Meeting, AgendaItemStatus, Theme } from '@signaalhub/contracts';
import { quotedSchema } from '@signaalhub/database';
import type { Pool, PoolClient } from 'pg';

/** A stored history event with its meeting, in record order; the decision's content is read from its envelope, not from here. */
export interface StoredHistoryEvent {
  readonly kind: 'received' | 'planned' | 'unplanned' | 'decided';
  readonly at: string;
  readonly party: string | null;
  readonly meeting: Meeting | null;
  readonly decisionId: string | null;
}

/** A decision as stored: routing facts, the sealed envelope and when the outbox published it. */
export interface StoredDecision {
  readonly facts: DecisionFacts;
  readonly recipients: readonly string[];
  readonly envelope: Envelope;
  readonly publishedAt: string | null;
}

interface DecisionRow {
  id: string;
  decided_at: Date;
  approach: Approach;
  lead_party: string;
  decided_by_party: string;
  recipients: string[];
  envelope: Envelope;
  published_at: Date | null;
}

const facts = (row: DecisionRow): DecisionFacts => ({
  decisionId: row.id,
  decidedAt: row.decided_at.toISOString(),
  approach: row.approach,
  leadParty: row.lead_party,
  decidedByParty: row.decided_by_party,
});

/**
 * Each item's history (`item_history`, append-only): received and decided are appended by the agenda and
 * the decision recorder, planned and unplanned by the meeting's agenda, each in the transaction of the
 * change itself. Also the reads built on it: an item's steps, a meeting's decisions, "Besproken".
 */
export class ItemHistoryStore {
  private readonly history: string;
  private readonly items: string;
  private readonly meetings: string;
  private readonly decisions: string;
  private readonly outbox: string;
  private readonly agenda: string;

  constructor(
    private readonly pool: Pool,
    schema: string,
  ) {
    const s = quotedSchema(schema);
    this.history = `${s}.item_history`;
    this.items = `${s}.agenda_items`;
    this.meetings = `${s}.meetings`;
    this.decisions = `${s}.decisions`;
    this.outbox = `${s}.outbox`;
    this.agenda = `${s}.meeting_agenda`;
  }

  /**
   * In the decision's transaction: the decision belongs to the latest meeting on or before `today` that has
   * the item on its agenda (none: decided outside a meeting).
   */
  async recordDecision(client: PoolClient, decision: { itemId: string; decisionId: string; decidedAt: string; party: string; today: string }): Promise<void> {
    await client.query(
      `INSERT INTO ${this.history} (item_id, kind, occurred_at, actor_party, decision_id, meeting_id)
       SELECT $1, 'decided', $2, $3, $4,
              (SELECT a.meeting_id FROM ${this.agenda} a JOIN ${this.meetings} m ON m.id = a.meeting_id
                WHERE a.item_id = $1 AND m.date <= $5::date ORDER BY m.date DESC LIMIT 1)`,
      [decision.itemId, decision.decidedAt, decision.party, decision.decisionId, decision.today],
    );
  }

  async events(itemId: string): Promise<StoredHistoryEvent[]> {
    const result = await this.pool.query<{
      kind: StoredHistoryEvent['kind'];
      occurred_at: Date;
      actor_party: string | null;
      meeting_id: string | null;
      municipality: string | null;
      date: string | null;
      decision_id: string | null;
    }>(
      `SELECT h.kind, h.occurred_at, h.actor_party, h.meeting_id, m.municipality, to_char(m.date, 'YYYY-MM-DD') AS date, h.decision_id
         FROM ${this.history} h LEFT JOIN ${this.meetings} m ON m.id = h.meeting_id
        WHERE h.item_id = $1 ORDER BY h.id`,
      [itemId],
    );
    return result.rows.map((row) => ({
      kind: row.kind,
      at: row.occurred_at.toISOString(),
      party: row.actor_party,
      meeting: row.meeting_id === null || row.municipality === null || row.date === null ? null : { id: row.meeting_id, municipality: row.municipality, date: row.date },
      decisionId: row.decision_id,
    }));
  }

  /** Every decision on the item, oldest first. */
  async decisionsOfItem(itemId: string): Promise<StoredDecision[]> {
    // In record order (the history's), so two decisions at the same instant keep the order they were taken in.
    const result = await this.pool.query<DecisionRow>(
      `${this.decisionSelect()} WHERE d.item_id = $1
        ORDER BY (SELECT h.id FROM ${this.history} h WHERE h.decision_id = d.id AND h.kind = 'decided') NULLS LAST, d.decided_at, d.id`,
      [itemId],
    );
    return result.rows.map(toStoredDecision);
  }

  /** The decisions taken at a meeting (see recordDecision), in agenda order. */
  async decisionsAtMeeting(meetingId: string): Promise<(StoredDecision & { readonly item: { readonly id: string; readonly theme: Theme } })[]> {
    const result = await this.pool.query<DecisionRow & { item_id: string; theme: Theme }>(
      `${this.decisionSelect(', i.message_id AS item_id, i.theme')}
         JOIN ${this.history} h ON h.decision_id = d.id AND h.kind = 'decided'
         JOIN ${this.items} i ON i.message_id = d.item_id
         LEFT JOIN ${this.agenda} a ON a.meeting_id = h.meeting_id AND a.item_id = d.item_id
        WHERE h.meeting_id = $1 ORDER BY a.position NULLS LAST, d.decided_at, d.id`,
      [meetingId],
    );
    return result.rows.map((row) => ({ ...toStoredDecision(row), item: { id: row.item_id, theme: row.theme } }));
  }

  /**
   * "Besproken": items with a decision, by their latest decision, and historically imported signals (no decision here,
   * so only without a filter), by their report day; newest first. Imported signals are the municipality's history from
   * before the hub: this is where its members look for what was dealt with before.
   */
  async discussed(filter: DiscussedFilter, limit = 500): Promise<DiscussedItem[]> {
    const result = await this.pool.query<{
      id: string;
      theme: Theme;
      received_at: Date;
      reported_on: string;
      status: AgendaItemStatus;
      decision_id: string | null;
      decided_at: Date | null;
      approach: Approach | null;
      lead_party: string | null;
      decided_by_party: string | null;
    }>(
      `SELECT id, theme, received_at, to_char(reported_on, 'YYYY-MM-DD') AS reported_on, status,
              decision_id, decided_at, approach, lead_party, decided_by_party FROM (
         SELECT DISTINCT ON (i.message_id) i.message_id AS id, i.theme, i.received_at, i.reported_on, i.status,
                d.id AS decision_id, d.decided_at, d.approach, d.lead_party, d.decided_by_party
           FROM ${this.items} i LEFT JOIN ${this.decisions} d ON d.item_id = i.message_id
          WHERE i.municipality = $1 AND (d.id IS NOT NULL OR i.status = 'imported')
          ORDER BY i.message_id, d.decided_at DESC, d.id DESC
       ) latest
       WHERE ($2::text IS NULL OR approach = $2) AND ($3::text IS NULL OR lead_party = $3)
       ORDER BY COALESCE(decided_at, (reported_on + time '12:00') AT TIME ZONE 'UTC') DESC, id LIMIT $4`,
      [filter.municipality, filter.approach ?? null, filter.leadParty ?? null, limit],
    );
    return result.rows.map((row) => ({
      id: row.id,
      theme: row.theme,
      receivedAt: row.received_at.toISOString(),
      reportedOn: row.reported_on,
      status: row.status,
      latestDecision:
        row.decision_id === null || row.decided_at === null || row.approach === null || row.lead_party === null || row.decided_by_party === null
          ? null
          : { decisionId: row.decision_id, decidedAt: row.decided_at.toISOString(), approach: row.approach, leadParty: row.lead_party, decidedByParty: row.decided_by_party },
    }));
  }

  private decisionSelect(extra = ''): string {
    return `SELECT d.id, d.decided_at, d.approach, d.lead_party, d.decided_by_party, d.recipients, d.envelope,
              (SELECT o.published_at FROM ${this.outbox} o WHERE o.message_id = d.id) AS published_at${extra}
         FROM ${this.decisions} d`;
  }
}

function toStoredDecision(row: DecisionRow): StoredDecision {
  return {
    facts: facts(row),
    recipients: row.recipients,
    envelope: row.envelope,
    publishedAt: row.published_at === null ? null : row.published_at.toISOString(),
  };
}
