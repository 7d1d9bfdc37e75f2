import { describe, expect, it } from 'vitest';
import { calendarDate, MeetingCalendar, pastMeetingProblem } from '../src/meetings/meeting-calendar.js';

describe(MeetingCalendar.name, () => {
  it('rejects a meeting date before today with a Dutch message naming the date field', () => {
    expect(pastMeetingProblem('2026-12-01', '2026-12-02')).toEqual({
      field: 'date',
      rule: 'must not be in the past',
      message: 'Een overleg kan niet in het verleden liggen. Kies vandaag of een latere datum.',
    });
  });

  it('accepts a meeting today and later', () => {
    expect(pastMeetingProblem('2026-12-02', '2026-12-02')).toBeUndefined();
    expect(pastMeetingProblem('2027-01-05', '2026-12-02')).toBeUndefined();
  });

  it("reads today from the application clock in Dutch time, not the server's UTC date", () => {
    // 23:30 UTC on 1 December is already 2 December in Amsterdam (UTC+1 in winter).
    const sut = new MeetingCalendar(() => new Date('2026-12-01T23:30:00Z'));
    expect(sut.today()).toBe('2026-12-02');
    expect(sut.isPast('2026-12-01')).toBe(true);
    expect(sut.isPast('2026-12-02')).toBe(false);
  });

  it('formats a calendar date as YYYY-MM-DD in the given zone', () => {
    expect(calendarDate(new Date('2026-07-01T22:30:00Z'))).toBe('2026-07-02');
    expect(calendarDate(new Date('2026-07-01T22:30:00Z'), 'UTC')).toBe('2026-07-01');
  });
});
