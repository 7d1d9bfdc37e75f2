import { describe, expect, it } from 'vitest';
import { computeDeadlines, type DeadlineCalendar, type TimelineEvent, type TimelineEventKind } from '../src/index.js';

const at = (soort: TimelineEventKind, datum: string): TimelineEvent => ({ soort, datum });

interface WorkedExample {
  readonly name: string;
  readonly ontvangen: string;
  readonly weken: number;
  readonly gebeurtenissen?: readonly TimelineEvent[];
  readonly calendar?: DeadlineCalendar;
  readonly uitersteBeslisdatum: string | null;
  readonly lbbAdviesUiterlijk?: string | null;
  readonly voorlopig?: readonly string[];
  /** Fragments the explanation must contain. */
  readonly toelichting?: readonly string[];
}

// Each row was computed by hand; the comment above it is that computation. "D + 7N" is the nominal end
// of an N-week term received on day D; suspended days are end event date minus start event date.
const examples: readonly WorkedExample[] = [
  // 2026-01-05 (Mon) + 56 days = 2026-03-02, a Monday and no holiday: no shift.
  { name: 'a plain 8-week term ending on a working day', ontvangen: '2026-01-05', weken: 8, uitersteBeslisdatum: '2026-03-02', toelichting: ['Uiterste beslisdatum maandag 2 maart 2026: 8 weken na ontvangst op 5 januari 2026.'] },
  // 2026-01-10 (Sat) + 42 = 2026-02-21, a Saturday → Sunday 22 → Monday 2026-02-23.
  { name: 'a Saturday end moving to Monday', ontvangen: '2026-01-10', weken: 6, uitersteBeslisdatum: '2026-02-23', toelichting: ['verschoven van zaterdag 21 februari 2026 naar maandag 23 februari 2026 (Algemene termijnenwet)'] },
  // Nieuwjaarsdag: 2026-11-06 (Fri) + 56 = 2027-01-01 (Fri, Nieuwjaarsdag) → Sat 2, Sun 3 → Monday 2027-01-04.
  { name: 'Nieuwjaarsdag', ontvangen: '2026-11-06', weken: 8, uitersteBeslisdatum: '2027-01-04', toelichting: ['verschoven van vrijdag 1 januari 2027 (Nieuwjaarsdag) naar maandag 4 januari 2027'] },
  // Good Friday 2027: Easter is 28 March, so Good Friday is 26 March. 2027-01-29 (Fri) + 56 = 2027-03-26
  // → Sat 27, Sun 28 (Easter), Mon 29 (Tweede Paasdag) → Tuesday 2027-03-30.
  { name: 'Good Friday with the Easter weekend and Tweede Paasdag behind it', ontvangen: '2027-01-29', weken: 8, uitersteBeslisdatum: '2027-03-30', toelichting: ['(Goede Vrijdag) naar dinsdag 30 maart 2027'] },
  // Tweede Paasdag 2028: Easter 16 April, so Monday 17 April. 2028-02-21 (Mon) + 56 = 2028-04-17 → Tuesday 18.
  { name: 'Tweede Paasdag', ontvangen: '2028-02-21', weken: 8, uitersteBeslisdatum: '2028-04-18', toelichting: ['(Tweede Paasdag)'] },
  // Koningsdag 2026: 27 April is a Monday, so it is Koningsdag. 2026-03-02 + 56 = 2026-04-27 → Tuesday 28.
  { name: 'Koningsdag on 27 April', ontvangen: '2026-03-02', weken: 8, uitersteBeslisdatum: '2026-04-28', toelichting: ['van maandag 27 april 2026 (Koningsdag)'] },
  // Koningsdag 2025: 27 April is a Sunday, so Koningsdag is Saturday 26 April. 2025-03-01 (Sat) + 56 =
  // 2025-04-26 → named Koningsdag (not just "zaterdag") → Sun 27 → Monday 2025-04-28.
  { name: "King's Day on the 26th when the 27th is a Sunday (2025)", ontvangen: '2025-03-01', weken: 8, uitersteBeslisdatum: '2025-04-28', toelichting: ['van zaterdag 26 april 2025 (Koningsdag) naar maandag 28 april 2025'] },
  // 5 May is a holiday every year for the Atw, not only in lustrum years: 2026 is not one.
  // 2026-03-10 (Tue) + 56 = 2026-05-05 (Tue) → Wednesday 2026-05-06.
  { name: '5 May in a non-lustrum year', ontvangen: '2026-03-10', weken: 8, uitersteBeslisdatum: '2026-05-06', toelichting: ['(5 mei)'] },
  // Hemelvaartsdag 2026: Easter 5 April + 39 = Thursday 14 May. 2026-03-19 (Thu) + 56 = 2026-05-14 → Friday 15.
  { name: 'Hemelvaartsdag', ontvangen: '2026-03-19', weken: 8, uitersteBeslisdatum: '2026-05-15', toelichting: ['(Hemelvaartsdag)'] },
  // Tweede Pinksterdag 2026: Easter 5 April + 50 = Monday 25 May. 2026-03-30 (Mon) + 56 = 2026-05-25 → Tuesday 26.
  { name: 'Tweede Pinksterdag', ontvangen: '2026-03-30', weken: 8, uitersteBeslisdatum: '2026-05-26', toelichting: ['(Tweede Pinksterdag)'] },
  // Christmas 2026 on Friday/Saturday: 2026-10-30 (Fri) + 56 = 2026-12-25 (Fri) → Sat 26 (Tweede Kerstdag)
  // → Sun 27 → Monday 2026-12-28.
  { name: 'Eerste Kerstdag on a Friday', ontvangen: '2026-10-30', weken: 8, uitersteBeslisdatum: '2026-12-28', toelichting: ['(Eerste Kerstdag) naar maandag 28 december 2026'] },
  // Christmas 2027 on Saturday/Sunday: 2027-10-30 (Sat) + 56 = 2027-12-25 (Sat) → Sun 26 → Monday 2027-12-27:
  // the law has no substitute day for a holiday on a weekend.
  { name: 'Christmas on a weekend (2027)', ontvangen: '2027-10-30', weken: 8, uitersteBeslisdatum: '2027-12-27' },
  // Christmas 2022 on Sunday/Monday: 2022-10-30 (Sun) + 56 = 2022-12-25 (Sun) → Mon 26 (Tweede Kerstdag) → Tuesday 27.
  { name: 'Christmas on a Sunday (2022)', ontvangen: '2022-10-30', weken: 8, uitersteBeslisdatum: '2022-12-27' },
  // A day the government added (art. 3(3)) from configuration: 2026-01-06 (Tue) + 56 = 2026-03-03 → Wednesday 4.
  {
    name: 'a configured art. 3(3) day',
    ontvangen: '2026-01-06',
    weken: 8,
    calendar: { extraNonWorkingDays: ['2026-03-03'] },
    uitersteBeslisdatum: '2026-03-04',
    toelichting: ['(door de regering aangewezen dag)'],
  },
  // A suspension crossing a year end: 2026-11-02 (Mon) + 42 = 2026-12-14; aanvulling 2026-12-01 → 2027-01-05
  // = 30 days in December + 5 = 35 days; 2026-12-14 + 35 = 2027-01-18, a Monday.
  {
    name: 'an aanvulling crossing the year end',
    ontvangen: '2026-11-02',
    weken: 6,
    gebeurtenissen: [at('aanvulling-gevraagd', '2026-12-01'), at('aanvulling-ontvangen', '2027-01-05')],
    uitersteBeslisdatum: '2027-01-18',
    toelichting: ['opgeschort van 1 december 2026 tot 5 januari 2027 (aanvulling, 35 dagen)'],
  },
  // Overlapping suspensions: 2026-01-05 + 56 = 2026-03-02. Aanvulling 01-12 → 01-26 (14 days); LBB 01-19 →
  // advice 02-16 (28 days); 01-19..01-25 (7 days) are in both, counted once: 14 + 28 − 7 = 35.
  // 2026-03-02 + 35 = 2026-04-06 = Tweede Paasdag (Easter 5 April 2026) → Tuesday 2026-04-07.
  // LBB: 2026-01-19 + 56 = 2026-03-16 (Mon).
  {
    name: 'an aanvulling and an LBB request overlapping',
    ontvangen: '2026-01-05',
    weken: 8,
    gebeurtenissen: [
      at('aanvulling-gevraagd', '2026-01-12'),
      at('lbb-gevraagd', '2026-01-19'),
      at('aanvulling-ontvangen', '2026-01-26'),
      at('lbb-advies-ontvangen', '2026-02-16'),
    ],
    uitersteBeslisdatum: '2026-04-07',
    lbbAdviesUiterlijk: '2026-03-16',
    toelichting: ['(aanvulling, 14 dagen)', '(LBB-advies, 28 dagen, waarvan 7 dagen al opgeschort en maar één keer geteld)', '(Tweede Paasdag)'],
  },
  // Two aanvullingen one after the other, ending and starting on the same day: 2026-01-05 + 56 = 03-02;
  // 01-07 → 01-14 (7) and 01-14 → 01-21 (7) share no day: 14; 2026-03-02 + 14 = 2026-03-16 (Mon).
  {
    name: 'two aanvullingen back to back',
    ontvangen: '2026-01-05',
    weken: 8,
    gebeurtenissen: [
      at('aanvulling-gevraagd', '2026-01-07'),
      at('aanvulling-ontvangen', '2026-01-14'),
      at('aanvulling-gevraagd', '2026-01-14'),
      at('aanvulling-ontvangen', '2026-01-21'),
    ],
    uitersteBeslisdatum: '2026-03-16',
  },
  // An open aanvulling: the decision term stands still until it is in, so there is no decision date.
  {
    name: 'an open aanvulling',
    ontvangen: '2026-01-05',
    weken: 8,
    gebeurtenissen: [at('aanvulling-gevraagd', '2026-01-12')],
    uitersteBeslisdatum: null,
    voorlopig: ['uitersteBeslisdatum'],
    toelichting: ['Uiterste beslisdatum nog open: de aanvulling gevraagd op 12 januari 2026 is nog niet ontvangen'],
  },
  // An open LBB request counts to its cap: LBB 2026-01-12 + 56 = 2026-03-09 (Mon), suspension 56 days;
  // 2026-01-05 + 56 = 03-02, + 56 = 2026-04-27 (Koningsdag, Mon) → Tuesday 2026-04-28. Both dates provisional.
  {
    name: 'an open LBB request counted to its 8-week cap',
    ontvangen: '2026-01-05',
    weken: 8,
    gebeurtenissen: [at('lbb-gevraagd', '2026-01-12')],
    uitersteBeslisdatum: '2026-04-28',
    lbbAdviesUiterlijk: '2026-03-09',
    voorlopig: ['uitersteBeslisdatum', 'lbbAdviesUiterlijk'],
    toelichting: ['(LBB-advies, nog niet ontvangen, gerekend tot de uiterste adviesdatum, 56 dagen)', 'Uiterste beslisdatum voorlopig', 'kan nog één keer met 4 weken worden verlengd'],
  },
  // The LBB rolled too: LBB 2027-01-29 (Fri) + 56 = 2027-03-26 (Good Friday) → Tuesday 2027-03-30; open, so
  // the suspension runs 01-29 → 03-30 = 60 days. 2027-01-25 + 42 = 2027-03-08, + 60 = 2027-05-07 (Fri).
  {
    name: 'an open LBB request whose 8 weeks end on Good Friday',
    ontvangen: '2027-01-25',
    weken: 6,
    gebeurtenissen: [at('lbb-gevraagd', '2027-01-29')],
    uitersteBeslisdatum: '2027-05-07',
    lbbAdviesUiterlijk: '2027-03-30',
    voorlopig: ['uitersteBeslisdatum', 'lbbAdviesUiterlijk'],
    toelichting: ['LBB-advies uiterlijk dinsdag 30 maart 2027: 8 weken na de adviesaanvraag op 29 januari 2027, verschoven van vrijdag 26 maart 2027 (Goede Vrijdag)'],
  },
  // The 8-week cap: 2028-01-03 + 56 = 2028-02-28. LBB 2028-01-10 + 56 = 2028-03-06 (Mon); the advice comes
  // late on 03-20, so the suspension counts only to 03-06: 56 days. 2028-02-28 + 56 = 2028-04-24 (Mon).
  {
    name: 'late LBB advice capped at 8 weeks',
    ontvangen: '2028-01-03',
    weken: 8,
    gebeurtenissen: [at('lbb-gevraagd', '2028-01-10'), at('lbb-advies-ontvangen', '2028-03-20')],
    uitersteBeslisdatum: '2028-04-24',
    lbbAdviesUiterlijk: '2028-03-06',
    toelichting: ['(LBB-advies, ontvangen op 20 maart 2028, na de uiterste adviesdatum, dus tot die datum gerekend, 56 dagen)'],
  },
  // The 12-week cap: extension on 02-28, inside the first 8 weeks (to 03-06). LBB 2028-01-10 + 84 = 2028-04-03
  // (Mon); advice late on 04-10, counted to 04-03: 84 days. 2028-02-28 + 84 = 2028-05-22 (Mon).
  {
    name: 'late LBB advice capped at 12 weeks after the extension',
    ontvangen: '2028-01-03',
    weken: 8,
    gebeurtenissen: [at('lbb-gevraagd', '2028-01-10'), at('lbb-verlengd', '2028-02-28'), at('lbb-advies-ontvangen', '2028-04-10')],
    uitersteBeslisdatum: '2028-05-22',
    lbbAdviesUiterlijk: '2028-04-03',
    toelichting: ['12 weken na de adviesaanvraag op 10 januari 2028 (verlengd op 28 februari 2028)', '84 dagen'],
  },
  // The extension on the last day of the first 8 weeks is in time: 2028-01-10 + 56 = 2028-03-06 (Mon).
  // No advice yet: LBB due 2028-04-03, suspension 84 days, decision 2028-05-22 as above, both provisional.
  {
    name: 'an extension announced on the last day of the first 8 weeks',
    ontvangen: '2028-01-03',
    weken: 8,
    gebeurtenissen: [at('lbb-gevraagd', '2028-01-10'), at('lbb-verlengd', '2028-03-06')],
    uitersteBeslisdatum: '2028-05-22',
    lbbAdviesUiterlijk: '2028-04-03',
    voorlopig: ['uitersteBeslisdatum', 'lbbAdviesUiterlijk'],
  },
  // The information wait grows the LBB term and the cap: LBB 2028-01-10, waiting 02-01 → 02-15 (14 days):
  // due 01-10 + 56 + 14 = 2028-03-20 (Mon). Advice 03-17 is within it: suspension 01-10 → 03-17 = 67 days
  // (more than 56, allowed because the cap grew to 70). 2028-02-28 + 67 = 2028-05-05 (5 May, Fri) → Mon 2028-05-08.
  {
    name: 'an information wait extending the LBB term and its cap',
    ontvangen: '2028-01-03',
    weken: 8,
    gebeurtenissen: [
      at('lbb-gevraagd', '2028-01-10'),
      at('lbb-informatie-gevraagd', '2028-02-01'),
      at('lbb-informatie-ontvangen', '2028-02-15'),
      at('lbb-advies-ontvangen', '2028-03-17'),
    ],
    uitersteBeslisdatum: '2028-05-08',
    lbbAdviesUiterlijk: '2028-03-20',
    toelichting: ['plus 14 dagen waarin het LBB op gevraagde informatie wachtte (van 1 februari 2028 tot 15 februari 2028)', '(LBB-advies, 67 dagen)', '(5 mei)'],
  },
  // The information wait also moves the deadline for announcing the extension: the first 8 weeks plus 14
  // waiting days end on 2028-03-20, so an extension on 03-13 is in time. Due 01-10 + 84 + 14 = 2028-04-17
  // (Tweede Paasdag) → Tue 2028-04-18. Advice 04-11: 01-10 → 04-11 = 92 days ≤ cap (99).
  // 2028-02-28 + 92 = 2028-05-30 (Tue; Hemelvaart was 25 May).
  {
    name: 'an information wait before a later extension',
    ontvangen: '2028-01-03',
    weken: 8,
    gebeurtenissen: [
      at('lbb-gevraagd', '2028-01-10'),
      at('lbb-informatie-gevraagd', '2028-02-01'),
      at('lbb-informatie-ontvangen', '2028-02-15'),
      at('lbb-verlengd', '2028-03-13'),
      at('lbb-advies-ontvangen', '2028-04-11'),
    ],
    uitersteBeslisdatum: '2028-05-30',
    lbbAdviesUiterlijk: '2028-04-18',
  },
  // An open information wait: the LBB term and with it the decision date are open.
  {
    name: 'an open information wait',
    ontvangen: '2028-01-03',
    weken: 8,
    gebeurtenissen: [at('lbb-gevraagd', '2028-01-10'), at('lbb-informatie-gevraagd', '2028-02-01')],
    uitersteBeslisdatum: null,
    lbbAdviesUiterlijk: null,
    voorlopig: ['uitersteBeslisdatum', 'lbbAdviesUiterlijk'],
    toelichting: ['LBB-advies uiterlijk nog open: het LBB wacht sinds 1 februari 2028 op gevraagde informatie'],
  },
  // Exactly twelve weeks is still covered: 2026-01-10 (Sat) + 84 = 2026-04-04 (Sat) → Sun 5 (Easter) →
  // Mon 6 (Tweede Paasdag) → Tuesday 2026-04-07.
  { name: 'a twelve-week term, still under the Atw', ontvangen: '2026-01-10', weken: 12, uitersteBeslisdatum: '2026-04-07' },
  // More than twelve weeks: the Atw does not apply (art. 4). 2026-01-03 (Sat) + 91 = 2026-04-04 (Sat): stays.
  {
    name: 'a thirteen-week term, outside the Atw',
    ontvangen: '2026-01-03',
    weken: 13,
    uitersteBeslisdatum: '2026-04-04',
    toelichting: ['de Algemene termijnenwet geldt niet voor een termijn van meer dan twaalf weken'],
  },
  // A term over twelve weeks with an LBB request: the decision date is not rolled, the 8-week LBB term is.
  // LBB 2026-02-07 (Sat) + 56 = 2026-04-04 (Sat) → Tue 2026-04-07 (Easter Monday on the 6th); advice 03-07:
  // 28 days. 2026-01-03 + 91 = 04-04, + 28 = 2026-05-02 (Sat): stays.
  {
    name: 'a term over twelve weeks with the LBB term still rolled',
    ontvangen: '2026-01-03',
    weken: 13,
    gebeurtenissen: [at('lbb-gevraagd', '2026-02-07'), at('lbb-advies-ontvangen', '2026-03-07')],
    uitersteBeslisdatum: '2026-05-02',
    lbbAdviesUiterlijk: '2026-04-07',
  },
  // The example: 2027-01-04 + 56 = 03-01; aanvulling 01-06 → 01-13 (7); LBB 01-18 → 03-22 (63), within
  // the 12 weeks after the extension of 03-01 (due 01-18 + 84 = 2027-04-12, Mon). 03-01 + 70 = 2027-05-10 (Mon).
  {
    name: "the issue's example",
    ontvangen: '2027-01-04',
    weken: 8,
    gebeurtenissen: [
      at('aanvulling-gevraagd', '2027-01-06'),
      at('aanvulling-ontvangen', '2027-01-13'),
      at('lbb-gevraagd', '2027-01-18'),
      at('lbb-verlengd', '2027-03-01'),
      at('lbb-advies-ontvangen', '2027-03-22'),
    ],
    uitersteBeslisdatum: '2027-05-10',
    lbbAdviesUiterlijk: '2027-04-12',
    toelichting: [
      'Uiterste beslisdatum maandag 10 mei 2027: 8 weken na ontvangst op 4 januari 2027, opgeschort van 6 januari 2027 tot 13 januari 2027 (aanvulling, 7 dagen), opgeschort van 18 januari 2027 tot 22 maart 2027 (LBB-advies, 63 dagen).',
      'LBB-advies uiterlijk maandag 12 april 2027: 12 weken na de adviesaanvraag op 18 januari 2027 (verlengd op 1 maart 2027), advies ontvangen op 22 maart 2027.',
    ],
  },
];

describe(computeDeadlines.name, () => {
  for (const example of examples) {
    it(`computes ${example.name}`, () => {
      const sut = computeDeadlines(
        { ontvangen: example.ontvangen, beslistermijnWeken: example.weken, gebeurtenissen: example.gebeurtenissen ?? [] },
        example.calendar,
      );
      expect(sut.uitersteBeslisdatum).toBe(example.uitersteBeslisdatum);
      expect(sut.lbbAdviesUiterlijk).toBe(example.lbbAdviesUiterlijk ?? null);
      expect(sut.voorlopig).toEqual(example.voorlopig ?? []);
      const text = sut.toelichting.join('\n');
      for (const fragment of example.toelichting ?? []) expect(text).toContain(fragment);
    });
  }
});
