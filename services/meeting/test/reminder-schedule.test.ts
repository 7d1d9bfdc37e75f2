import { describe, expect, it } from 'vitest';
import { actionStatus, reminderFiresAt, reminderJobId, reminderJobIds, remindersToSchedule, type ScheduledAction } from '../src/reminders/reminder-schedule.js';

const DECISION = '1b4e28ba-2fa1-41d2-883f-0016d3cca427';
const action = (overrides: Partial<ScheduledAction> = {}): ScheduledAction => ({
  decisionId: DECISION,
  actionIndex: 1,
  dueDate: '2027-03-10',
  dueDateVersion: 0,
  done: false,
  ...overrides,
});

describe(remindersToSchedule.name, () => {
  it('schedules "due" the lead days before and "overdue" at the start of the due date', () => {
    const sut = remindersToSchedule(action(), [], 7, new Date('2027-03-01T00:00:00Z'));
    expect(sut).toEqual([
      { jobId: `${DECISION}-1-due-v0`, data: { decisionId: DECISION, actionIndex: 1, dueDate: '2027-03-10', kind: 'due', dueDateVersion: 0 }, delayMs: 2 * 86_400_000 },
      { jobId: `${DECISION}-1-overdue-v0`, data: { decisionId: DECISION, actionIndex: 1, dueDate: '2027-03-10', kind: 'overdue', dueDateVersion: 0 }, delayMs: 9 * 86_400_000 },
    ]);
  });

  it('fires a reminder whose time has passed at once, so a service that was down catches up', () => {
    const sut = remindersToSchedule(action(), [], 7, new Date('2027-03-05T12:00:00Z'));
    expect(sut.map((job) => [job.data.kind, job.delayMs])).toEqual([
      ['due', 0],
      ['overdue', 4.5 * 86_400_000],
    ]);
  });

  it('schedules nothing for a done action', () => {
    expect(remindersToSchedule(action({ done: true }), [], 7, new Date('2027-03-01T00:00:00Z'))).toEqual([]);
  });

  it('skips a kind already noted for this due date, so reconciling after a lost Redis does not remind twice', () => {
    const sut = remindersToSchedule(action(), ['due'], 7, new Date('2027-03-05T00:00:00Z'));
    expect(sut.map((job) => job.data.kind)).toEqual(['overdue']);
    expect(remindersToSchedule(action(), ['due', 'overdue'], 7, new Date('2027-03-11T00:00:00Z'))).toEqual([]);
  });

  it('gives a moved due date new job ids, so the old jobs can be removed and a re-add of the old ones is harmless', () => {
    const [before] = remindersToSchedule(action(), [], 7, new Date('2027-03-01T00:00:00Z'));
    const [after] = remindersToSchedule(action({ dueDate: '2027-04-10', dueDateVersion: 1 }), [], 7, new Date('2027-03-01T00:00:00Z'));
    expect(after?.jobId).not.toBe(before?.jobId);
    expect(after?.jobId).toBe(`${DECISION}-1-due-v1`);
    expect(after?.delayMs).toBe(33 * 86_400_000);
  });

  it('keeps job data to ids, a date and a version: no text of the action', () => {
    const [job] = remindersToSchedule(action(), [], 1, new Date('2027-03-01T00:00:00Z'));
    expect(Object.keys(job?.data ?? {}).sort()).toEqual(['actionIndex', 'decisionId', 'dueDate', 'dueDateVersion', 'kind']);
  });
});

describe(reminderJobId.name, () => {
  it('is the same for the same action, kind and version, and differs when any of them differs', () => {
    const base = { decisionId: DECISION, actionIndex: 0, kind: 'due', dueDateVersion: 2 } as const;
    expect(reminderJobId(base)).toBe(reminderJobId({ ...base }));
    expect(new Set([reminderJobId(base), reminderJobId({ ...base, actionIndex: 1 }), reminderJobId({ ...base, kind: 'overdue' }), reminderJobId({ ...base, dueDateVersion: 3 })]).size).toBe(4);
  });

  it('lists both kinds of one version for removal', () => {
    expect(reminderJobIds({ decisionId: DECISION, actionIndex: 3, dueDateVersion: 4 })).toEqual([`${DECISION}-3-due-v4`, `${DECISION}-3-overdue-v4`]);
  });
});

describe(reminderFiresAt.name, () => {
  it('counts the lead in whole days back from the start of the due date (UTC)', () => {
    expect(reminderFiresAt('2027-01-02', 'due', 3).toISOString()).toBe('2026-12-30T00:00:00.000Z');
    expect(reminderFiresAt('2027-01-02', 'overdue', 3).toISOString()).toBe('2027-01-02T00:00:00.000Z');
  });
});

describe(actionStatus.name, () => {
  const status = (now: string, done = false): string => actionStatus({ dueDate: '2027-03-10', done }, 2, new Date(now));

  it('is open before the lead, due within it, overdue from the due date on', () => {
    expect(status('2027-03-07T23:59:59Z')).toBe('open');
    expect(status('2027-03-08T00:00:00Z')).toBe('due');
    expect(status('2027-03-09T23:59:59Z')).toBe('due');
    expect(status('2027-03-10T00:00:00Z')).toBe('overdue');
  });

  it('is done once done, whatever the clock says', () => {
    expect(status('2027-04-01T00:00:00Z', true)).toBe('done');
  });
});
