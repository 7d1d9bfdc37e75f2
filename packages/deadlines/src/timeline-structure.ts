import { formatIsoDate, parseIsoDate, type DayNumber } from './calendar-date.js';
import { TIMELINE_EVENT_KINDS, TimelineError, type Timeline, type TimelineEventKind } from './timeline.js';

/** A suspension from the day of its start event until the day of its end event; `end` undefined while open. */
export interface Interval {
  readonly start: DayNumber;
  readonly end: DayNumber | undefined;
}

export interface LbbTrack {
  readonly request: DayNumber;
  readonly extension: DayNumber | undefined;
  readonly advice: DayNumber | undefined;
  /** Periods the LBB waited for information it asked for. */
  readonly informationWaits: readonly Interval[];
}

/** A timeline whose events are paired into suspensions and checked for consistency. */
export interface StructuredTimeline {
  readonly received: DayNumber;
  readonly weeks: number;
  readonly aanvullingen: readonly Interval[];
  readonly lbb: LbbTrack | undefined;
}

interface DatedEvent {
  readonly soort: TimelineEventKind;
  readonly day: DayNumber;
  /** e.g. `gebeurtenissen[3]`, to name the event in an error. */
  readonly field: string;
}

export function parseDay(text: string, field: string): DayNumber {
  const day = parseIsoDate(text);
  if (day === undefined) throw new TimelineError(`${field}: "${text}" is geen bestaande datum (JJJJ-MM-DD)`);
  return day;
}

/** Pairs and checks the events of a timeline; throws a TimelineError naming the first inconsistency. */
export function structureTimeline(timeline: Timeline): StructuredTimeline {
  const received = parseDay(timeline.ontvangen, 'ontvangen');
  const { beslistermijnWeken: weeks } = timeline;
  if (!Number.isInteger(weeks) || weeks < 1) throw new TimelineError('beslistermijnWeken: moet een geheel aantal weken van ten minste 1 zijn');
  const events = timeline.gebeurtenissen
    .map((event, index): DatedEvent => {
      const field = `gebeurtenissen[${index}]`;
      // A typed caller can still hand over a cast value: refuse it rather than ignore the event.
      if (!(TIMELINE_EVENT_KINDS as readonly string[]).includes(event.soort)) {
        throw new TimelineError(`${field}.soort: "${event.soort}" is onbekend; toegestaan: ${TIMELINE_EVENT_KINDS.join(', ')}`);
      }
      return { soort: event.soort, day: parseDay(event.datum, `${field}.datum`), field };
    })
    // Stable: events on one day keep the order in which they were given.
    .sort((a, b) => a.day - b.day);
  const early = events.find((event) => event.day < received);
  if (early !== undefined) {
    throw new TimelineError(`${describe(early)} ligt vóór de ontvangst op ${formatIsoDate(received)} (een einde vóór zijn begin)`);
  }
  return {
    received,
    weeks,
    aanvullingen: pairIntervals(events, 'aanvulling-gevraagd', 'aanvulling-ontvangen'),
    lbb: lbbTrack(events),
  };
}

function describe(event: DatedEvent): string {
  return `${event.field} (${event.soort} op ${formatIsoDate(event.day)})`;
}

/** Pairs start and end events of one kind of suspension in date order; they must not overlap. */
function pairIntervals(events: readonly DatedEvent[], startKind: TimelineEventKind, endKind: TimelineEventKind): Interval[] {
  const own = events.filter((event) => event.soort === startKind || event.soort === endKind);
  const intervals: Interval[] = [];
  let open: DatedEvent | undefined;
  for (const [position, event] of own.entries()) {
    if (event.soort === startKind) {
      if (open !== undefined) {
        throw new TimelineError(
          `${describe(event)} overlapt met ${describe(open)}: die is nog niet afgesloten met ${endKind} (overlappende opschortingen van dezelfde soort)`,
        );
      }
      open = event;
      continue;
    }
    if (open === undefined) {
      const laterStart = own.slice(position + 1).find((other) => other.soort === startKind);
      throw new TimelineError(
        laterStart === undefined
          ? `${describe(event)} heeft geen ${startKind} ervoor`
          : `${describe(event)} ligt vóór ${describe(laterStart)} (een einde vóór zijn begin)`,
      );
    }
    intervals.push({ start: open.day, end: event.day });
    open = undefined;
  }
  if (open !== undefined) intervals.push({ start: open.day, end: undefined });
  return intervals;
}

function single(events: readonly DatedEvent[], soort: TimelineEventKind, what: string): DatedEvent | undefined {
  const matching = events.filter((event) => event.soort === soort);
  const [first, second] = matching;
  if (first !== undefined && second !== undefined) {
    throw new TimelineError(`${describe(second)}: ${what} kan maar één keer voorkomen (al op ${formatIsoDate(first.day)})`);
  }
  return first;
}

function lbbTrack(events: readonly DatedEvent[]): LbbTrack | undefined {
  const request = single(events, 'lbb-gevraagd', 'een LBB-adviesaanvraag');
  const extension = single(events, 'lbb-verlengd', 'de verlenging van de LBB-termijn');
  const advice = single(events, 'lbb-advies-ontvangen', 'het LBB-advies');
  if (request === undefined) {
    const orphan = events.find((event) => event.soort.startsWith('lbb-'));
    if (orphan !== undefined) throw new TimelineError(`${describe(orphan)}: er is geen LBB-advies gevraagd (lbb-gevraagd ontbreekt)`);
    return undefined;
  }
  for (const event of [extension, advice]) {
    if (event !== undefined && event.day < request.day) {
      throw new TimelineError(`${describe(event)} ligt vóór ${describe(request)} (een einde vóór zijn begin)`);
    }
  }
  if (extension !== undefined && advice !== undefined && extension.day > advice.day) {
    throw new TimelineError(`${describe(extension)} ligt na ${describe(advice)}: na het advies valt er niets te verlengen`);
  }
  const informationWaits = pairIntervals(events, 'lbb-informatie-gevraagd', 'lbb-informatie-ontvangen');
  const waitEvents = events.filter((event) => event.soort === 'lbb-informatie-gevraagd' || event.soort === 'lbb-informatie-ontvangen');
  for (const event of waitEvents) {
    if (event.day < request.day) throw new TimelineError(`${describe(event)} ligt vóór ${describe(request)} (een einde vóór zijn begin)`);
    if (advice !== undefined && event.day > advice.day) throw new TimelineError(`${describe(event)} ligt na ${describe(advice)}`);
  }
  if (advice !== undefined && informationWaits.some((wait) => wait.end === undefined)) {
    throw new TimelineError(`${describe(advice)}: het LBB wacht dan nog op informatie (lbb-informatie-ontvangen ontbreekt)`);
  }
  return { request: request.day, extension: extension?.day, advice: advice?.day, informationWaits };
}
