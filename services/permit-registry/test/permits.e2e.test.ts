import { PERMIT_ACTIONS, PERMIT_REGISTRY_STATUSES, PermitEvent, type ApplicationSummary, type Envelope, type EstablishmentSummary, type PermitAction, type PermitDetail, type PermitRegistryStatus } from '@signaalhub/contracts';
import { EnvelopeOpener, InMemoryReplayStore } from '@signaalhub/envelope';
import { loadServiceKeys } from '@signaalhub/service-kit';
import { testInfrastructure, type RunningService } from '@signaalhub/test-infra';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caller, registration, soestOfficer, startRegistry } from './support/running-registry.js';

/*
 * Issue 11, build 4 and acceptance 2 over HTTP: every (status, action) pair on a real permit — allowed, or
 * 409/422 with a Dutch message and nothing changed (the permit, its history, the events queued); the grant
 * with standard and case conditions, the history with who, when and why, and the sealed permit events with
 * status and dates only (opened as the RIEC would).
 */

const day = (offset: number): string => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

const REQUESTS: Readonly<Record<PermitAction, Record<string, unknown>>> = {
  'zienswijze-vragen': { action: 'zienswijze-vragen', date: day(0), reason: 'Voornemen tot een negatief besluit' },
  'zienswijze-ontvangen': { action: 'zienswijze-ontvangen', date: day(0), reason: 'Zienswijze ontvangen' },
  verlenen: { action: 'verlenen', date: day(0), permitNumber: 'AB-1', validFrom: day(0), validUntil: day(5 * 365), reason: 'Voldoet aan de eisen' },
  weigeren: { action: 'weigeren', date: day(0), reason: 'Weigering' },
  schorsen: { action: 'schorsen', date: day(0), from: day(0), until: day(30), reason: 'Voorschrift overtreden' },
  'schorsing-opheffen': { action: 'schorsing-opheffen', date: day(0), reason: 'Overtreding hersteld' },
  intrekken: { action: 'intrekken', date: day(0), ground: 'bibob', reason: 'Intrekking' },
  'laten-vervallen': { action: 'laten-vervallen', date: day(0), ground: 'uitgeschreven', reason: 'Uitgeschreven bij de KvK' },
};

/** How to bring a new permit into each status. */
const PATHS: Readonly<Record<PermitRegistryStatus, readonly Record<string, unknown>[]>> = {
  aangevraagd: [],
  verleend: [REQUESTS.verlenen],
  geweigerd: [REQUESTS['zienswijze-vragen'], REQUESTS['zienswijze-ontvangen'], REQUESTS.weigeren],
  geschorst: [REQUESTS.verlenen, REQUESTS.schorsen],
  ingetrokken: [REQUESTS.verlenen, { ...REQUESTS.intrekken, ground: 'op-verzoek' }],
  vervallen: [REQUESTS.verlenen, REQUESTS['laten-vervallen']],
};

/** The zienswijze not asked: a negative decision is a 422 until it is. */
const ALLOWED: Readonly<Record<PermitRegistryStatus, Partial<Record<PermitAction, PermitRegistryStatus | 422>>>> = {
  aangevraagd: { 'zienswijze-vragen': 'aangevraagd', verlenen: 'verleend', weigeren: 422 },
  verleend: { 'zienswijze-vragen': 'verleend', schorsen: 'geschorst', intrekken: 422, 'laten-vervallen': 'vervallen' },
  geweigerd: {},
  geschorst: { 'zienswijze-vragen': 'geschorst', 'schorsing-opheffen': 'verleend', intrekken: 422, 'laten-vervallen': 'vervallen' },
  ingetrokken: {},
  vervallen: {},
};

