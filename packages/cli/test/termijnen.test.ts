import { describe, expect, it } from 'vitest';
import { runCli } from '../src/index.js';
import { memoryIo } from './memory-io.js';
import { runHub } from './run-hub.js';

// Process start-up on a shared 2-core machine takes seconds.
const PROCESS_TIMEOUT_MS = 120_000;

/** The example timeline of issue #10 (and of the README). */
const documented = JSON.stringify({
  ontvangen: '2027-01-04',
  beslistermijnWeken: 8,
  gebeurtenissen: [
    { soort: 'aanvulling-gevraagd', datum: '2027-01-06' },
    { soort: 'aanvulling-ontvangen', datum: '2027-01-13' },
    { soort: 'lbb-gevraagd', datum: '2027-01-18' },
    { soort: 'lbb-verlengd', datum: '2027-03-01' },
    { soort: 'lbb-advies-ontvangen', datum: '2027-03-22' },
  ],
});

const timeline = (...gebeurtenissen: { soort: string; datum: string }[]): string =>
  JSON.stringify({ ontvangen: '2027-01-04', beslistermijnWeken: 8, gebeurtenissen });

describe('hub termijnen', () => {
  it('prints the outcome in the documented shape', async () => {
    const io = memoryIo(documented);
    expect(await runCli(['termijnen'], io)).toBe(0);
    expect(io.err()).toBe('');
    const sut = JSON.parse(io.out()) as Record<string, unknown>;
    expect(Object.keys(sut)).toEqual(['uitersteBeslisdatum', 'lbbAdviesUiterlijk', 'voorlopig', 'toelichting']);
    // 2027-01-04 + 56 = 03-01, + 7 (aanvulling) + 63 (LBB) = 2027-05-10; LBB 01-18 + 84 = 2027-04-12.
    expect(sut).toEqual({
      uitersteBeslisdatum: '2027-05-10',
      lbbAdviesUiterlijk: '2027-04-12',
      voorlopig: [],
      toelichting: [
        'Uiterste beslisdatum maandag 10 mei 2027: 8 weken na ontvangst op 4 januari 2027, opgeschort van 6 januari 2027 tot 13 januari 2027 (aanvulling, 7 dagen), opgeschort van 18 januari 2027 tot 22 maart 2027 (LBB-advies, 63 dagen).',
        'LBB-advies uiterlijk maandag 12 april 2027: 12 weken na de adviesaanvraag op 18 januari 2027 (verlengd op 1 maart 2027), advies ontvangen op 22 maart 2027.',
      ],
    });
  });

  it('prints null and names the provisional dates while a suspension is open', async () => {
    const io = memoryIo(timeline({ soort: 'aanvulling-gevraagd', datum: '2027-01-06' }, { soort: 'lbb-gevraagd', datum: '2027-01-18' }));
    expect(await runCli(['termijnen'], io)).toBe(0);
    const sut = JSON.parse(io.out()) as { uitersteBeslisdatum: unknown; lbbAdviesUiterlijk: unknown; voorlopig: unknown };
    // LBB 2027-01-18 + 56 = 2027-03-15 (Mon); the open aanvulling leaves the decision date open.
    expect(sut.uitersteBeslisdatum).toBeNull();
    expect(sut.lbbAdviesUiterlijk).toBe('2027-03-15');
    expect(sut.voorlopig).toEqual(['uitersteBeslisdatum', 'lbbAdviesUiterlijk']);
  });

  it('rolls past the art. 3(3) days given with --extra-vrije-dagen', async () => {
    // 2027-01-04 + 56 = Monday 2027-03-01; configured as a holiday → Tuesday 2027-03-02.
    const without = memoryIo(timeline());
    const withDay = memoryIo(timeline());
    expect(await runCli(['termijnen'], without)).toBe(0);
    expect(await runCli(['termijnen', '--extra-vrije-dagen', '2027-03-01, 2027-12-31'], withDay)).toBe(0);
    expect((JSON.parse(without.out()) as { uitersteBeslisdatum: string }).uitersteBeslisdatum).toBe('2027-03-01');
    expect((JSON.parse(withDay.out()) as { uitersteBeslisdatum: string }).uitersteBeslisdatum).toBe('2027-03-02');
  });

  const bad: readonly [string, string, RegExp, string[]][] = [
    ['input that is not JSON', '{"ontvangen": "2027-01-04",', /de invoer is geen geldige JSON/, []],
    [
      'an end before its start',
      timeline({ soort: 'aanvulling-gevraagd', datum: '2027-01-13' }, { soort: 'aanvulling-ontvangen', datum: '2027-01-06' }),
      /aanvulling-ontvangen op 2027-01-06\) ligt vóór .*\(een einde vóór zijn begin\)/,
      [],
    ],
    [
      'overlapping suspensions of one kind',
      timeline({ soort: 'aanvulling-gevraagd', datum: '2027-01-06' }, { soort: 'aanvulling-gevraagd', datum: '2027-01-08' }, { soort: 'aanvulling-ontvangen', datum: '2027-01-13' }),
      /overlappende opschortingen van dezelfde soort/,
      [],
    ],
    ['an extension without an LBB request', timeline({ soort: 'lbb-verlengd', datum: '2027-03-01' }), /lbb-verlengd op 2027-03-01\): er is geen LBB-advies gevraagd/, []],
    ['advice without an LBB request', timeline({ soort: 'lbb-advies-ontvangen', datum: '2027-03-22' }), /lbb-advies-ontvangen op 2027-03-22\): er is geen LBB-advies gevraagd/, []],
    ['an unknown soort', timeline({ soort: 'lbb-afgewezen', datum: '2027-03-22' }), /gebeurtenissen\[0\]\.soort: is onbekend; toegestaan: aanvulling-gevraagd, /, []],
    ['an impossible date', timeline({ soort: 'lbb-gevraagd', datum: '2027-02-29' }), /gebeurtenissen\[0\]\.datum: "2027-02-29" is een datum die niet bestaat/, []],
    ['an impossible configured day', timeline(), /extraNonWorkingDays\[0\]: "2027-02-30" is geen bestaande datum/, ['--extra-vrije-dagen', '2027-02-30']],
  ];
  for (const [what, stdin, message, flags] of bad) {
    it(`rejects ${what} with exit code 2 and a Dutch message naming it`, async () => {
      const io = memoryIo(stdin);
      expect(await runCli(['termijnen', ...flags], io)).toBe(2);
      expect(io.err()).toMatch(/^hub termijnen: /);
      expect(io.err()).toMatch(message);
      expect(io.out()).toBe('');
    });
  }

  it('gives the same output as a process under TZ=UTC and TZ=Europe/Amsterdam, and exit 2 on a bad timeline', async () => {
    const [utc, amsterdam, refused] = await Promise.all([
      runHub(['termijnen'], { stdin: documented, env: { TZ: 'UTC' } }),
      runHub(['termijnen'], { stdin: documented, env: { TZ: 'Europe/Amsterdam' } }),
      runHub(['termijnen'], { stdin: timeline({ soort: 'lbb-verlengd', datum: '2027-03-01' }), env: { TZ: 'Europe/Amsterdam' } }),
    ]);
    expect([utc.code, amsterdam.code]).toEqual([0, 0]);
    expect((JSON.parse(utc.stdout) as { uitersteBeslisdatum: string }).uitersteBeslisdatum).toBe('2027-05-10');
    expect(amsterdam.stdout).toBe(utc.stdout);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/^hub termijnen: .*er is geen LBB-advies gevraagd/);
    expect(refused.stdout).toBe('');
  }, PROCESS_TIMEOUT_MS);
});
