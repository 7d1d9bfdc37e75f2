import { describe, expect, it } from 'vitest';
import { computeDeadlines, parseTimeline, TimelineError, type TimelineEvent, type TimelineEventKind } from '../src/index.js';

const at = (soort: TimelineEventKind, datum: string): TimelineEvent => ({ soort, datum });
const timeline = (...gebeurtenissen: TimelineEvent[]) => ({ ontvangen: '2027-01-04', beslistermijnWeken: 8, gebeurtenissen });

describe(computeDeadlines.name, () => {
  const bad: readonly [string, ReturnType<typeof timeline>, RegExp][] = [
    [
      'an aanvulling that ends before it starts',
      timeline(at('aanvulling-gevraagd', '2027-01-13'), at('aanvulling-ontvangen', '2027-01-06')),
      /gebeurtenissen\[1\] \(aanvulling-ontvangen op 2027-01-06\) ligt vóór gebeurtenissen\[0\] \(aanvulling-gevraagd op 2027-01-13\) \(een einde vóór zijn begin\)/,
    ],
    ['an aanvulling received that was never asked', timeline(at('aanvulling-ontvangen', '2027-01-06')), /aanvulling-ontvangen op 2027-01-06\) heeft geen aanvulling-gevraagd ervoor/],
    ['LBB advice before the request', timeline(at('lbb-advies-ontvangen', '2027-01-10'), at('lbb-gevraagd', '2027-01-18')), /lbb-advies-ontvangen op 2027-01-10\) ligt vóór .*lbb-gevraagd op 2027-01-18\) \(een einde vóór zijn begin\)/],
    ['an information answer before the question', timeline(at('lbb-gevraagd', '2027-01-18'), at('lbb-informatie-ontvangen', '2027-01-20'), at('lbb-informatie-gevraagd', '2027-01-25')), /lbb-informatie-ontvangen op 2027-01-20\) ligt vóór .*lbb-informatie-gevraagd op 2027-01-25\)/],
    ['an event before the application was received', timeline(at('aanvulling-gevraagd', '2027-01-01')), /gebeurtenissen\[0\] \(aanvulling-gevraagd op 2027-01-01\) ligt vóór de ontvangst op 2027-01-04/],
    [
      'overlapping aanvullingen',
      timeline(at('aanvulling-gevraagd', '2027-01-06'), at('aanvulling-gevraagd', '2027-01-08'), at('aanvulling-ontvangen', '2027-01-13')),
      /gebeurtenissen\[1\] \(aanvulling-gevraagd op 2027-01-08\) overlapt met gebeurtenissen\[0\] .*overlappende opschortingen van dezelfde soort/,
    ],
    [
      'overlapping information waits',
      timeline(at('lbb-gevraagd', '2027-01-18'), at('lbb-informatie-gevraagd', '2027-01-20'), at('lbb-informatie-gevraagd', '2027-01-22')),
      /overlappende opschortingen van dezelfde soort/,
    ],
    ['a second LBB request', timeline(at('lbb-gevraagd', '2027-01-18'), at('lbb-gevraagd', '2027-01-20')), /gebeurtenissen\[1\] \(lbb-gevraagd op 2027-01-20\): een LBB-adviesaanvraag kan maar één keer voorkomen/],
    ['an extension without an LBB request', timeline(at('lbb-verlengd', '2027-03-01')), /gebeurtenissen\[0\] \(lbb-verlengd op 2027-03-01\): er is geen LBB-advies gevraagd/],
    ['advice without an LBB request', timeline(at('lbb-advies-ontvangen', '2027-03-01')), /gebeurtenissen\[0\] \(lbb-advies-ontvangen op 2027-03-01\): er is geen LBB-advies gevraagd/],
    ['an information wait without an LBB request', timeline(at('lbb-informatie-gevraagd', '2027-03-01')), /er is geen LBB-advies gevraagd/],
    ['two extensions', timeline(at('lbb-gevraagd', '2027-01-18'), at('lbb-verlengd', '2027-02-01'), at('lbb-verlengd', '2027-02-08')), /de verlenging van de LBB-termijn kan maar één keer voorkomen/],
    // 2027-01-18 + 56 = 2027-03-15 (Mon): the last day to announce the extension.
    ['an extension after the first 8 weeks', timeline(at('lbb-gevraagd', '2027-01-18'), at('lbb-verlengd', '2027-03-16')), /lbb-verlengd op 2027-03-16 is te laat: .*eerste 8 weken .*uiterlijk 2027-03-15/],
    ['an extension after the advice', timeline(at('lbb-gevraagd', '2027-01-18'), at('lbb-advies-ontvangen', '2027-02-15'), at('lbb-verlengd', '2027-02-20')), /lbb-verlengd op 2027-02-20\) ligt na .*lbb-advies-ontvangen/],
    ['advice while the LBB still waits for information', timeline(at('lbb-gevraagd', '2027-01-18'), at('lbb-informatie-gevraagd', '2027-01-25'), at('lbb-advies-ontvangen', '2027-02-15')), /het LBB wacht dan nog op informatie/],
    ['an impossible event date', timeline(at('aanvulling-gevraagd', '2027-02-29')), /gebeurtenissen\[0\]\.datum: "2027-02-29" is geen bestaande datum/],
    ['an unknown soort passed past the types', timeline({ soort: 'lbb-vergeten' as TimelineEventKind, datum: '2027-01-18' }), /gebeurtenissen\[0\]\.soort: "lbb-vergeten" is onbekend/],
    ['an impossible receipt date', { ...timeline(), ontvangen: '2027-04-31' }, /ontvangen: "2027-04-31" is geen bestaande datum/],
  ];
  for (const [what, input, message] of bad) {
    it(`rejects ${what} with a Dutch TimelineError naming it`, () => {
      expect(() => computeDeadlines(input)).toThrow(TimelineError);
      expect(() => computeDeadlines(input)).toThrow(message);
    });
  }

  it('accepts an extension announced on the last day of the first 8 weeks', () => {
    // 2027-01-18 + 56 = 2027-03-15; + 84 = 2027-04-12 (Mon).
    const sut = computeDeadlines(timeline(at('lbb-gevraagd', '2027-01-18'), at('lbb-verlengd', '2027-03-15')));
    expect(sut.lbbAdviesUiterlijk).toBe('2027-04-12');
  });

  it('rejects a configured art. 3(3) day that does not exist', () => {
    expect(() => computeDeadlines(timeline(), { extraNonWorkingDays: ['2027-13-01'] })).toThrow(/extraNonWorkingDays\[0\]: "2027-13-01" is geen bestaande datum/);
  });
});

