export { TIMELINE_EVENT_KINDS, TimelineError, parseTimeline, MAX_BESLISTERMIJN_WEKEN } from './timeline.js';
export type { Timeline, TimelineEvent, TimelineEventKind } from './timeline.js';
export { computeDeadlines, DEADLINE_NAMES } from './compute-deadlines.js';
export type { DeadlineOutcome, DeadlineName } from './compute-deadlines.js';
export { dutchHolidays } from './holidays.js';
export type { DeadlineCalendar, Holiday } from './holidays.js';
export { isCalendarDate, isNonWorkingDay, nextWorkingDay, termijnenwetEnd } from './working-days.js';
export { ATW_MAX_WEEKS } from './termijnenwet.js';
export { LBB_WEEKS, LBB_EXTENDED_WEEKS } from './lbb-deadline.js';
