import fc from 'fast-check';
import type { Timeline, TimelineEvent, TimelineEventKind } from '../src/index.js';

const MS_PER_DAY = 86_400_000;
export const isoOf = (day: number): string => new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
export const dayOf = (iso: string): number => Date.parse(`${iso}T00:00:00Z`) / MS_PER_DAY;

const stretch = fc.record({ gap: fc.nat({ max: 30 }), length: fc.nat({ max: 60 }) });

/** Valid timelines from 2000 to 2099: sequential aanvullingen and an optional LBB request, some still open. */
export const timelineArbitrary: fc.Arbitrary<Timeline> = fc
  .record({
    received: fc.integer({ min: dayOf('2000-01-01'), max: dayOf('2099-12-31') }),
    weeks: fc.integer({ min: 1, max: 20 }),
    aanvullingen: fc.array(stretch, { maxLength: 3 }),
    lastAanvullingOpen: fc.boolean(),
    lbb: fc.option(
      fc.record({
        start: fc.nat({ max: 60 }),
        extension: fc.option(fc.nat({ max: 56 }), { nil: undefined }),
        waits: fc.array(fc.record({ gap: fc.nat({ max: 20 }), length: fc.nat({ max: 20 }) }), { maxLength: 2 }),
        lastWaitOpen: fc.boolean(),
        advice: fc.option(fc.nat({ max: 100 }), { nil: undefined }),
      }),
      { nil: undefined },
    ),
  })
  .map(({ received, weeks, aanvullingen, lastAanvullingOpen, lbb }) => {
    const events: TimelineEvent[] = [];
    const push = (soort: TimelineEventKind, day: number): void => {
      events.push({ soort, datum: isoOf(day) });
    };
    let cursor = received;
    aanvullingen.forEach(({ gap, length }, index) => {
      cursor += gap;
      push('aanvulling-gevraagd', cursor);
      cursor += length;
      if (!(lastAanvullingOpen && index === aanvullingen.length - 1)) push('aanvulling-ontvangen', cursor);
    });
    if (lbb !== undefined) {
      const request = received + lbb.start;
      push('lbb-gevraagd', request);
      // Within the first 8 weeks however long the LBB waits for information: always in time.
      if (lbb.extension !== undefined) push('lbb-verlengd', request + lbb.extension);
      let waitCursor = request;
      const waitOpen = lbb.lastWaitOpen && lbb.waits.length > 0;
      lbb.waits.forEach(({ gap, length }, index) => {
        waitCursor += gap;
        push('lbb-informatie-gevraagd', waitCursor);
        waitCursor += length;
        if (!(waitOpen && index === lbb.waits.length - 1)) push('lbb-informatie-ontvangen', waitCursor);
      });
      if (lbb.advice !== undefined && !waitOpen) {
        push('lbb-advies-ontvangen', Math.max(request + lbb.advice, waitCursor, request + (lbb.extension ?? 0)));
      }
    }
    return { ontvangen: isoOf(received), beslistermijnWeken: weeks, gebeurtenissen: events };
  });
