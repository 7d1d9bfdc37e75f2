import { randomInt } from 'node:crypto';
import { AuditLog } from '@signaalhub/audit';
import { ROLES, type AgendaEntry, type DiscussedItem, type SignalImportRequestInput, type SignalImportResponse, type SignalImportRowInput } from '@signaalhub/contracts';
import { eventually, RunningService, serviceEnv, testCaller, uniqueName } from '@signaalhub/test-infra';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caller as meetingMember, startMeeting } from '../../meeting/test/support/running-meeting.js';
import { identity, postSignal, startIntake } from './support/intake-service.js';
import { goodSubmission } from './support/submissions.js';

/*
 * Issue 12 build 8: the historical import. Only the hub's admin may import (everyone else 403, audited); a bad row
 * refuses the whole request naming the row and the field, and stores nothing; imported signals travel the outbox
 * like any signal and the RIEC feed counts them in the months they were originally reported; a re-import adds
 * nothing; a reused import id with another row is a conflict. The report days lie in a random month of a year
 * long past, so this run's signals have that feed cell (of a fresh feed schema) to themselves. The meeting admits an
 * imported signal without putting it on an agenda, and a new signal about the same business shows it as a hit with its
 * report day.
 */

const ADMIN = testCaller('riec-mn', ['admin']);
const year = String(randomInt(2001, 2021));
const month = (m: number): string => `${year}-${String(m).padStart(2, '0')}`;
const [SPRING, AUTUMN] = [month(randomInt(1, 7)), month(randomInt(7, 13))];

const row = (reportedOn: string, overrides: Parameters<typeof goodSubmission>[0] = {}): SignalImportRowInput => ({
  importId: uniqueName('import'),
  reportedOn,
  signal: goodSubmission(overrides),
});

/** Soest: three in spring, one in autumn; Baarn: two in autumn. */
const BATCH: SignalImportRequestInput = {
  signals: [
    row(`${SPRING}-03`),
    row(`${SPRING}-14`),
    row(`${SPRING}-28`),
    row(`${AUTUMN}-01`),
    row(`${AUTUMN}-09`, { municipality: 'baarn', distribution: { recipients: ['gemeente-baarn', 'riec-mn'] } }),
    row(`${AUTUMN}-20`, { municipality: 'baarn', distribution: { recipients: ['gemeente-baarn', 'politie-bes'] } }),
  ],
};

