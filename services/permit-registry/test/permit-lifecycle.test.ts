import { PERMIT_ACTIONS, PERMIT_REGISTRY_STATUSES, type PermitAction, type PermitActionRequest, type PermitRegistryStatus } from '@signaalhub/contracts';
import { describe, expect, it } from 'vitest';
import { PermitViolation, takePermitAction, timeActionDue, type PermitState, type ZienswijzeState } from '../src/permits/permit-lifecycle.js';

/*
 * Issue 11 acceptance 2 on the status machine: every (status, action) pair over aangevraagd, verleend,
 * geweigerd, geschorst, ingetrokken and vervallen, with the zienswijze not asked and received: the new
 * status and event, or 409 (conflict) / 422 (rule) with a Dutch message — and the state unchanged.
 */

const REQUESTS: Readonly<Record<PermitAction, PermitActionRequest>> = {
  'zienswijze-vragen': { action: 'zienswijze-vragen', date: '2027-03-01', reason: 'Voornemen tot weigering' },
  'zienswijze-ontvangen': { action: 'zienswijze-ontvangen', date: '2027-03-01', reason: 'Zienswijze ontvangen' },
  verlenen: { action: 'verlenen', date: '2027-03-01', permitNumber: 'AB-2027-001', validFrom: '2027-03-01', validUntil: '2032-03-01', conditions: [], reason: 'Voldoet' },
  weigeren: { action: 'weigeren', date: '2027-03-01', reason: 'Ernstig gevaar' },
  schorsen: { action: 'schorsen', date: '2027-03-01', from: '2027-03-02', until: '2027-06-01', reason: 'Voorschrift overtreden' },
  'schorsing-opheffen': { action: 'schorsing-opheffen', date: '2027-03-01', reason: 'Hersteld' },
  intrekken: { action: 'intrekken', date: '2027-03-01', ground: 'bibob', reason: 'Bibob' },
  'laten-vervallen': { action: 'laten-vervallen', date: '2027-03-01', ground: 'uitgeschreven', reason: 'Uitgeschreven bij de KvK' },
};

type Expected = PermitRegistryStatus | 409 | 422;

/** status → action → [zienswijze not asked, zienswijze received]. `same` zienswijze steps keep the status. */
const TABLE: Readonly<Record<PermitRegistryStatus, Readonly<Record<PermitAction, readonly [Expected, Expected]>>>> = {
  aangevraagd: {
    'zienswijze-vragen': ['aangevraagd', 'aangevraagd'],
    'zienswijze-ontvangen': [409, 409],
    verlenen: ['verleend', 'verleend'],
    weigeren: [422, 'geweigerd'],
    schorsen: [409, 409],
    'schorsing-opheffen': [409, 409],
    intrekken: [409, 409],
    'laten-vervallen': [409, 409],
  },
  verleend: {
    'zienswijze-vragen': ['verleend', 'verleend'],
    'zienswijze-ontvangen': [409, 409],
    verlenen: [409, 409],
    weigeren: [409, 409],
    schorsen: ['geschorst', 'geschorst'],
    'schorsing-opheffen': [409, 409],
    intrekken: [422, 'ingetrokken'],
    'laten-vervallen': ['vervallen', 'vervallen'],
  },
  geweigerd: Object.fromEntries(PERMIT_ACTIONS.map((action) => [action, [409, 409]])) as Record<PermitAction, [409, 409]>,
  geschorst: {
    'zienswijze-vragen': ['geschorst', 'geschorst'],
    'zienswijze-ontvangen': [409, 409],
    verlenen: [409, 409],
    weigeren: [409, 409],
    schorsen: [409, 409],
    'schorsing-opheffen': ['verleend', 'verleend'],
    intrekken: [422, 'ingetrokken'],
    'laten-vervallen': ['vervallen', 'vervallen'],
  },
  ingetrokken: Object.fromEntries(PERMIT_ACTIONS.map((action) => [action, [409, 409]])) as Record<PermitAction, [409, 409]>,
  vervallen: Object.fromEntries(PERMIT_ACTIONS.map((action) => [action, [409, 409]])) as Record<PermitAction, [409, 409]>,
};

