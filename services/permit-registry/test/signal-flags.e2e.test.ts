import { randomInt, randomUUID } from 'node:crypto';
import { createEventBus } from '@signaalhub/bus';
import { regionDayOf, Topics, type SignalImportResponse } from '@signaalhub/contracts';
import { createLogger } from '@signaalhub/logging';
import type { EstablishmentDetail, EstablishmentHistoryEntry, EstablishmentSummary, ScreeningSummary } from '@signaalhub/contracts';
import { eventually, testCaller, testInfrastructure, uniqueName, type RunningService } from '@signaalhub/test-infra';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { coordinator, startBibob } from '../../bibob/test/support/running-bibob.js';
import { sealSignal } from '../../meeting/test/support/sealed-signals.js';
import { identity, postSignal, startIntake } from '../../signal-intake/test/support/intake-service.js';
import { goodSubmission } from '../../signal-intake/test/support/submissions.js';
import { PoolSide } from './support/pool-side.js';
import { caller, randomKvkNumber, registration, soestOfficer, startRegistry } from './support/running-registry.js';

/*
 * Issue 11 acceptance 5 on the real stack: a signal posted through the intake with the KvK number of a
 * registered Soest establishment — written with spaces, so the match shows canonicalisation — flags that
 * establishment for Soest's permit officers (theme, day, matched on KvK, whether Soest received the signal;
 * never its content), also when Baarn reported it to itself only, and
 * for nobody else: Baarn's permit officer and the pool's coordinator get an audited 403. A re-screening
 * started from the flag reaches the pool, whose API lists the screening with the establishment as reference;
 * the pool's opening links it, its milestones and its (corrected) conclusion reach Soest's permit officers
 * on the establishment, the conclusion sealed and in no history entry. A forged opening for an establishment
 * that asked nothing is refused (dead letter and audit).
 * A signal at the establishment's visiting address flags it too (matched on the address), and a redelivered
 * signal flags nothing twice.
 */

const FREE_TEXT = 'Vlaggetje Roodborst: contant betaalde auto’s zonder papieren.';

