import type { DecisionContent, Envelope } from '@signaalhub/contracts';
import { describe, expect, it } from 'vitest';
import { assembleHistory, type OpenedDecision } from '../src/history/item-history.js';
import type { StoredHistoryEvent } from '../src/history/item-history-store.js';

const MEETING_1 = { id: '11111111-1111-4111-8111-111111111111', municipality: 'soest', date: '2026-12-03' };
const MEETING_2 = { id: '22222222-2222-4222-8222-222222222222', municipality: 'soest', date: '2026-12-10' };
const ENVELOPE = { header: {}, body: '' } as unknown as Envelope;
const CONTENT: DecisionContent = {
  recordedBy: { party: 'gemeente-soest', userId: 'overleg.soest' },
  actions: [{ description: 'Controle', dueDate: '2026-12-20' }],
  riecHandover: false,
  feedback: 'Dank u.',
};

function decision(id: string, approach: 'meer-informatie' | 'bestuurlijk', decidedAt: string, publishedAt: string | null, content: DecisionContent | null = CONTENT): OpenedDecision {
  return {
    stored: {
      facts: { decisionId: id, decidedAt, approach, leadParty: 'gemeente-soest', decidedByParty: 'gemeente-soest' },
      recipients: ['gemeente-soest'],
      envelope: ENVELOPE,
      publishedAt,
    },
    content,
  };
}

const event = (kind: StoredHistoryEvent['kind'], at: string, extra: Partial<StoredHistoryEvent> = {}): StoredHistoryEvent => ({
  kind,
  at,
  party: null,
  meeting: null,
  decisionId: null,
  ...extra,
});

describe(assembleHistory.name, () => {
  it('tells received, planned, "meer informatie nodig", back on the agenda, planned again, decided and each feedback sent, in record order', () => {
    const first = decision('d-1', 'meer-informatie', '2026-12-03T10:00:00.000Z', '2026-12-03T10:00:01.000Z');
    const second = decision('d-2', 'bestuurlijk', '2026-12-10T11:00:00.000Z', '2026-12-10T11:00:02.000Z');
    const sut = assembleHistory({
      events: [
        event('received', '2026-12-01T09:00:00.000Z'),
        event('planned', '2026-12-02T09:00:00.000Z', { party: 'gemeente-soest', meeting: MEETING_1 }),
        event('decided', '2026-12-03T10:00:00.000Z', { party: 'gemeente-soest', meeting: MEETING_1, decisionId: 'd-1' }),
        event('planned', '2026-12-04T09:00:00.000Z', { party: 'politie-bes', meeting: MEETING_2 }),
        event('decided', '2026-12-10T11:00:00.000Z', { party: 'gemeente-soest', meeting: MEETING_2, decisionId: 'd-2' }),
      ],
      decisions: [first, second],
      reporterParty: 'gemeente-baarn',
    });
    expect(sut.map((entry) => entry.kind)).toEqual(['received', 'planned', 'decided', 'returned-to-agenda', 'feedback-sent', 'planned', 'decided', 'feedback-sent']);
    expect(sut[2]).toMatchObject({ kind: 'decided', decision: { approach: 'meer-informatie' }, meeting: MEETING_1, content: CONTENT });
    expect(sut[5]).toMatchObject({ kind: 'planned', party: 'politie-bes', meeting: MEETING_2 });
    expect(sut[6]).toMatchObject({ kind: 'decided', decision: { approach: 'bestuurlijk' } });
    expect(sut[7]).toEqual({ kind: 'feedback-sent', at: '2026-12-10T11:00:02.000Z', decisionId: 'd-2', to: 'gemeente-baarn' });
  });

  it('leaves out feedback that the outbox has not published yet, and keeps a decision the caller may not open without its content', () => {
    const sut = assembleHistory({
      events: [event('received', '2026-12-01T09:00:00.000Z'), event('decided', '2026-12-03T10:00:00.000Z', { decisionId: 'd-1', party: 'gemeente-soest' })],
      decisions: [decision('d-1', 'bestuurlijk', '2026-12-03T10:00:00.000Z', null, null)],
      reporterParty: 'gemeente-soest',
    });
    expect(sut).toEqual([
      { kind: 'received', at: '2026-12-01T09:00:00.000Z' },
      expect.objectContaining({ kind: 'decided', content: null, meeting: null }),
    ]);
  });

  it('shows an unplanned step and a decision that has no event of its own, never hiding a decision', () => {
    const sut = assembleHistory({
      events: [
        event('received', '2026-12-01T09:00:00.000Z'),
        event('planned', '2026-12-02T09:00:00.000Z', { party: 'gemeente-soest', meeting: MEETING_1 }),
        event('unplanned', '2026-12-02T09:30:00.000Z', { party: 'gemeente-soest', meeting: MEETING_1 }),
      ],
      decisions: [decision('d-9', 'bestuurlijk', '2026-12-05T10:00:00.000Z', null)],
      reporterParty: 'gemeente-soest',
    });
    expect(sut.map((entry) => entry.kind)).toEqual(['received', 'planned', 'unplanned', 'decided']);
  });
});
