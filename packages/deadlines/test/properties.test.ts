import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ATW_MAX_WEEKS, computeDeadlines, isNonWorkingDay, type Timeline, type TimelineEvent } from '../src/index.js';
import { dayOf, isoOf, timelineArbitrary } from './timeline-arbitrary.js';

const RUNS = { numRuns: 2_000 };

/** `later` is not before `earlier` when both are dates (ISO dates compare as text). */
function notEarlier(later: string | null, earlier: string | null): boolean {
  return later === null || earlier === null || later >= earlier;
}

function replaceEvent(timeline: Timeline, index: number, event: TimelineEvent): Timeline {
  return { ...timeline, gebeurtenissen: timeline.gebeurtenissen.map((other, at) => (at === index ? event : other)) };
}

describe(computeDeadlines.name, () => {
  it('never ends a term the Atw covers on a Saturday, Sunday or holiday', () => {
    fc.assert(
      fc.property(timelineArbitrary, (timeline) => {
        const sut = computeDeadlines(timeline);
        if (timeline.beslistermijnWeken <= ATW_MAX_WEEKS && sut.uitersteBeslisdatum !== null) {
          expect(isNonWorkingDay(sut.uitersteBeslisdatum)).toBe(false);
        }
        // The LBB's 8 and 12 weeks are always within the Atw.
        if (sut.lbbAdviesUiterlijk !== null) expect(isNonWorkingDay(sut.lbbAdviesUiterlijk)).toBe(false);
      }),
      RUNS,
    );
  });

  it('ends a term of more than twelve weeks without suspensions exactly 7·N days after receipt', () => {
    fc.assert(
      fc.property(timelineArbitrary, fc.integer({ min: ATW_MAX_WEEKS + 1, max: 60 }), (timeline, weeks) => {
        const sut = computeDeadlines({ ontvangen: timeline.ontvangen, beslistermijnWeken: weeks, gebeurtenissen: [] });
        expect(sut.uitersteBeslisdatum).toBe(isoOf(dayOf(timeline.ontvangen) + 7 * weeks));
      }),
      RUNS,
    );
  });

  it('never gives an earlier date for a timeline with suspensions than for the same term without them', () => {
    fc.assert(
      fc.property(timelineArbitrary, (timeline) => {
        const bare = computeDeadlines({ ...timeline, gebeurtenissen: [] });
        expect(notEarlier(computeDeadlines(timeline).uitersteBeslisdatum, bare.uitersteBeslisdatum)).toBe(true);
      }),
      RUNS,
    );
  });

  it('never gives an earlier date when the last aanvulling or the LBB advice comes later', () => {
    fc.assert(
      fc.property(timelineArbitrary, fc.integer({ min: 1, max: 90 }), (timeline, delay) => {
        const sut = computeDeadlines(timeline);
        const events = timeline.gebeurtenissen;
        // Only the last aanvulling can end later without running into the next one.
        const lastReceived = events.findLastIndex((event) => event.soort === 'aanvulling-ontvangen');
        const lastAanvulling = lastReceived > events.findLastIndex((event) => event.soort === 'aanvulling-gevraagd') ? lastReceived : -1;
        const advice = events.findIndex((event) => event.soort === 'lbb-advies-ontvangen');
        for (const index of [lastAanvulling, advice]) {
          const event = events[index];
          if (event === undefined) continue;
          const later = computeDeadlines(replaceEvent(timeline, index, { ...event, datum: isoOf(dayOf(event.datum) + delay) }));
          expect(notEarlier(later.uitersteBeslisdatum, sut.uitersteBeslisdatum)).toBe(true);
          expect(notEarlier(later.lbbAdviesUiterlijk, sut.lbbAdviesUiterlijk)).toBe(true);
        }
      }),
      RUNS,
    );
  });

  it('never gives an earlier date when the LBB term is extended', () => {
    fc.assert(
      fc.property(timelineArbitrary, (timeline) => {
        const events = timeline.gebeurtenissen;
        const request = events.find((event) => event.soort === 'lbb-gevraagd');
        if (request === undefined || events.some((event) => event.soort === 'lbb-verlengd')) return;
        // Announced the day the advice was asked: always in time, never after the advice.
        const extended = { ...timeline, gebeurtenissen: [...events, { soort: 'lbb-verlengd' as const, datum: request.datum }] };
        const sut = computeDeadlines(timeline);
        const longer = computeDeadlines(extended);
        expect(notEarlier(longer.uitersteBeslisdatum, sut.uitersteBeslisdatum)).toBe(true);
        expect(notEarlier(longer.lbbAdviesUiterlijk, sut.lbbAdviesUiterlijk)).toBe(true);
      }),
      RUNS,
    );
  });

  it('marks a date provisional exactly when a suspension is still open', () => {
    fc.assert(
      fc.property(timelineArbitrary, (timeline) => {
        const count = (soort: string): number => timeline.gebeurtenissen.filter((event) => event.soort === soort).length;
        const aanvullingOpen = count('aanvulling-gevraagd') > count('aanvulling-ontvangen');
        const lbbOpen = count('lbb-gevraagd') > count('lbb-advies-ontvangen');
        const sut = computeDeadlines(timeline);
        expect(sut.voorlopig.includes('uitersteBeslisdatum')).toBe(aanvullingOpen || lbbOpen);
        expect(sut.voorlopig.includes('lbbAdviesUiterlijk')).toBe(lbbOpen);
        if (aanvullingOpen) expect(sut.uitersteBeslisdatum).toBeNull();
      }),
      RUNS,
    );
  });
});
