import type { ValidationProblem } from '@signaalhub/contracts';

/** Meetings are held in the Netherlands: "today" is the calendar date there, whatever the server's zone. */
export const MEETING_TIME_ZONE = 'Europe/Amsterdam';

/** `YYYY-MM-DD` of `instant` in `timeZone`. */
export function calendarDate(instant: Date, timeZone: string = MEETING_TIME_ZONE): string {
  // en-CA formats a date as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(instant);
}

/** The rule "no meeting in the past": today is allowed (the meeting is held today), yesterday is not. */
export function pastMeetingProblem(date: string, today: string): ValidationProblem | undefined {
  if (date >= today) return undefined;
  return { field: 'date', rule: 'must not be in the past', message: 'Een overleg kan niet in het verleden liggen. Kies vandaag of een latere datum.' };
}

/** Today as the application clock says; the one place the meeting's date rules read the time. */
export class MeetingCalendar {
  constructor(private readonly clock: () => Date = () => new Date()) {}

  now(): Date {
    return this.clock();
  }

  today(): string {
    return calendarDate(this.clock());
  }

  isPast(date: string): boolean {
    return pastMeetingProblem(date, this.today()) !== undefined;
  }
}