describe(parseTimeline.name, () => {
  const valid = { ontvangen: '2027-01-04', beslistermijnWeken: 8, gebeurtenissen: [{ soort: 'lbb-gevraagd', datum: '2027-01-18' }] };

  it('returns a well-formed timeline unchanged', () => {
    expect(parseTimeline(valid)).toEqual(valid);
  });

  const bad: readonly [string, unknown, string][] = [
    ['an unknown soort', { ...valid, gebeurtenissen: [{ soort: 'lbb-vergeten', datum: '2027-01-18' }] }, 'gebeurtenissen[0].soort: is onbekend; toegestaan: aanvulling-gevraagd'],
    ['an impossible date', { ...valid, gebeurtenissen: [{ soort: 'lbb-gevraagd', datum: '2027-02-30' }] }, 'gebeurtenissen[0].datum: "2027-02-30" is een datum die niet bestaat'],
    ['a date in another form', { ...valid, ontvangen: '04-01-2027' }, 'ontvangen: "04-01-2027" heeft niet de vorm JJJJ-MM-DD'],
    ['a date with a time', { ...valid, ontvangen: '2027-01-04T00:00:00Z' }, 'ontvangen: "2027-01-04T00:00:00Z" heeft niet de vorm JJJJ-MM-DD'],
    ['a missing receipt date', { beslistermijnWeken: 8, gebeurtenissen: [] }, 'ontvangen: ontbreekt'],
    ['a fractional term', { ...valid, beslistermijnWeken: 7.5 }, 'beslistermijnWeken: moet een geheel aantal weken zijn'],
    ['a zero term', { ...valid, beslistermijnWeken: 0 }, 'beslistermijnWeken: moet ten minste 1 week zijn'],
    ['a term as text', { ...valid, beslistermijnWeken: '8' }, 'beslistermijnWeken: moet een getal zijn (weken)'],
    ['events that are not a list', { ...valid, gebeurtenissen: {} }, 'gebeurtenissen: moet een lijst van gebeurtenissen zijn'],
    ['an unknown field', { ...valid, termijn: 8 }, 'tijdlijn: onbekend veld termijn'],
    ['an unknown event field', { ...valid, gebeurtenissen: [{ soort: 'lbb-gevraagd', datum: '2027-01-18', door: 'x' }] }, 'gebeurtenissen[0]: onbekend veld door'],
    ['something other than an object', [1, 2], 'tijdlijn: moet een object zijn'],
  ];
  for (const [what, input, message] of bad) {
    it(`rejects ${what}, naming the field`, () => {
      expect(() => parseTimeline(input)).toThrow(TimelineError);
      expect(() => parseTimeline(input)).toThrow(message);
    });
  }
});