const EVENTS: Readonly<Partial<Record<PermitAction, string>>> = {
  verlenen: 'permit.decided',
  weigeren: 'permit.decided',
  schorsen: 'permit.suspended',
  'schorsing-opheffen': 'permit.reinstated',
  intrekken: 'permit.revoked',
  'laten-vervallen': 'permit.expired',
};

function stateOf(status: PermitRegistryStatus, zienswijze: ZienswijzeState): PermitState {
  const granted = status !== 'aangevraagd' && status !== 'geweigerd';
  return {
    status,
    zienswijze,
    validFrom: granted ? '2026-01-01' : null,
    validUntil: granted ? '2031-01-01' : null,
    suspendedFrom: status === 'geschorst' ? '2026-06-01' : null,
    suspendedUntil: status === 'geschorst' ? '2026-09-01' : null,
  };
}

const cases = PERMIT_REGISTRY_STATUSES.flatMap((status) =>
  PERMIT_ACTIONS.flatMap((action) =>
    (['geen', 'ontvangen'] as const).map((zienswijze, index) => ({ status, action, zienswijze, expected: TABLE[status][action][index] as Expected })),
  ),
);

describe(takePermitAction.name, () => {
  it('covers every status and every action', () => {
    expect(cases).toHaveLength(PERMIT_REGISTRY_STATUSES.length * PERMIT_ACTIONS.length * 2);
  });

  it.each(cases)('$action on $status (zienswijze $zienswijze): $expected', ({ status, action, zienswijze, expected }) => {
    const sut = stateOf(status, zienswijze);
    const before = structuredClone(sut);
    if (typeof expected === 'number') {
      let violation: unknown;
      try {
        takePermitAction(sut, REQUESTS[action]);
      } catch (error) {
        violation = error;
      }
      expect(violation).toBeInstanceOf(PermitViolation);
      const { kind, message } = violation as PermitViolation;
      expect(kind).toBe(expected === 409 ? 'conflict' : 'rule');
      expect(message).toMatch(/^[A-Z].*(kan niet|zienswijze|al gevraagd|geen zienswijze)/i);
    } else {
      const outcome = takePermitAction(sut, REQUESTS[action]);
      expect(outcome.state.status).toBe(expected);
      expect(outcome.event).toBe(EVENTS[action] ?? null);
    }
    expect(sut).toEqual(before);
  });

  it('revokes on request of the holder without a zienswijze', () => {
    const outcome = takePermitAction(stateOf('verleend', 'geen'), { action: 'intrekken', date: '2027-03-01', ground: 'op-verzoek', reason: 'Verzoek van de houder' });
    expect(outcome.state.status).toBe('ingetrokken');
  });

  it('refuses dates in the wrong order naming the field', () => {
    const grant = { ...REQUESTS.verlenen, validUntil: '2027-02-01' } as PermitActionRequest;
    expect(() => takePermitAction(stateOf('aangevraagd', 'geen'), grant)).toThrow(expect.objectContaining({ kind: 'rule', field: 'validUntil' }) as Error);
    const suspend = { ...REQUESTS.schorsen, until: '2027-03-02' } as PermitActionRequest;
    expect(() => takePermitAction(stateOf('verleend', 'geen'), suspend)).toThrow(expect.objectContaining({ kind: 'rule', field: 'until' }) as Error);
    const lapse: PermitActionRequest = { action: 'laten-vervallen', date: '2027-03-01', ground: 'geldigheid-verstreken', reason: 'Verlopen' };
    expect(() => takePermitAction(stateOf('verleend', 'geen'), lapse)).toThrow(expect.objectContaining({ kind: 'rule', field: 'date' }) as Error);
    // validUntil is the last valid day: on it the validity has not ended yet, the day after it has.
    expect(() => takePermitAction(stateOf('verleend', 'geen'), { ...lapse, date: '2031-01-01' })).toThrow(expect.objectContaining({ kind: 'rule', field: 'date' }) as Error);
    expect(takePermitAction(stateOf('verleend', 'geen'), { ...lapse, date: '2031-01-02' }).state.status).toBe('vervallen');
  });

  it('asks the zienswijze once, and records it only when asked', () => {
    const asked = takePermitAction(stateOf('aangevraagd', 'geen'), REQUESTS['zienswijze-vragen']).state;
    expect(() => takePermitAction(asked, REQUESTS['zienswijze-vragen'])).toThrow(expect.objectContaining({ kind: 'conflict' }) as Error);
    expect(takePermitAction(asked, REQUESTS['zienswijze-ontvangen']).state.zienswijze).toBe('ontvangen');
    expect(() => takePermitAction(asked, REQUESTS.weigeren)).toThrow(expect.objectContaining({ kind: 'rule' }) as Error);
  });
});

