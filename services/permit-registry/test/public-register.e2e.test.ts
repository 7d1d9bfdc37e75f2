import type { PublicRegister } from '@signaalhub/contracts';
import { eventually, type RunningService } from '@signaalhub/test-infra';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { envOf, permitThrough, soestOfficer, startRegistry } from './support/running-registry.js';

/*
 * Issue 11, build 6 and acceptance 4 over the real API, without sign-in: "the register as it stood on day D"
 * over a history of grants, suspensions, reinstatements, revocations, expiries and a refusal at several
 * dates (the shipped publication term: 30 days); entries whose term ended are deleted from the projection,
 * leave a nameless tombstone and are absent for every date asked, also after the application clock moved
 * (PERMIT_REGISTRY_CLOCK_OFFSET_SECONDS); CSV; bad dates and an unknown municipality.
 */

const DAY_MS = 86_400_000;
const day = (offset: number, shiftDays = 0): string => new Date(Date.now() + (offset + shiftDays) * DAY_MS).toISOString().slice(0, 10);
const SHIFT_DAYS = 21;

type Step = Record<string, unknown>;
const grant = (date: number, validUntil = 1000): Step => ({ action: 'verlenen', date: day(date), validFrom: day(date), validUntil: day(validUntil), reason: 'Verleend' });
const suspend = (from: number, until: number): Step => ({ action: 'schorsen', date: day(from), from: day(from), until: day(until), reason: 'Voorschrift overtreden' });
const reinstate = (date: number): Step => ({ action: 'schorsing-opheffen', date: day(date), reason: 'Hersteld' });
const hearing = (date: number): Step[] => [
  { action: 'zienswijze-vragen', date: day(date), reason: 'Voornemen' },
  { action: 'zienswijze-ontvangen', date: day(date), reason: 'Ontvangen' },
];

/** Each permit's history (days from today, in order); the names say what the register should show. */
const HISTORIES: Readonly<Record<string, readonly Step[]>> = {
  Alfa: [grant(-100), suspend(-80, -50), reinstate(-60), { action: 'intrekken', date: day(-10), ground: 'op-verzoek', reason: 'Op verzoek' }],
  // Valid until -45: vervallen from -44, its term ended at -14.
  Bravo: [grant(-90, -45)],
  Charlie: [grant(-70), { action: 'laten-vervallen', date: day(-20), ground: 'uitgeschreven', reason: 'Uitgeschreven' }],
  Delta: [grant(-50), suspend(-30, 30)],
  Echo: [grant(-5)],
  Foxtrot: [...hearing(-40), { action: 'weigeren', date: day(-40), reason: 'Geweigerd' }],
  // Revoked at -35: its term ended at -5.
  Golf: [grant(-95), ...hearing(-36), { action: 'intrekken', date: day(-35), ground: 'bibob', reason: 'Bibob' }],
};

/** What the register shows on each day (offset from today), by the permits' names, before the clock moves. */
const EXPECTED: readonly [number, Record<string, string>][] = [
  [-105, {}],
  [-95, { Alfa: 'verleend' }],
  [-75, { Alfa: 'geschorst' }],
  [-65, { Alfa: 'geschorst', Charlie: 'verleend' }],
  [-55, { Alfa: 'verleend', Charlie: 'verleend' }],
  [-45, { Alfa: 'verleend', Charlie: 'verleend', Delta: 'verleend' }],
  [-25, { Alfa: 'verleend', Charlie: 'verleend', Delta: 'geschorst' }],
  [-15, { Alfa: 'verleend', Charlie: 'vervallen', Delta: 'geschorst' }],
  [-3, { Alfa: 'ingetrokken', Charlie: 'vervallen', Delta: 'geschorst', Echo: 'verleend' }],
  [0, { Alfa: 'ingetrokken', Charlie: 'vervallen', Delta: 'geschorst', Echo: 'verleend' }],
];

