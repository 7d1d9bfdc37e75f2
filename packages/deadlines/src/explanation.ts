// Dutch sentences a coordinator can read, one per computed date and one per reason a date is provisional.
import { formatDutchDate as date, formatDutchWeekdayDate as weekdayDate, type DayNumber } from './calendar-date.js';
import type { CountedSuspension, DecisionDeadline } from './decision-deadline.js';
import type { LbbDeadline } from './lbb-deadline.js';
import type { AtwShift } from './termijnenwet.js';
import type { Interval, StructuredTimeline } from './timeline-structure.js';

const plural = (count: number, one: string, many: string): string => `${count} ${count === 1 ? one : many}`;
const weeksText = (weeks: number): string => plural(weeks, 'week', 'weken');
const daysText = (days: number): string => plural(days, 'dag', 'dagen');
const WEEKEND = new Set(['zaterdag', 'zondag']);

export function decisionText(timeline: StructuredTimeline, decision: Extract<DecisionDeadline, { open: false }>): string {
  const parts = [`Uiterste beslisdatum ${weekdayDate(decision.end)}: ${weeksText(timeline.weeks)} na ontvangst op ${date(timeline.received)}`];
  for (const suspension of decision.suspensions) parts.push(suspensionText(suspension));
  parts.push(...decision.shifts.map(shiftText));
  if (!decision.atwApplies) parts.push('de Algemene termijnenwet geldt niet voor een termijn van meer dan twaalf weken');
  return `${parts.join(', ')}.`;
}

function suspensionText(suspension: CountedSuspension): string {
  const length = suspension.end - suspension.start;
  const details = [suspension.kind === 'aanvulling' ? 'aanvulling' : 'LBB-advies'];
  if (suspension.untilDue) details.push('nog niet ontvangen, gerekend tot de uiterste adviesdatum');
  if (suspension.lateAdvice !== undefined) details.push(`ontvangen op ${date(suspension.lateAdvice)}, na de uiterste adviesdatum, dus tot die datum gerekend`);
  details.push(daysText(length));
  const overlap = suspension.overlap > 0 ? `, waarvan ${daysText(suspension.overlap)} al opgeschort en maar één keer geteld` : '';
  return `opgeschort van ${date(suspension.start)} tot ${date(suspension.end)} (${details.join(', ')}${overlap})`;
}

function shiftText(shift: AtwShift): string {
  if (shift.article === 2) return `verlengd tot ${weekdayDate(shift.to)} zodat de termijn ten minste twee werkdagen bevat (Algemene termijnenwet, art. 2)`;
  const holiday = WEEKEND.has(shift.reason) ? '' : ` (${shift.reason})`;
  return `verschoven van ${weekdayDate(shift.from)}${holiday} naar ${weekdayDate(shift.to)} (Algemene termijnenwet)`;
}

export function lbbText(lbb: LbbDeadline & { readonly due: DayNumber }): string {
  const { request, extension, advice, informationWaits } = lbb.track;
  const extended = extension === undefined ? '' : ` (verlengd op ${date(extension)})`;
  const parts = [`LBB-advies uiterlijk ${weekdayDate(lbb.due)}: ${weeksText(lbb.weeks)} na de adviesaanvraag op ${date(request)}${extended}`];
  if (lbb.waitDays > 0 || informationWaits.length > 0) {
    parts.push(`plus ${daysText(lbb.waitDays)} waarin het LBB op gevraagde informatie wachtte (${informationWaits.map(waitText).join('; ')})`);
  }
  parts.push(...lbb.shifts.map(shiftText));
  if (advice !== undefined) parts.push(`advies ontvangen op ${date(advice)}`);
  return `${parts.join(', ')}.`;
}

const waitText = (wait: Interval): string => `van ${date(wait.start)} tot ${wait.end === undefined ? 'nu' : date(wait.end)}`;

export function openAanvullingText(aanvulling: Interval): string {
  return `Uiterste beslisdatum nog open: de aanvulling gevraagd op ${date(aanvulling.start)} is nog niet ontvangen; de beslistermijn staat stil tot de aanvulling binnen is (of de gestelde termijn ongebruikt verstrijkt).`;
}

export function openInformationWaitTexts(wait: Interval): readonly [decision: string, lbb: string] {
  return [
    `Uiterste beslisdatum nog open: de opschorting voor het LBB-advies groeit zolang het LBB op gevraagde informatie wacht (sinds ${date(wait.start)}).`,
    `LBB-advies uiterlijk nog open: het LBB wacht sinds ${date(wait.start)} op gevraagde informatie; de adviestermijn loopt pas verder als die binnen is.`,
  ];
}

export function provisionalDecisionText(lbbDue: DayNumber): string {
  return `Uiterste beslisdatum voorlopig: het LBB-advies is nog niet ontvangen; de opschorting is meegeteld tot de uiterste adviesdatum ${date(lbbDue)}. Komt het advies eerder, dan valt de beslisdatum eerder.`;
}

export function provisionalLbbText(extended: boolean): string {
  const extension = extended ? '' : 'kan nog één keer met 4 weken worden verlengd (aan te kondigen binnen de eerste 8 weken) en ';
  return `LBB-advies uiterlijk voorlopig: het advies is nog niet ontvangen; de termijn ${extension}groeit met de dagen waarin het LBB op gevraagde informatie wacht.`;
}
