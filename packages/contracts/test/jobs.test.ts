import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { jobQueueNames, Jobs } from '../src/index.js';

describe('Jobs', () => {
  it('keeps the persisted job and queue names unchanged', () => {
    expect(Jobs.agendaItem.name).toBe('agenda-item');
    expect(Jobs.agendaItem.queue('de-bilt')).toBe('signaalhub.agenda.de-bilt.v1');
    expect(Jobs.actionReminder.name).toBe('action-reminder');
    expect(Jobs.actionReminder.queue).toBe('signaalhub.action-reminders.v1');
  });

  it('rejects job data with a field the schema does not name, so nothing else reaches Redis unnoticed', () => {
    const reminder = { decisionId: randomUUID(), actionIndex: 0, dueDate: '2026-12-01' };
    expect(Jobs.actionReminder.data.safeParse(reminder).success).toBe(true);
    expect(Jobs.actionReminder.data.safeParse({ ...reminder, description: 'Bezoek aan J. de Vries' }).success).toBe(false);
  });
});

describe(jobQueueNames.name, () => {
  it('gives a job one queue, or one per municipality', () => {
    expect(jobQueueNames(Jobs.actionReminder, ['baarn', 'soest'])).toEqual(['signaalhub.action-reminders.v1']);
    expect(jobQueueNames(Jobs.agendaItem, ['baarn', 'soest'])).toEqual(['signaalhub.agenda.baarn.v1', 'signaalhub.agenda.soest.v1']);
  });
});