describe('the public register', () => {
  let sut: RunningService;
  const officer = soestOfficer();
  const numbers = new Map<string, string>();
  const tradeNames = new Map<string, string>();

  beforeAll(async () => {
    sut = await startRegistry({ PERMIT_REGISTRY_RETENTION_SWEEP_MS: '200' });
    const run = String(Date.now());
    for (const [name, steps] of Object.entries(HISTORIES)) {
      const tradeName = name === 'Echo' ? `Auto's "Echo", ${run}` : `${name} Auto's ${run}`;
      tradeNames.set(name, tradeName);
      numbers.set(name, `PR-${name}-${run}`);
      await permitThrough(sut, officer, { tradeName, receivedOn: day(-110), permitNumber: numbers.get(name) ?? '', steps });
    }
  }, 120_000);

  afterAll(() => sut.stop());

  async function registerOn(date?: string): Promise<PublicRegister> {
    const response = await fetch(`${sut.base}/api/public-register/soest${date === undefined ? '' : `?date=${date}`}`);
    expect(response.status).toBe(200);
    return (await response.json()) as PublicRegister;
  }

  /** The register's entries by permit name, each with its status. */
  function byName(register: PublicRegister): Record<string, string> {
    const names = new Map([...numbers].map(([name, number]) => [number, name]));
    return Object.fromEntries(register.entries.map((entry) => [names.get(entry.permitNumber ?? '') ?? `unknown ${String(entry.permitNumber)}`, entry.status ?? '']));
  }

  it('shows each day as it stood, from the status history, without sign-in', async () => {
    for (const [offset, expected] of EXPECTED) {
      const register = await registerOn(day(offset));
      expect({ offset, seen: byName(register) }).toEqual({ offset, seen: expected });
      expect(register.date).toBe(day(offset));
    }
    const today = await registerOn();
    expect(today.date).toBe(day(0));
    const echo = today.entries.find((entry) => entry.permitNumber === numbers.get('Echo'));
    expect(echo).toEqual({
      tradeName: tradeNames.get('Echo'),
      address: { postcode: '3762AB', huisnummer: 12, toevoeging: 'A' },
      activities: ['handel', 'reparatie'],
      permitNumber: numbers.get('Echo'),
      validFrom: day(-5),
      validUntil: day(1000),
      status: 'verleend',
      publishedOn: day(-5),
    });
    expect(today.fields).toEqual(['tradeName', 'address', 'activities', 'permitNumber', 'validFrom', 'validUntil', 'status', 'publishedOn']);
  });

  it('deletes entries after their publication term from the projection and leaves tombstones that name nothing', async () => {
    // Bravo (expired at -44) and Golf (revoked at -35) ended more than the 30-day term ago: swept at start-up.
    const tombstones = await eventually(
      async () => {
        const register = await registerOn();
        return register.withdrawn.length === 2 ? register.withdrawn : undefined;
      },
      { timeoutMs: 10_000, what: 'two tombstones' },
    );
    expect(tombstones).toEqual([{ withdrawnOn: day(0) }, { withdrawnOn: day(0) }]);
    const projection = await sut.pool.query<{ row: string }>(
      `SELECT to_jsonb(t)::text AS row FROM "${sut.schema}".public_register_entries t UNION ALL
       SELECT to_jsonb(t)::text FROM "${sut.schema}".public_register_periods t UNION ALL SELECT to_jsonb(t)::text FROM "${sut.schema}".public_register_tombstones t`,
    );
    const stored = projection.rows.map(({ row }) => row).join('\n');
    for (const gone of ['Bravo', 'Golf', 'Foxtrot']) expect(stored).not.toContain(`${gone} Auto`);
    expect(stored).toContain(numbers.get('Alfa'));
  });

  it('the same register as CSV: one header row, one row per permit, quoted where needed', async () => {
    const response = await fetch(`${sut.base}/api/public-register/soest/csv?date=${day(0)}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/csv/);
    const lines = (await response.text()).split('\r\n').filter((line) => line !== '');
    expect(lines[0]).toBe('handelsnaam,adres,activiteiten,vergunningnummer,geldig_vanaf,geldig_tot_en_met,status,datum_bekendmaking');
    expect(lines).toHaveLength(1 + 4);
    const echo = lines.find((line) => line.includes(numbers.get('Echo') ?? '-'));
    expect(echo).toBe(`"${(tradeNames.get('Echo') ?? '').replace(/"/g, '""')}",3762AB 12 A,Handel; Reparatie,${numbers.get('Echo') ?? ''},${day(-5)},${day(1000)},verleend,${day(-5)}`);
  });

  it('refuses a bad date (400 naming the field), a future one (422), unknown parameters, malformed (400) and unknown (404) municipalities', async () => {
    const cases: [string, number, string | undefined][] = [
      ['/api/public-register/soest?date=2026-02-30', 400, 'date'],
      ['/api/public-register/soest?date=gisteren', 400, 'date'],
      ['/api/public-register/soest?date=20260101', 400, 'date'],
      [`/api/public-register/soest?date=${day(0)}&date=${day(-1)}`, 400, 'date'],
      [`/api/public-register/soest?date=${day(1)}`, 422, 'date'],
      [`/api/public-register/soest/csv?date=${day(1)}`, 422, 'date'],
      ['/api/public-register/soest?datum=2026-01-01', 400, 'datum'],
      ['/api/public-register/baarn', 404, undefined],
      ['/api/public-register/Soest%27--', 400, 'municipality'],
    ];
    for (const [path, status, field] of cases) {
      const response = await fetch(`${sut.base}${path}`);
      const body = (await response.json()) as { error: string; problems?: { field: string; rule: string }[] };
      expect({ path, status: response.status }).toEqual({ path, status });
      if (field !== undefined) expect(body.problems?.map((problem) => problem.field)).toEqual([field]);
      else expect(body.error).toBe('not-found');
    }
  });

  it('names its municipalities, and is in the OpenAPI document', async () => {
    expect(await (await fetch(`${sut.base}/api/public-register`)).json()).toEqual({ municipalities: ['soest'] });
    const document = (await (await fetch(`${sut.base}/api/openapi.json`)).json()) as { paths: Record<string, unknown> };
    expect(Object.keys(document.paths)).toEqual(expect.arrayContaining(['/api/public-register', '/api/public-register/{municipality}', '/api/public-register/{municipality}/csv']));
  });

  it('after the term, a permit is gone for every date asked, also when it was valid', { timeout: 120_000 }, async () => {
    await sut.stop();
    // The clock moves SHIFT_DAYS on: Alfa (revoked at -10) and Charlie (expired at -20) pass their term.
    sut = await startRegistry({ ...envOf(sut), PERMIT_REGISTRY_CLOCK_OFFSET_SECONDS: String(SHIFT_DAYS * 86_400) });
    const withdrawn = await eventually(
      async () => {
        const register = await registerOn();
        return register.withdrawn.length === 4 ? register.withdrawn : undefined;
      },
      { timeoutMs: 10_000, what: 'four tombstones' },
    );
    expect(withdrawn[0]).toEqual({ withdrawnOn: day(0, SHIFT_DAYS) });
    for (const [offset] of EXPECTED) {
      const seen = byName(await registerOn(day(offset)));
      expect({ offset, alfa: seen.Alfa, charlie: seen.Charlie }).toEqual({ offset, alfa: undefined, charlie: undefined });
    }
    expect(byName(await registerOn())).toEqual({ Delta: 'geschorst', Echo: 'verleend' });
    const left = await sut.pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM "${sut.schema}".public_register_entries`);
    expect(left.rows[0]?.n).toBe(2);
  });
});
