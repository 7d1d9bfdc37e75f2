import { itUpgradesSchemaFixture } from '@signaalhub/test-infra';
import { describe, expect, it } from 'vitest';
import { MEETING_MIGRATIONS } from '../src/database/migrations.js';

describe('MEETING_MIGRATIONS', () => {
  const fixture = new URL('./fixtures/schema-62849b8.sql', import.meta.url);
  const sut = itUpgradesSchemaFixture({ name: 'meeting', fixture, migrations: MEETING_MIGRATIONS, applies: ['0001_initial'], auditEntries: 3 });

  it('keeps the agenda, the decision with its reminders and the match tokens of a database made at 62849b8', async () => {
    const items = await sut.pool.query<{ status: string; recipients: string[] }>(`SELECT status, recipients FROM "${sut.schema}".agenda_items ORDER BY received_at`);
    expect(items.rows).toEqual([
      { status: 'closed', recipients: ['gemeente-baarn', 'politie-bes'] },
      { status: 'pending', recipients: ['gemeente-baarn', 'politie-bes'] },
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
});
