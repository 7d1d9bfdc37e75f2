import type { ActionView } from '@signaalhub/contracts';
import type { RunningService } from '@signaalhub/test-infra';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ActionsController } from '../src/http/actions.controller.js';
import { decideWithActions, soestItems } from './support/agenda-items.js';
import { caller, startMeeting } from './support/running-meeting.js';

const DAY_MS = 86_400_000;
const dateFromNow = (days: number): string => new Date(Date.now() + days * DAY_MS).toISOString().slice(0, 10);

interface Problems {
  error: string;
  problems: { field: string; rule: string; message: string }[];
}

describe(ActionsController.name, () => {
  let sut: RunningService;
  let itemId: string;
  let decisionId: string;
  const lead = caller('gemeente-soest');

  beforeAll(async () => {
    sut = await startMeeting();
    [itemId = ''] = await soestItems(sut, 1);
    decisionId = await decideWithActions(sut, itemId, [dateFromNow(20), dateFromNow(40)]);
  });

  afterAll(async () => {
    await sut.stop();
  });

  async function stored(actionIndex: number): Promise<{ due_date: string; due_date_version: number; done_on: string | null; done_note: unknown }> {
    const result = await sut.pool.query<{ due_date: string; due_date_version: number; done_on: string | null; done_note: unknown }>(
      `SELECT to_char(due_date, 'YYYY-MM-DD') AS due_date, due_date_version, to_char(done_on, 'YYYY-MM-DD') AS done_on, done_note
         FROM "${sut.schema}".action_reminders WHERE decision_id = $1 AND action_index = $2`,
      [decisionId, actionIndex],
    );
    const row = result.rows[0];
    if (row === undefined) throw new Error('no such action');
    return row;
  }

  it('lists the actions of an item with their status, text and no reminder yet', async () => {
    const response = await sut.call('GET', `/api/actions?item=${itemId}`, lead);
    expect(response.status).toBe(200);
    const actions = (await response.json()) as ActionView[];
    expect(actions).toMatchObject([
      { decisionId, actionIndex: 0, itemId, municipality: 'soest', leadParty: 'gemeente-soest', dueDate: dateFromNow(20), status: 'open', description: 'Actie 1', reminders: [], ledByCaller: true },
      { decisionId, actionIndex: 1, status: 'open', description: 'Actie 2' },
    ]);
    expect(await sut.auditEntries({ userId: lead.userId, action: 'decision.open' })).toMatchObject([{ object_id: decisionId, result: 'allowed' }]);
  });

  it('rejects marking done naming each field and rule when the body is wrong, and stores nothing', async () => {
    const response = await sut.call('POST', `/api/actions/${decisionId}/0/done`, lead, { doneOn: '2026-02-30', note: '   ', extra: true });
    expect(response.status).toBe(400);
    const body = (await response.json()) as Problems;
    expect(body.error).toBe('validation');
    expect(body.problems.map((problem) => problem.field).sort()).toEqual(['doneOn', 'extra', 'note']);
    expect(body.problems.every((problem) => problem.rule.length > 0 && problem.message.length > 0)).toBe(true);
    expect(await stored(0)).toMatchObject({ done_on: null, done_note: null });
  });

  it('rejects a done date in the future naming doneOn, and stores nothing', async () => {
    const response = await sut.call('POST', `/api/actions/${decisionId}/0/done`, lead, { doneOn: dateFromNow(2), note: 'Klaar' });
    expect(response.status).toBe(400);
    expect(((await response.json()) as Problems).problems).toEqual([
      { field: 'doneOn', rule: 'must not be in the future', message: 'De datum van afronden mag niet in de toekomst liggen' },
    ]);
    expect(await stored(0)).toMatchObject({ done_on: null });
  });

  it('rejects a due date in the past naming dueDate, and keeps the date and its version', async () => {
    const response = await sut.call('POST', `/api/actions/${decisionId}/1/due-date`, lead, { dueDate: dateFromNow(-1) });
    expect(response.status).toBe(400);
    expect(((await response.json()) as Problems).problems).toMatchObject([{ field: 'dueDate', rule: 'must not be in the past' }]);
    expect(await stored(1)).toMatchObject({ due_date: dateFromNow(40), due_date_version: 0 });
  });

  it('rejects malformed ids naming the parameter, and answers 404 for an action that does not exist', async () => {
    const malformed = await sut.call('POST', '/api/actions/not-a-uuid/x/done', lead, { doneOn: dateFromNow(0), note: 'Klaar' });
    expect(malformed.status).toBe(400);
    expect(((await malformed.json()) as Problems).problems.map((problem) => problem.field)).toEqual(['decisionId', 'actionIndex']);
    const badItem = await sut.call('GET', '/api/actions?item=zeven', lead);
    expect(badItem.status).toBe(400);
    expect(((await badItem.json()) as Problems).problems.map((problem) => problem.field)).toEqual(['item']);
    const missing = await sut.call('POST', `/api/actions/${decisionId}/7/done`, lead, { doneOn: dateFromNow(0), note: 'Klaar' });
    expect(missing.status).toBe(404);
  });

  it('moves a due date: a new version, the new date listed', async () => {
    const response = await sut.call('POST', `/api/actions/${decisionId}/1/due-date`, caller('politie-bes'), { dueDate: dateFromNow(50) });
    expect(response.status, await response.clone().text()).toBe(200);
    expect(await response.json()).toMatchObject({ actionIndex: 1, dueDate: dateFromNow(50), status: 'open' });
    expect(await stored(1)).toMatchObject({ due_date: dateFromNow(50), due_date_version: 1 });
  });

  it('marks an action done with its date and sealed note, then refuses doing it twice or moving it (409)', async () => {
    const response = await sut.call('POST', `/api/actions/${decisionId}/0/done`, lead, { doneOn: dateFromNow(0), note: 'Vergunning gecontroleerd' });
    expect(response.status, await response.clone().text()).toBe(200);
    expect(await response.json()).toMatchObject({
      actionIndex: 0,
      status: 'done',
      done: { doneOn: dateFromNow(0), byParty: 'gemeente-soest', note: 'Vergunning gecontroleerd' },
    });
    const row = await stored(0);
    expect(row.done_on).toBe(dateFromNow(0));
    expect(JSON.stringify(row.done_note)).not.toContain('Vergunning gecontroleerd');
    expect(await sut.auditEntries({ userId: lead.userId, action: 'action.done' })).toMatchObject([{ object_id: `${decisionId}/0`, result: 'allowed' }]);

    const again = await sut.call('POST', `/api/actions/${decisionId}/0/done`, lead, { doneOn: dateFromNow(0), note: 'Nog eens' });
    expect(again.status).toBe(409);
    expect(await again.json()).toEqual({ error: 'conflict', message: 'Deze actie is al afgerond.' });
    const move = await sut.call('POST', `/api/actions/${decisionId}/0/due-date`, lead, { dueDate: dateFromNow(60) });
    expect(move.status).toBe(409);
    expect(await stored(0)).toMatchObject({ due_date: dateFromNow(20), due_date_version: 0 });
  });
});
