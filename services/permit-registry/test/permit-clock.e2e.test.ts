import { PermitEvent, type Envelope, type PermitDetail, type PublicRegister } from '@signaalhub/contracts';
import { DEFAULT_FRESHNESS_WINDOW, EnvelopeOpener, InMemoryReplayStore } from '@signaalhub/envelope';
import { loadServiceKeys } from '@signaalhub/service-kit';
import { eventually, testInfrastructure, type RunningService } from '@signaalhub/test-infra';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { envOf, permitThrough, soestOfficer, startRegistry } from './support/running-registry.js';

/*
 * Issue 11, the permit clock over the real service: permits created today whose suspension or validity ends
 * within SHIFT_DAYS; then two registry instances start at once on the same schema with the application clock
 * moved SHIFT_DAYS on (PERMIT_REGISTRY_CLOCK_OFFSET_SECONDS). A suspension whose last day ("tot en met") was
 * yesterday is verleend again and a permit whose last valid day was yesterday is vervallen — each step once,
 * with a history entry by the service, its sealed event in the outbox (status and dates only, as the RIEC
 * opens it) and the public register as it stood on each day around the ends. A suspension or validity whose
 * last day is today stays as it is.
 */

const DAY_MS = 86_400_000;
const SHIFT_DAYS = 10;
const day = (offset: number): string => new Date(Date.now() + offset * DAY_MS).toISOString().slice(0, 10);
const dutchDay = (isoDay: string): string => new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${isoDay}T12:00:00Z`));

type Step = Record<string, unknown>;
const grant = (validUntil: number): Step => ({ action: 'verlenen', date: day(-40), validFrom: day(-40), validUntil: day(validUntil), reason: 'Verleend' });
const suspend = (until: number): Step => ({ action: 'schorsen', date: day(-5), from: day(-5), until: day(until), reason: 'Voorschrift overtreden' });

/** Days from the real today; after the shift, SHIFT_DAYS - 1 is yesterday and SHIFT_DAYS today. */
const HISTORIES = {
  suspendedUntilYesterday: [grant(1000), suspend(SHIFT_DAYS - 1)],
  validUntilYesterday: [grant(SHIFT_DAYS - 1)],
  // Its suspension ends first (reinstated from SHIFT_DAYS - 3), then its validity (vervallen from SHIFT_DAYS - 1).
  suspensionThenValidityEnded: [grant(SHIFT_DAYS - 2), suspend(SHIFT_DAYS - 4)],
  suspendedUntilToday: [grant(1000), suspend(SHIFT_DAYS)],
  validUntilToday: [grant(SHIFT_DAYS)],
} as const satisfies Record<string, readonly Step[]>;
type Name = keyof typeof HISTORIES;

const SERVICE = { service: 'permit-registry' };

describe('the permit clock', () => {
  const officer = soestOfficer();
  const permitIds = new Map<Name, string>();
  const numbers = new Map<string, Name>();
  let first: RunningService;
  let moved: RunningService[] = [];

  beforeAll(async () => {
    first = await startRegistry({ PERMIT_REGISTRY_PERMIT_CLOCK_MS: '200' });
    const run = String(Date.now());
    for (const [index, [name, steps]] of (Object.entries(HISTORIES) as [Name, readonly Step[]][]).entries()) {
      const permitNumber = `PC-${String(index)}-${run}`;
      numbers.set(permitNumber, name);
      permitIds.set(name, await permitThrough(first, officer, { tradeName: `${name} ${run}`, receivedOn: day(-50), permitNumber, steps }));
    }
  }, 120_000);

  afterAll(async () => {
    await Promise.all([first.stop(), ...moved.map((service) => service.stop())]);
  });

  const idOf = (name: Name): string => permitIds.get(name) ?? '';

  async function permit(service: RunningService, name: Name): Promise<PermitDetail> {
    const response = await service.get(`/api/permits/${idOf(name)}`, officer);
    expect(response.status).toBe(200);
    return (await response.json()) as PermitDetail;
  }

  async function statuses(service: RunningService): Promise<Record<Name, string>> {
    const names = Object.keys(HISTORIES) as Name[];
    return Object.fromEntries(await Promise.all(names.map(async (name) => [name, (await permit(service, name)).status]))) as Record<Name, string>;
  }

  /** The events the service queued for a permit's history entries, opened as the RIEC would. */
  async function eventsOf(service: RunningService, name: Name): Promise<{ header: Envelope['header']; body: PermitEvent }[]> {
    const messages = await service.pool.query<{ message_value: Buffer }>(
      `SELECT o.message_value FROM "${service.schema}".outbox o JOIN "${service.schema}".permit_history h ON h.message_id = o.message_id WHERE h.permit_id = $1 ORDER BY h.id`,
      [idOf(name)],
    );
    const infrastructure = testInfrastructure();
    const { keyring } = await loadServiceKeys(infrastructure.keysDir, infrastructure.keyPassphrase);
    // Read on the moved day (the clock's messages are issued then), with the officers' messages of before the shift.
    const window = { maxAgeMs: 30 * DAY_MS, clockSkewMs: DEFAULT_FRESHNESS_WINDOW.clockSkewMs };
    const opener = new EnvelopeOpener(keyring, { replayStore: new InMemoryReplayStore(), window, clock: () => new Date(Date.now() + SHIFT_DAYS * DAY_MS) });
    return Promise.all(
      messages.rows.map(async (row) => {
        const envelope = JSON.parse(row.message_value.toString('utf8')) as Envelope;
        const { payload } = await opener.open(envelope, { as: 'riec-mn', payload: PermitEvent });
        return { header: envelope.header, body: payload };
      }),
    );
  }

  async function registerOn(service: RunningService, date: string): Promise<Partial<Record<Name, string>>> {
    const response = await fetch(`${service.base}/api/public-register/soest?date=${date}`);
    expect(response.status).toBe(200);
    const register = (await response.json()) as PublicRegister;
    const seen: Partial<Record<Name, string>> = {};
    for (const entry of register.entries) {
      const name = numbers.get(entry.permitNumber ?? '');
      if (name !== undefined) seen[name] = entry.status ?? '';
    }
    return seen;
  }

  it('changes nothing while no suspension or validity has ended', async () => {
    // The clock swept at start and every 200 ms while the permits were made: the service acted on none.
    const { rows } = await first.pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM "${first.schema}".permit_history WHERE actor_service IS NOT NULL`);
    expect(rows[0]?.n).toBe(0);
    expect(await statuses(first)).toEqual({
      suspendedUntilYesterday: 'geschorst',
      validUntilYesterday: 'verleend',
      suspensionThenValidityEnded: 'geschorst',
      suspendedUntilToday: 'geschorst',
      validUntilToday: 'verleend',
    });
  });

  it('with the clock moved on, two instances reinstate and expire what ended yesterday, each step once', { timeout: 180_000 }, async () => {
    await first.stop();
    const shifted = { ...envOf(first), PERMIT_REGISTRY_PERMIT_CLOCK_MS: '200', PERMIT_REGISTRY_CLOCK_OFFSET_SECONDS: String(SHIFT_DAYS * 86_400) };
    moved = await Promise.all([startRegistry(shifted), startRegistry(shifted)]);
    const [one, two] = moved as [RunningService, RunningService];

    const expected = {
      suspendedUntilYesterday: 'verleend',
      validUntilYesterday: 'vervallen',
      suspensionThenValidityEnded: 'vervallen',
      suspendedUntilToday: 'geschorst',
      validUntilToday: 'verleend',
    };
    await eventually(async () => {
      const seen = await statuses(one);
      return JSON.stringify(seen) === JSON.stringify(expected) ? seen : undefined;
    }, { timeoutMs: 20_000, what: 'the permit clock to reinstate and expire' });
    expect(await statuses(two)).toEqual(expected);

    const reinstated = await permit(one, 'suspendedUntilYesterday');
    expect(reinstated).toMatchObject({ status: 'verleend', suspendedFrom: null, suspendedUntil: null });
    expect(reinstated.history.map((entry) => entry.action)).toEqual(['verlenen', 'schorsen', 'schorsing-opheffen']);
    expect(reinstated.history[2]).toMatchObject({
      actor: SERVICE,
      fromStatus: 'geschorst',
      toStatus: 'verleend',
      date: day(SHIFT_DAYS),
      reason: `Schorsing afgelopen: geschorst tot en met ${dutchDay(day(SHIFT_DAYS - 1))}.`,
    });

    const expired = await permit(one, 'validUntilYesterday');
    expect(expired.history.map((entry) => entry.action)).toEqual(['verlenen', 'laten-vervallen']);
    expect(expired.history[1]).toMatchObject({
      actor: SERVICE,
      fromStatus: 'verleend',
      toStatus: 'vervallen',
      date: day(SHIFT_DAYS),
      reason: `Geldigheid verstreken: geldig tot en met ${dutchDay(day(SHIFT_DAYS - 1))}.`,
    });

    const both = await permit(one, 'suspensionThenValidityEnded');
    expect(both.history.map((entry) => [entry.action, entry.date, entry.toStatus, 'service' in entry.actor])).toEqual([
      ['verlenen', day(-40), 'verleend', false],
      ['schorsen', day(-5), 'geschorst', false],
      ['schorsing-opheffen', day(SHIFT_DAYS - 3), 'verleend', true],
      ['laten-vervallen', day(SHIFT_DAYS - 1), 'vervallen', true],
    ]);
    for (const name of ['suspendedUntilToday', 'validUntilToday'] as const) expect((await permit(one, name)).history.every((entry) => !('service' in entry.actor))).toBe(true);
  });

  it('queues permit.reinstated and permit.expired with status and dates only', async () => {
    const [one] = moved as [RunningService];
    const reinstated = await eventsOf(one, 'suspendedUntilYesterday');
    expect(reinstated.map((event) => event.header.type)).toEqual(['permit.decided', 'permit.suspended', 'permit.reinstated']);
    expect(reinstated[2]?.header).toMatchObject({ type: 'permit.reinstated', status: 'granted', sender: 'gemeente-soest', recipients: ['gemeente-soest', 'bibob-pool-bes', 'riec-mn'] });
    expect(reinstated[2]?.body).toEqual({ permitId: idOf('suspendedUntilYesterday'), municipality: 'soest', status: 'verleend', date: day(SHIFT_DAYS), validFrom: day(-40), validUntil: day(1000), suspendedFrom: null, suspendedUntil: null });
    const expired = await eventsOf(one, 'validUntilYesterday');
    expect(expired.map((event) => event.header.type)).toEqual(['permit.decided', 'permit.expired']);
    expect(expired[1]?.header).toMatchObject({ type: 'permit.expired', status: 'expired' });
    expect(expired[1]?.body).toEqual({ permitId: idOf('validUntilYesterday'), municipality: 'soest', status: 'vervallen', date: day(SHIFT_DAYS), validFrom: day(-40), validUntil: day(SHIFT_DAYS - 1), suspendedFrom: null, suspendedUntil: null });
    expect((await eventsOf(one, 'suspensionThenValidityEnded')).map((event) => event.header.type)).toEqual(['permit.decided', 'permit.suspended', 'permit.reinstated', 'permit.expired']);
  });

  it('the public register as it stood on each day around the ends; the reinstatement changed no period', async () => {
    const [one] = moved as [RunningService];
    expect(await registerOn(one, day(SHIFT_DAYS - 4))).toMatchObject({ suspendedUntilYesterday: 'geschorst', validUntilYesterday: 'verleend', suspensionThenValidityEnded: 'geschorst' });
    expect(await registerOn(one, day(SHIFT_DAYS - 3))).toMatchObject({ suspendedUntilYesterday: 'geschorst', suspensionThenValidityEnded: 'verleend' });
    expect(await registerOn(one, day(SHIFT_DAYS - 1))).toMatchObject({ suspendedUntilYesterday: 'geschorst', validUntilYesterday: 'verleend', suspensionThenValidityEnded: 'vervallen' });
    expect(await registerOn(one, day(SHIFT_DAYS))).toEqual({
      suspendedUntilYesterday: 'verleend',
      validUntilYesterday: 'vervallen',
      suspensionThenValidityEnded: 'vervallen',
      suspendedUntilToday: 'geschorst',
      validUntilToday: 'verleend',
    });
    const periods = await one.pool.query<{ status: string; startsOn: string; endsOn: string | null }>(
      `SELECT status, to_char(starts_on, 'YYYY-MM-DD') AS "startsOn", to_char(ends_on, 'YYYY-MM-DD') AS "endsOn" FROM "${one.schema}".public_register_periods WHERE permit_id = $1 ORDER BY starts_on`,
      [idOf('suspendedUntilYesterday')],
    );
    expect(periods.rows).toEqual([
      { status: 'verleend', startsOn: day(-40), endsOn: day(-5) },
      { status: 'geschorst', startsOn: day(-5), endsOn: day(SHIFT_DAYS) },
      { status: 'verleend', startsOn: day(SHIFT_DAYS), endsOn: day(1001) },
      { status: 'vervallen', startsOn: day(1001), endsOn: null },
    ]);
  });
});
