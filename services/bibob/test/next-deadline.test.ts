import { computeDeadlines, type TimelineEvent } from '@signaalhub/deadlines';
import { describe, expect, it } from 'vitest';
import { nextDeadlineOf, poolOrder } from '../src/screenings/next-deadline.js';

/** Received Monday 2026-06-01, 8 weeks: 2026-07-27 (a Monday). */
const timeline = (gebeurtenissen: TimelineEvent[]) => ({ ontvangen: '2026-06-01', beslistermijnWeken: 8, gebeurtenissen });
const next = (gebeurtenissen: TimelineEvent[], today: string) => nextDeadlineOf(computeDeadlines(timeline(gebeurtenissen)), gebeurtenissen, today);

describe(nextDeadlineOf.name, () => {
  it('is the decision date while nothing else runs', () => {
    expect(next([], '2026-06-10')).toEqual({ deadline: 'uitersteBeslisdatum', date: '2026-07-27', provisional: false, passed: false });
  });

  it('is the LBB advice due date while the advice is awaited, as it comes first (provisional: the request is open)', () => {
    // Requested 2026-06-10: due 56 days later, Wednesday 2026-08-05; the decision date waits for it.
    expect(next([{ soort: 'lbb-gevraagd', datum: '2026-06-10' }], '2026-06-11')).toEqual({
      deadline: 'lbbAdviesUiterlijk',
      date: '2026-08-05',
      provisional: true,
      passed: false,
    });
  });

  it('no longer watches the LBB due date once the advice arrived', () => {
    const events: TimelineEvent[] = [
      { soort: 'lbb-gevraagd', datum: '2026-06-10' },
      { soort: 'lbb-advies-ontvangen', datum: '2026-06-20' },
    ];
    // 10 suspended days: 2026-07-27 + 10 = Thursday 2026-08-06.
    expect(next(events, '2026-06-21')).toMatchObject({ deadline: 'uitersteBeslisdatum', date: '2026-08-06' });
  });

  it('is the decision date on its last day, and passed the day after', () => {
    expect(next([], '2026-07-27')).toMatchObject({ date: '2026-07-27', passed: false });
    expect(next([], '2026-07-28')).toMatchObject({ date: '2026-07-27', passed: true });
  });

  it('is null while an open aanvulling leaves the decision date open', () => {
    expect(next([{ soort: 'aanvulling-gevraagd', datum: '2026-06-05' }], '2026-06-10')).toBeNull();
  });
});

describe(poolOrder.name, () => {
  const line = (id: string, overdue: boolean, date: string | null, openedAt = '2026-06-01T10:00:00.000Z') => ({
    id,
    overdue,
    openedAt,
    nextDeadline: date === null ? null : { deadline: 'uitersteBeslisdatum' as const, date, provisional: false, passed: overdue },
  });

  it('puts overdue first, then the nearest deadline, then none, then the oldest', () => {
    const lines = [
      line('a', false, null),
      line('b', false, '2026-09-01'),
      line('c', true, '2026-07-01'),
      line('d', false, '2026-08-01', '2026-06-02T10:00:00.000Z'),
      line('e', false, '2026-08-01', '2026-06-01T09:00:00.000Z'),
    ];
    expect(lines.sort(poolOrder).map((entry) => entry.id)).toEqual(['c', 'e', 'd', 'b', 'a']);
  });
});