describe('a signal flags a Soest permit holder and a re-screening reaches the pool', () => {
  let intake: RunningService;
  let registry: RunningService;
  let bibob: RunningService;
  const officer = soestOfficer();
  const kvkNumber = randomKvkNumber();
  let establishment: EstablishmentSummary;

  beforeAll(async () => {
    [intake, registry, bibob] = await Promise.all([startIntake({ LOG_LEVEL: 'warn' }), startRegistry({ LOG_LEVEL: 'warn' }), startBibob({ LOG_LEVEL: 'warn' })]);
    // An address of its own, so no other test's signal on the shared broker hits it by address.
    const registered = await registry.call('POST', '/api/establishments', officer, registration({ kvkNumber, address: { postcode: '3768 ZZ', huisnummer: randomInt(1000, 99_999) } }));
    expect(registered.status, await registered.clone().text()).toBe(201);
    establishment = (await registered.json()) as EstablishmentSummary;
    expect(establishment.flagCount).toBe(0);
  });

  afterAll(async () => {
    await Promise.all([intake, registry, bibob].map((service) => service.stop()));
  });

  it('shows the flag to Soest permit officers only, without the content', { timeout: 180_000 }, async () => {
    const spaced = `${kvkNumber.slice(0, 2)} ${kvkNumber.slice(2, 4)} ${kvkNumber.slice(4, 6)} ${kvkNumber.slice(6)}`;
    // Soest's own inspector (Soest a recipient), and Baarn's about the same trader (Soest no recipient).
    for (const [municipality, recipients] of [
      ['soest', ['gemeente-soest', 'politie-bes']],
      ['baarn', ['gemeente-baarn', 'politie-bes']],
    ] as const) {
      const submission = goodSubmission({
        municipality,
        freeText: FREE_TEXT,
        subjects: [{ kind: 'business', kvkNumber: spaced, tradeName: 'Vlaggetje Autohandel' }],
        distribution: { recipients: [...recipients] },
      });
      const posted = await postSignal(intake, submission, { identity: identity(`gemeente-${municipality}`, ['inspector']) });
      expect(posted.status, await posted.clone().text()).toBe(201);
    }

    const flagged = await eventually(
      async () => {
        const detail = (await (await registry.get(`/api/establishments/${establishment.id}`, officer)).json()) as EstablishmentDetail;
        return detail.flags.length === 2 ? detail : undefined;
      },
      { timeoutMs: 120_000, what: 'both flags on the establishment' },
    );
    const today = regionDayOf(new Date());
    const flag = { theme: 'autobranche', reportedOn: today, matchedOn: 'kvk' };
    expect(flagged.flags).toEqual(expect.arrayContaining([{ ...flag, recipient: true }, { ...flag, recipient: false }]));
    expect(flagged.flagCount).toBe(2);
    expect(JSON.stringify(flagged)).not.toContain('Roodborst');
    const listed = (await (await registry.get(`/api/establishments?municipality=soest&kvkNumber=${kvkNumber}`, officer)).json()) as EstablishmentSummary[];
    expect(listed.map((entry) => [entry.id, entry.flagCount])).toEqual([[establishment.id, 2]]);

    for (const outsider of [caller('gemeente-baarn', ['permit-officer']), coordinator()]) {
      const refused = await registry.get(`/api/establishments/${establishment.id}`, outsider);
      expect(refused.status).toBe(403);
      expect(await refused.json()).toEqual({ error: 'forbidden' });
      expect(await registry.auditEntries({ userId: outsider.userId, result: 'denied' })).toMatchObject([{ action: 'establishment.open', object_id: establishment.id }]);
    }
    const refusedList = await registry.get('/api/establishments?municipality=soest', caller('gemeente-baarn', ['permit-officer']));
    expect(refusedList.status).toBe(403);
  });

  it('sends a re-screening started from the flag to the pool, and shows what the pool tells about it', { timeout: 240_000 }, async () => {
    const pool = coordinator();
    const before = new Set(((await (await bibob.get('/api/screenings?municipality=soest', pool)).json()) as ScreeningSummary[]).map((screening) => screening.id));
    const started = await registry.call('POST', `/api/establishments/${establishment.id}/rescreenings`, officer, { reason: 'Signaal over contante verkopen' });
    expect(started.status, await started.clone().text()).toBe(201);
    const startedEntry = (await started.json()) as EstablishmentHistoryEntry;
    expect(startedEntry).toMatchObject({ action: 'herscreening-gevraagd', reason: 'Signaal over contante verkopen' });

    const screening = await eventually(
      async () => {
        const screenings = (await (await bibob.get('/api/screenings?municipality=soest', pool)).json()) as ScreeningSummary[];
        for (const candidate of screenings.filter((entry) => !before.has(entry.id))) {
          const detail = (await (await bibob.get(`/api/screenings/${candidate.id}`, pool)).json()) as { reference: string; applicant: { kvkNumber: string } };
          if (detail.reference === establishment.id) return { ...candidate, ...detail };
        }
        return undefined;
      },
      { timeoutMs: 120_000, what: "the re-screening in the pool's list" },
    );
    expect(screening).toMatchObject({ municipality: 'soest', kind: 'autobranche', applicant: { kvkNumber } });

    // The pool opened it with the establishment as reference: the registry links the screening to the re-screening.
    const opened = await eventually(
      async () => {
        const seen = (await (await registry.get(`/api/establishments/${establishment.id}`, officer)).json()) as EstablishmentDetail;
        return seen.rescreenings[0]?.screeningId === null ? undefined : seen;
      },
      { timeoutMs: 120_000, what: 'the re-screening opened by the pool' },
    );
    // The registry's day is UTC's, as every registry date.
    const askedOn = startedEntry.at.slice(0, 10);
    expect(opened.rescreenings).toEqual([{ askedOn, status: 'geopend', screeningId: screening.id, conclusion: null }]);
    const asked = { at: expect.any(String) as string, action: 'herscreening-gevraagd', actor: { party: 'gemeente-soest', userId: officer.userId }, reason: 'Signaal over contante verkopen' };
    const byService = { at: expect.any(String) as string, actor: { service: 'permit-registry' } };
    expect(opened.history).toEqual([asked, { ...byService, action: 'herscreening-geopend', date: expect.any(String) as string }]);

    // The pool's milestones, then its conclusion and a corrected one (version 2 wins), as the pool side seals them.
    const poolSide = await PoolSide.connect();
    try {
      await poolSide.progressed('soest', screening.id, 'lbb-requested', askedOn);
      const lbb = await eventually(
        async () => {
          const seen = (await (await registry.get(`/api/establishments/${establishment.id}`, officer)).json()) as EstablishmentDetail;
          return seen.rescreenings[0]?.status === 'lbb-advies-gevraagd' ? seen : undefined;
        },
        { timeoutMs: 60_000, what: 'the LBB milestone on the re-screening' },
      );
      expect(lbb.history.at(-1)).toEqual({ ...byService, action: 'herscreening-voortgang', milestone: 'lbb-requested', date: askedOn });
      await poolSide.progressed('soest', screening.id, 'advice-received', askedOn);
      const first = { level: 'mindere-mate' as const, grounds: [], proposedConditions: ['Kasboek dagelijks bijhouden'], explanation: 'Eerste conclusie herscreening' };
      const corrected = { level: 'ernstige-mate' as const, grounds: ['a' as const], proposedConditions: [], explanation: 'Gecorrigeerde conclusie herscreening' };
      await poolSide.concluded('soest', screening.id, establishment.id, first);
      await poolSide.concluded('soest', screening.id, establishment.id, corrected, 2);
      const concluded = await eventually(
        async () => {
          const seen = (await (await registry.get(`/api/establishments/${establishment.id}`, officer)).json()) as EstablishmentDetail;
          return seen.rescreenings[0]?.conclusion?.version === 2 ? seen : undefined;
        },
        { timeoutMs: 60_000, what: 'the corrected conclusion on the re-screening' },
      );
      expect(concluded.rescreenings).toEqual([
        { askedOn, status: 'conclusie-ontvangen', screeningId: screening.id, conclusion: { version: 2, approvedAt: expect.any(String) as string, conclusion: corrected } },
      ]);
      expect(concluded.history.map((entry) => [entry.action, entry.milestone])).toEqual([
        ['herscreening-gevraagd', undefined],
        ['herscreening-geopend', undefined],
        ['herscreening-voortgang', 'lbb-requested'],
        ['herscreening-voortgang', 'advice-received'],
        ['herscreening-conclusie-ontvangen', undefined],
        ['herscreening-conclusie-ontvangen', undefined],
      ]);
      // The conclusion is in the re-screening only: not in the history, and sealed in the store.
      expect(JSON.stringify(concluded.history)).not.toContain('conclusie herscreening');
      const stored = await registry.pool.query<{ row: string }>(`SELECT to_jsonb(c)::text AS row FROM "${registry.schema}".rescreening_conclusions c`);
      expect(stored.rows).toHaveLength(2);
      expect(stored.rows.map((entry) => entry.row).join()).not.toContain('conclusie herscreening');
    } finally {
      await poolSide.close();
    }
  });

  it('refuses an opening for an establishment that asked no re-screening (dead letter and audit)', { timeout: 180_000 }, async () => {
    const registered = await registry.call('POST', '/api/establishments', officer, registration({ address: { postcode: '3768 ZW', huisnummer: randomInt(1000, 99_999) } }));
    const quiet = (await registered.json()) as EstablishmentSummary;
    const poolSide = await PoolSide.connect();
    try {
      const messageId = await poolSide.opened('soest', randomUUID(), quiet.id);
      const refusals = await eventually(
        async () => {
          const entries = await registry.auditEntries({ action: 'screening.opened.receive', objectId: messageId, result: 'denied' });
          return entries.length > 0 ? entries : undefined;
        },
        { timeoutMs: 60_000, what: 'the forged opening refused' },
      );
      expect(refusals).toMatchObject([{ actor_service: 'permit-registry', reason: 'NOT_THE_REQUESTED_SCREENING' }]);
    } finally {
      await poolSide.close();
    }
    const detail = (await (await registry.get(`/api/establishments/${quiet.id}`, officer)).json()) as EstablishmentDetail;
    expect({ rescreenings: detail.rescreenings, history: detail.history }).toEqual({ rescreenings: [], history: [] });
  });

  it('flags once per signal however often it is delivered', { timeout: 180_000 }, async () => {
    const other = (await (await registry.call('POST', '/api/establishments', officer, registration({ address: { postcode: '3768 ZY', huisnummer: randomInt(1000, 99_999) } }))).json()) as EstablishmentSummary;
    const kvk = ((await (await registry.get(`/api/establishments/${other.id}`, officer)).json()) as EstablishmentDetail).kvkNumber;
    const [first, second] = await Promise.all([sealSignal({ municipality: 'soest', kvkNumber: kvk }), sealSignal({ municipality: 'soest', kvkNumber: kvk })]);
    const bus = createEventBus({ brokers: testInfrastructure().kafkaBrokers, clientId: 'signal-flags', logger: createLogger('signal-flags', 'warn') });
    const producer = bus.createProducer();
    await producer.connect();
    // One key, one partition: the second signal is taken in after the redelivered first.
    const value = (envelope: unknown): Buffer => Buffer.from(JSON.stringify(envelope));
    await producer.send(Topics.signalSubmitted, [
      { key: 'soest', value: value(first.envelope) },
      { key: 'soest', value: value(first.envelope) },
      { key: 'soest', value: value(second.envelope) },
    ]);
    await bus.close();
    const detail = await eventually(
      async () => {
        const seen = (await (await registry.get(`/api/establishments/${other.id}`, officer)).json()) as EstablishmentDetail;
        return seen.flags.length >= 2 ? seen : undefined;
      },
      { timeoutMs: 120_000, what: 'the flags of both signals' },
    );
    expect(detail.flags).toHaveLength(2);
    expect(detail.flagCount).toBe(2);
    const stored = await registry.pool.query<{ signal_id: string }>(`SELECT signal_id FROM "${registry.schema}".establishment_flags WHERE establishment_id = $1 ORDER BY signal_id`, [other.id]);
    expect(stored.rows.map((row) => row.signal_id)).toEqual([first.envelope.header.messageId, second.envelope.header.messageId].sort());
  });

  it('flags an establishment at the address a signal names, matched on the address', { timeout: 180_000 }, async () => {
    const huisnummer = randomInt(1000, 99_999);
    const registered = await registry.call('POST', '/api/establishments', officer, registration({ address: { postcode: '3768 ZX', huisnummer, toevoeging: 'b' } }));
    const atAddress = (await registered.json()) as EstablishmentSummary;
    // Another business (a KvK number of its own) at the same address, written differently.
    const submission = goodSubmission({
      location: { postcode: '3768zx', huisnummer: { number: huisnummer, toevoeging: 'B' } },
      subjects: [{ kind: 'business', kvkNumber: randomKvkNumber(), tradeName: 'Buurman Autoschade' }],
      distribution: { recipients: ['gemeente-soest', 'politie-bes'] },
    });
    const posted = await postSignal(intake, submission, { identity: identity('gemeente-soest', ['inspector']) });
    expect(posted.status, await posted.clone().text()).toBe(201);
    const detail = await eventually(
      async () => {
        const seen = (await (await registry.get(`/api/establishments/${atAddress.id}`, officer)).json()) as EstablishmentDetail;
        return seen.flags.length > 0 ? seen : undefined;
      },
      { timeoutMs: 120_000, what: 'the address flag' },
    );
    expect(detail.flags).toEqual([{ theme: 'autobranche', reportedOn: regionDayOf(new Date()), matchedOn: 'address', recipient: true }]);
  });

  it('dates the flag of a historically imported signal by its original report day, not by its import', { timeout: 180_000 }, async () => {
    const importedKvk = randomKvkNumber();
    const registered = await registry.call('POST', '/api/establishments', officer, registration({ kvkNumber: importedKvk, address: { postcode: '3768 ZY', huisnummer: randomInt(1000, 99_999) } }));
    expect(registered.status, await registered.clone().text()).toBe(201);
    const withHistory = (await registered.json()) as EstablishmentSummary;
    const reportedOn = '2020-06-10';
    const imported = await intake.call('POST', '/api/admin/signal-imports', testCaller('riec-mn', ['admin']), {
      signals: [{ importId: uniqueName('import'), reportedOn, signal: goodSubmission({ subjects: [{ kind: 'business', kvkNumber: importedKvk, tradeName: 'Oude Garage' }] }) }],
    });
    expect(imported.status, await imported.clone().text()).toBe(201);
    expect(((await imported.json()) as SignalImportResponse).imported).toBe(1);
    const detail = await eventually(
      async () => {
        const seen = (await (await registry.get(`/api/establishments/${withHistory.id}`, officer)).json()) as EstablishmentDetail;
        return seen.flags.length > 0 ? seen : undefined;
      },
      { timeoutMs: 120_000, what: 'the imported signal flag' },
    );
    expect(detail.flags).toEqual([{ theme: 'autobranche', reportedOn, matchedOn: 'kvk', recipient: true }]);
  });
});