describe('historical signal import', () => {
  let intake: RunningService;
  let feed: RunningService;
  let meeting: RunningService;

  beforeAll(async () => {
    [intake, feed, meeting] = await Promise.all([
      startIntake(),
      RunningService.start(
        'riec-feed',
        serviceEnv({ RIEC_FEED_DATABASE_SCHEMA: uniqueName('riec_feed').replace(/-/g, '_'), RIEC_FEED_REPLAY_NAMESPACE: uniqueName('riec-feed') }),
        { schemaVariable: 'RIEC_FEED_DATABASE_SCHEMA' },
      ),
      startMeeting(),
    ]);
  });

  afterAll(async () => {
    await Promise.all([intake.stop(), feed.stop(), meeting.stop()]);
  });

  const post = (body: unknown, caller = ADMIN): Promise<Response> => intake.call('POST', '/api/admin/signal-imports', caller, body);

  it.each(ROLES.filter((role) => role !== 'admin').flatMap((role) => [{ role, party: 'riec-mn' }, { role, party: 'gemeente-soest' }]))(
    'refuses $role of $party (403, audited, nothing stored)',
    async ({ role, party }) => {
      const caller = testCaller(party, [role]);
      const response = await post(BATCH, caller);
      expect({ status: response.status, body: (await response.json()) as unknown }).toEqual({ status: 403, body: { error: 'forbidden' } });
      expect((await intake.auditEntries({ userId: caller.userId })).map(({ action, result, reason }) => ({ action, result, reason }))).toEqual([
        { action: 'signal.import', result: 'denied', reason: 'role-admin-required' },
      ]);
    },
  );

  it('refuses a batch with a bad row, naming the row and the field, and stores nothing of it', async () => {
    const bad = {
      signals: [
        row(`${SPRING}-02`),
        row(`${SPRING}-05`, { location: { postcode: '37 61', huisnummer: { number: 1 } } }),
        { ...row('2999-01-01'), importId: 'ok-but-future' },
        row(`${SPRING}-07`, { distribution: { recipients: ['politie-bes'] } }),
      ],
    };
    const response = await post(bad);
    expect(response.status).toBe(400);
    const { problems } = (await response.json()) as { problems: { field: string; rule: string }[] };
    expect(problems.map(({ field }) => field).sort()).toEqual([
      'signals.1.signal.location.postcode',
      'signals.2.reportedOn',
      'signals.3.signal.distribution.recipients',
    ]);
    expect(problems.every(({ rule }) => rule.length > 0)).toBe(true);
    expect([await intake.countRows('signals'), await intake.countRows('signal_imports'), await intake.countRows('outbox')]).toEqual([0, 0, 0]);
  });

  it('imports, publishes and audits a batch; the feed counts each signal in its original month', async () => {
    const response = await post(BATCH);
    expect(response.status).toBe(201);
    const answer = (await response.json()) as SignalImportResponse;
    expect({ imported: answer.imported, alreadyImported: answer.alreadyImported }).toEqual({ imported: 6, alreadyImported: 0 });
    expect(answer.signals.map(({ importId, result }) => ({ importId, result }))).toEqual(BATCH.signals.map(({ importId }) => ({ importId, result: 'imported' })));
    expect(await intake.auditEntries({ userId: ADMIN.userId, action: 'signal.import', objectId: answer.importBatchId, result: 'allowed' })).toHaveLength(1);

    const header = await intake.pool.query<{ reported_on: string; created_at: Date }>(
      `SELECT envelope->'header'->>'reportedOn' AS reported_on, created_at FROM "${intake.schema}".signals WHERE id = $1`,
      [answer.signals[0]?.signalId],
    );
    expect(header.rows).toEqual([{ reported_on: `${SPRING}-03`, created_at: new Date(`${SPRING}-03T12:00:00Z`) }]);

    const cells = (): Promise<{ municipality: string; period: string; count: number }[]> =>
      feed.pool
        .query<{ municipality: string; period: string; count: number }>(
          `SELECT municipality, period, sum(count)::int AS count FROM "${feed.schema}".counts
            WHERE measure = 'signals' AND period_kind = 'month' AND period = ANY($1::text[]) GROUP BY 1, 2 ORDER BY 1, 2`,
          [[SPRING, AUTUMN]],
        )
        .then((result) => result.rows);
    const expected = [
      { municipality: 'baarn', period: AUTUMN, count: 2 },
      { municipality: 'soest', period: SPRING, count: 3 },
      { municipality: 'soest', period: AUTUMN, count: 1 },
    ].sort((a, b) => (a.municipality + a.period).localeCompare(b.municipality + b.period));
    await eventually(async () => (JSON.stringify(await cells()) === JSON.stringify(expected) ? true : undefined), { timeoutMs: 60_000, what: 'the feed counting the imported signals' });
    const facts = await feed.pool.query<{ day: string }>(
      `SELECT to_char(submitted_at AT TIME ZONE 'Europe/Amsterdam', 'YYYY-MM-DD') AS day FROM "${feed.schema}".signal_facts WHERE message_id = ANY($1::uuid[]) ORDER BY 1`,
      [answer.signals.map(({ signalId }) => signalId)],
    );
    expect(facts.rows.map(({ day }) => day)).toEqual(BATCH.signals.map(({ reportedOn }) => reportedOn).sort());
  });

  it('a re-import of the same rows adds nothing: same signal ids, no new signal, outbox row or count', async () => {
    const first = await intake.pool.query<{ import_id: string; signal_id: string }>(`SELECT import_id, signal_id FROM "${intake.schema}".signal_imports`);
    const response = await post(BATCH);
    expect(response.status).toBe(200);
    const answer = (await response.json()) as SignalImportResponse;
    expect({ imported: answer.imported, alreadyImported: answer.alreadyImported }).toEqual({ imported: 0, alreadyImported: 6 });
    const before = new Map(first.rows.map((stored) => [stored.import_id, stored.signal_id]));
    expect(answer.signals.map(({ importId, signalId, result }) => ({ signalId, result, was: before.get(importId) }))).toEqual(
      answer.signals.map(({ signalId }) => ({ signalId, result: 'already-imported', was: signalId })),
    );
    expect([await intake.countRows('signals'), await intake.countRows('signal_imports'), await intake.countRows('outbox')]).toEqual([6, 6, 6]);
    const processed = await feed.pool.query<{ count: number }>(`SELECT count(*)::int AS count FROM "${feed.schema}".signal_facts WHERE message_id = ANY($1::uuid[])`, [
      answer.signals.map(({ signalId }) => signalId),
    ]);
    expect(processed.rows).toEqual([{ count: 6 }]);
  });

  it('refuses an import id used before for a different row (422 naming it), storing nothing', async () => {
    const reused = { signals: [row(`${SPRING}-04`), { ...row(`${SPRING}-05`), importId: BATCH.signals[1]?.importId ?? '' }] };
    const response = await post(reused);
    expect(response.status).toBe(422);
    expect(await response.json()).toMatchObject({ error: 'import-conflict', problems: [{ field: 'signals.1.importId' }] });
    expect(await intake.countRows('signals')).toBe(6);
  });

  it('reaches the meeting as history: on no agenda, under "Besproken" with its report day, a dated hit of a new signal', async () => {
    // A business and an address of this test's own, so no other signal on the shared broker shares a token with them.
    const kvkNumber = String(randomInt(10_000_000, 100_000_000));
    const location = { postcode: '3769 XQ', huisnummer: { number: randomInt(1000, 99_999) } };
    const subjects = [{ kind: 'business' as const, kvkNumber, tradeName: 'Garage Vroeger' }];
    const reportedOn = `${SPRING}-11`;
    const response = await post({ signals: [row(reportedOn, { location, subjects })] });
    expect(response.status).toBe(201);
    const [imported] = ((await response.json()) as SignalImportResponse).signals;
    const member = meetingMember('gemeente-soest');
    const listed = await eventually(
      async () => {
        const list = (await (await meeting.call('GET', '/api/agenda/discussed?municipality=soest', member)).json()) as DiscussedItem[];
        return list.find((item) => item.id === imported?.signalId);
      },
      { timeoutMs: 90_000, what: 'the imported signal under Besproken' },
    );
    expect(listed).toMatchObject({ reportedOn, status: 'imported', latestDecision: null });

    const posted = await postSignal(intake, goodSubmission({ location, subjects }), { identity: identity('gemeente-soest', ['inspector']) });
    expect(posted.status, await posted.clone().text()).toBe(201);
    const { id: newId } = (await posted.json()) as { id: string };
    const agenda = await eventually(
      async () => {
        const entries = (await (await meeting.call('GET', '/api/agenda?municipality=soest', member)).json()) as AgendaEntry[];
        return entries.some((entry) => entry.id === newId) ? entries : undefined;
      },
      { timeoutMs: 90_000, what: 'the new signal on the Soest agenda' },
    );
    expect(agenda.map((entry) => entry.id)).not.toContain(imported?.signalId);
    expect(agenda.find((entry) => entry.id === newId)?.hits).toEqual([{ municipality: 'soest', count: 1, firstReportedOn: reportedOn, lastReportedOn: reportedOn, imported: 1 }]);
  });

  it('keeps an unbroken audit chain', async () => {
    expect(await (await AuditLog.open(intake.pool, intake.schema)).verifyChain()).toMatchObject({ ok: true });
  });
});
