import { itUpgradesSchemaFixture } from '@signaalhub/test-infra';
import { describe, expect, it } from 'vitest';
import { MEETING_MIGRATIONS } from '../src/database/migrations.js';

describe('MEETING_MIGRATIONS', () => {
  const fixture = new URL('./fixtures/schema-62849b8.sql', import.meta.url);
  const sut = itUpgradesSchemaFixture({
    name: 'meeting',
    fixture,
    migrations: MEETING_MIGRATIONS,
    applies: ['0001_initial', '0002_match_tokens_theme', '0003_shared_outbox', '0004_action_reminders', '0005_item_history_meeting_agenda', '0006_information_requests', '0007_handover_answers', '0008_imported_signals'],
    // 0002 gives tokens their theme, 0003 gives the outbox the shared shape, 0004 gives actions a status, 0008 gives items
    // their report day: checked below.
    reshapes: ['match_tokens', 'outbox', 'action_reminders', 'agenda_items'],
    // 0004 adds the reminders' notices; 0005 the meeting's own agenda and the items' history, backfilled: checked below.
    creates: ['action_notices', 'item_history', 'meeting_agenda'],
    auditEntries: 3,
  });

  it('keeps the agenda, the decision with its reminders and the match tokens of a database made at 62849b8', async () => {
    const items = await sut.pool.query<{ status: string; recipients: string[]; on_received_day: boolean }>(
      `SELECT status, recipients, reported_on = (received_at AT TIME ZONE 'Europe/Amsterdam')::date AS on_received_day
         FROM "${sut.schema}".agenda_items ORDER BY received_at`,
    );
    // 0008: an item received before imports existed was reported on the day it was received.
    expect(items.rows).toEqual([
      { status: 'closed', recipients: ['gemeente-baarn', 'politie-bes'], on_received_day: true },
      { status: 'pending', recipients: ['gemeente-baarn', 'politie-bes'], on_received_day: true },
    ]);
    const reminders = await sut.pool.query(
      `SELECT d.approach, r.action_index, r.reminded_at IS NOT NULL AS reminded FROM "${sut.schema}".decisions d
         JOIN "${sut.schema}".action_reminders r ON r.decision_id = d.id ORDER BY r.action_index`,
    );
    expect(reminders.rows).toEqual([
      { approach: 'bestuurlijk', action_index: 0, reminded: false },
      { approach: 'bestuurlijk', action_index: 1, reminded: true },
    ]);
    expect(sut.upgrade.after.rows.match_tokens).toHaveLength(4);
  });

  it('gives the match tokens of 62849b8 the theme of their agenda item (0002)', async () => {
    const tokens = await sut.pool.query<{ kind: string; theme: string | null }>(`SELECT kind, theme FROM "${sut.schema}".match_tokens ORDER BY message_id, kind`);
    expect(tokens.rows).toEqual([
      { kind: 'address', theme: 'vastgoed' },
      { kind: 'kvk', theme: 'vastgoed' },
      { kind: 'address', theme: 'vastgoed' },
      { kind: 'kvk', theme: 'vastgoed' },
    ]);
  });

  it('keeps every outbox row of 62849b8 in the shared shape, with its key, bytes and published state (0003)', async () => {
    const before = sut.upgrade.before.rows.outbox as { id: number; topic: string; key: string; value: string; published_at: unknown }[];
    const after = await sut.pool.query<{ id: string; topic: string; message_key: string; message_value: Buffer; published: boolean; message_id: string }>(
      `SELECT id, topic, message_key, message_value, published_at IS NOT NULL AS published, message_id FROM "${sut.schema}".outbox ORDER BY id`,
    );
    expect(after.rows.map((row) => [Number(row.id), row.topic, row.message_key, row.message_value.toString('utf8'), row.published])).toEqual(
      before.map((row) => [row.id, row.topic, row.key, row.value, row.published_at !== null]),
    );
    // Ids come from the envelope header when it has one; these fixture rows have none, so each got its own.
    expect(new Set(after.rows.map((row) => row.message_id)).size).toBe(after.rows.length);
  });

  it("backfills each item's history from the rows of 62849b8: received for every item, decided for every decision (0005)", async () => {
    const history = await sut.pool.query<{ kind: string; approach: string | null; decided_by_party: string | null }>(
      `SELECT h.kind, d.approach, h.actor_party AS decided_by_party FROM "${sut.schema}".item_history h
         LEFT JOIN "${sut.schema}".decisions d ON d.id = h.decision_id ORDER BY h.id`,
    );
    expect(history.rows).toEqual([
      { kind: 'received', approach: null, decided_by_party: null },
      { kind: 'received', approach: null, decided_by_party: null },
      { kind: 'decided', approach: 'bestuurlijk', decided_by_party: 'gemeente-baarn' },
    ]);
    await expect(sut.pool.query(`DELETE FROM "${sut.schema}".item_history`)).rejects.toThrow(/append-only/);
  });
});