describe('permit registry permits', () => {
  let sut: RunningService;
  const officer = soestOfficer();
  let numbers = 0;

  beforeAll(async () => {
    sut = await startRegistry();
  });

  afterAll(() => sut.stop());

  async function newPermit(): Promise<string> {
    const establishment = (await (await sut.call('POST', '/api/establishments', officer, registration())).json()) as EstablishmentSummary;
    const response = await sut.call('POST', '/api/applications', officer, { establishmentId: establishment.id, kind: 'nieuw', receivedOn: day(-10) });
    expect(response.status).toBe(201);
    return ((await response.json()) as ApplicationSummary).permitId;
  }

  async function act(permitId: string, body: Record<string, unknown>): Promise<Response> {
    numbers += 1;
    const unique = body.action === 'verlenen' ? { ...body, permitNumber: `AB-${String(Date.now())}-${String(numbers)}` } : body;
    return sut.call('POST', `/api/permits/${permitId}/actions`, officer, unique);
  }

  /** Everything an action may change: the permit row, its history and the events queued for it. */
  async function snapshot(permitId: string): Promise<unknown> {
    const permit = await sut.pool.query(`SELECT * FROM "${sut.schema}".permits WHERE id = $1`, [permitId]);
    const history = await sut.pool.query(`SELECT id FROM "${sut.schema}".permit_history WHERE permit_id = $1`, [permitId]);
    const events = await sut.pool.query(`SELECT count(*)::int AS n FROM "${sut.schema}".outbox WHERE message_id IN (SELECT message_id FROM "${sut.schema}".permit_history WHERE permit_id = $1)`, [permitId]);
    return { permit: permit.rows, history: history.rows, events: events.rows };
  }

  const cases = PERMIT_REGISTRY_STATUSES.flatMap((status) => PERMIT_ACTIONS.map((action) => ({ status, action, expected: ALLOWED[status][action] ?? 409 })));

  it.each(cases)('$action on a permit that is $status: $expected', async ({ status, action, expected }) => {
    const permitId = await newPermit();
    for (const step of PATHS[status]) expect((await act(permitId, step)).status, JSON.stringify(step)).toBe(200);
    const before = await snapshot(permitId);
    const response = await act(permitId, REQUESTS[action]);
    if (typeof expected === 'string') {
      expect(response.status).toBe(200);
      expect(((await response.json()) as PermitDetail).status).toBe(expected);
      return;
    }
    expect(response.status).toBe(expected);
    const answer = (await response.json()) as { error: string; message: string };
    expect(answer.error).toBe(expected === 409 ? 'conflict' : 'validation');
    expect(answer.message).toMatch(/(kan niet bij een vergunning die|zienswijze|Er is geen)/);
    expect(await snapshot(permitId)).toEqual(before);
  });

  it('grants with standard and case conditions, keeps who/when/why, and publishes status and dates only', async () => {
    const permitId = await newPermit();
    const grant = {
      ...REQUESTS.verlenen,
      conditions: [{ text: 'Kanarievoorwaarde: kasboek dagelijks bijhouden', legalBasis: 'Art. 3 lid 4 Wet Bibob', fromBibob: true }],
      reason: 'Kanariemotivering van het besluit',
    };
    const granted = await act(permitId, grant);
    expect(granted.status).toBe(200);
    const permit = (await granted.json()) as PermitDetail;
    expect(permit).toMatchObject({ status: 'verleend', validFrom: day(0), validUntil: day(5 * 365) });
    expect(permit.conditions.filter((condition) => condition.kind === 'standaard').length).toBeGreaterThan(0);
    expect(permit.conditions).toContainEqual({ kind: 'specifiek', text: 'Kanarievoorwaarde: kasboek dagelijks bijhouden', legalBasis: 'Art. 3 lid 4 Wet Bibob', fromBibob: true });
    expect(permit.history).toMatchObject([{ action: 'verlenen', actor: { party: 'gemeente-soest', userId: officer.userId }, fromStatus: 'aangevraagd', toStatus: 'verleend', reason: 'Kanariemotivering van het besluit' }]);
    expect(await sut.auditEntries({ userId: officer.userId, action: 'permit.act', objectId: permitId, result: 'allowed' })).toHaveLength(1);

    const suspended = await act(permitId, REQUESTS.schorsen);
    expect(suspended.status).toBe(200);
    const messages = await sut.pool.query<{ message_value: Buffer }>(
      `SELECT o.message_value FROM "${sut.schema}".outbox o JOIN "${sut.schema}".permit_history h ON h.message_id = o.message_id WHERE h.permit_id = $1 ORDER BY h.id`,
      [permitId],
    );
    const envelopes = messages.rows.map((row) => JSON.parse(row.message_value.toString('utf8')) as Envelope);
    expect(envelopes.map((envelope) => envelope.header)).toMatchObject([
      { type: 'permit.decided', status: 'granted', sender: 'gemeente-soest', recipients: ['gemeente-soest', 'bibob-pool-bes', 'riec-mn'], municipality: 'soest' },
      { type: 'permit.suspended', status: 'suspended' },
    ]);
    const infrastructure = testInfrastructure();
    const { keyring } = await loadServiceKeys(infrastructure.keysDir, infrastructure.keyPassphrase);
    const opener = new EnvelopeOpener(keyring, { replayStore: new InMemoryReplayStore() });
    const bodies = await Promise.all(envelopes.map(async (envelope) => (await opener.open(envelope, { as: 'riec-mn', payload: PermitEvent })).payload));
    expect(bodies).toEqual([
      { permitId, municipality: 'soest', status: 'verleend', date: day(0), validFrom: day(0), validUntil: day(5 * 365), suspendedFrom: null, suspendedUntil: null },
      { permitId, municipality: 'soest', status: 'geschorst', date: day(0), validFrom: day(0), validUntil: day(5 * 365), suspendedFrom: day(0), suspendedUntil: day(30) },
    ]);
    const stored = JSON.stringify(await sut.pool.query(`SELECT * FROM "${sut.schema}".permits p JOIN "${sut.schema}".permit_history h ON h.permit_id = p.id WHERE p.id = $1`, [permitId]));
    expect(`${stored}${JSON.stringify(envelopes)}`).not.toMatch(/Kanarie/);
  });

  it('refuses dates in the wrong order, a date in the future and unknown fields, changing nothing', async () => {
    const permitId = await newPermit();
    const before = await snapshot(permitId);
    for (const [body, status, field] of [
      [{ ...REQUESTS.verlenen, validUntil: day(-1) }, 422, 'validUntil'],
      [{ ...REQUESTS.verlenen, date: day(3) }, 422, 'date'],
      [{ ...REQUESTS.verlenen, extra: true }, 400, 'extra'],
      [{ action: 'opheffen', date: day(0), reason: 'x' }, 400, 'action'],
      [{ ...REQUESTS.verlenen, validFrom: '2027-02-30' }, 400, 'validFrom'],
    ] as const) {
      const response = await act(permitId, body);
      expect(response.status, JSON.stringify(body)).toBe(status);
      expect(((await response.json()) as { problems: { field: string }[] }).problems.map((problem) => problem.field)).toContain(field);
    }
    expect(await snapshot(permitId)).toEqual(before);
  });

  it("refuses Baarn's permit officer and Soest's meeting member, auditing both", async () => {
    const permitId = await newPermit();
    for (const other of [caller('gemeente-baarn', ['permit-officer']), caller('gemeente-soest', ['meeting-member'])]) {
      expect((await sut.get(`/api/permits/${permitId}`, other)).status).toBe(403);
      expect((await sut.call('POST', `/api/permits/${permitId}/actions`, other, REQUESTS.verlenen)).status).toBe(403);
      expect(await sut.auditEntries({ userId: other.userId, result: 'denied' })).toHaveLength(2);
    }
  });
});