/* The permit clock: what time alone has made due (suspendedUntil and validUntil are last days, "tot en met"). */
describe(timeActionDue.name, () => {
  const suspended = stateOf('geschorst', 'geen'); // geschorst 2026-06-01 to 2026-09-01, valid until 2031-01-01

  it('reinstates a suspension from the day after its last day, not on it', () => {
    expect(timeActionDue(suspended, '2026-09-01')).toBeUndefined();
    expect(timeActionDue(suspended, '2026-09-02')).toEqual({ action: 'schorsing-opheffen', date: '2026-09-02', reason: 'Schorsing afgelopen: geschorst tot en met 1 september 2026.' });
    // A sweep that comes late still dates the reinstatement on the first day back.
    expect(timeActionDue(suspended, '2026-12-24')).toMatchObject({ action: 'schorsing-opheffen', date: '2026-09-02' });
  });

  it('lets a permit lapse from the day after its last valid day, on the ground geldigheid-verstreken', () => {
    const granted = stateOf('verleend', 'geen');
    expect(timeActionDue(granted, '2031-01-01')).toBeUndefined();
    expect(timeActionDue(granted, '2031-01-02')).toEqual({ action: 'laten-vervallen', date: '2031-01-02', ground: 'geldigheid-verstreken', reason: 'Geldigheid verstreken: geldig tot en met 1 januari 2031.' });
  });

  it('each answer is an action the status machine takes; asking again gives the next step, then nothing', () => {
    let state: PermitState = suspended;
    const taken: string[] = [];
    for (let step = 0; step < 5; step++) {
      const request = timeActionDue(state, '2031-06-01');
      if (request === undefined) break;
      state = takePermitAction(state, request).state;
      taken.push(`${request.action} ${request.date} → ${state.status}`);
    }
    expect(taken).toEqual(['schorsing-opheffen 2026-09-02 → verleend', 'laten-vervallen 2031-01-02 → vervallen']);
  });

  it('a suspension that lasts to or past the last valid day is not reinstated: the permit lapses while suspended', () => {
    for (const suspendedUntil of ['2031-01-01', '2031-03-01']) {
      const state = { ...suspended, suspendedUntil };
      expect(timeActionDue(state, '2031-01-02')).toMatchObject({ action: 'laten-vervallen', date: '2031-01-02' });
      expect(timeActionDue(state, '2031-06-01')).toMatchObject({ action: 'laten-vervallen', date: '2031-01-02' });
    }
  });

  it('leaves every other status alone', () => {
    for (const status of ['aangevraagd', 'geweigerd', 'ingetrokken', 'vervallen'] as const) expect(timeActionDue(stateOf(status, 'geen'), '2040-01-01')).toBeUndefined();
  });
});
