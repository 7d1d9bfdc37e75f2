import { AccessDenied, ObjectNotFound } from '@signaalhub/access';
import { DEFAULT_MUNICIPALITIES, EventTypes, FeedPublished, municipalityPartyId, type Theme } from '@signaalhub/contracts';
import { storedEnvelopeOpener } from '@signaalhub/envelope';
import { testCaller } from '@signaalhub/test-infra';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RiecFeedService } from '../src/composition.js';
import type { RiecFeedConfig } from '../src/config.js';
import { TOTAL } from '../src/disclosure/index.js';
import { mispEventDocumentSchema } from '../src/exports/index.js';
import { HitsMispExport } from '../src/hits/hits-misp-export.js';
import { FeedConflict, InvalidFeedInput } from '../src/http/feed-errors.js';
import { Releases } from '../src/releases/releases.js';
import { busMessage, sealSignal } from './support/feed-events.js';
import { releaseArtefacts, smallCounts, type ReleaseArtefacts } from './support/release-artefacts.js';
import { liaison, provided, RIEC, testParts } from './support/running-feed.js';
import { loadServiceKeysOnce } from './support/test-keys.js';

/*
 * Issue 12 build 5/6, acceptance 2 (artefacts) and 5: a month released from projections with known counts,
 * some of them 1..k−1. Nothing that leaves (the stored release, its CSV and JSON, the feed.published opened
 * as its recipient) holds such a count, and a municipality's release and event hold its own column and the
 * region's only.
 */

/** "Now": November 2026 has ended, December has not; a test moves it on when time must pass. */
let now = new Date('2026-12-02T10:00:00Z');
const NOVEMBER = new Date('2026-11-10T10:00:00Z');
const K = 5;

/** Signals per municipality and theme in November. */
const KNOWN: readonly { municipality: string; theme: Theme; count: number }[] = [
  { municipality: 'baarn', theme: 'autobranche', count: 7 },
  { municipality: 'baarn', theme: 'drugshandel', count: 2 },
  { municipality: 'soest', theme: 'autobranche', count: 3 },
  { municipality: 'soest', theme: 'horeca', count: 6 },
  { municipality: 'eemnes', theme: 'vastgoed', count: 1 },
  { municipality: 'de-bilt', theme: 'autobranche', count: 5 },
];
const TOTAL_SIGNALS = KNOWN.reduce((sum, each) => sum + each.count, 0);
const RECIPIENTS = [RIEC, ...DEFAULT_MUNICIPALITIES.map(({ id }) => municipalityPartyId(id))].sort();
const OTHER_THAN_BAARN = /soest|eemnes|bunschoten|de-bilt/;

describe('releases of the riec feed', () => {
  let parts: RiecFeedService;
  let config: RiecFeedConfig;

  beforeAll(async () => {
    ({ parts, config } = await testParts({ clock: () => now }));
    let offset = 0;
    for (const { municipality, theme, count } of KNOWN) {
      for (let i = 0; i < count; i++) {
        const signal = await sealSignal({ municipality, theme, at: NOVEMBER });
        expect(await parts.projections.receive(EventTypes.signalSubmitted, busMessage(signal, offset++))).toBe('applied');
      }
    }
  });

  afterAll(() => parts.close());

  const artefacts = (): Promise<ReleaseArtefacts[]> => releaseArtefacts(parts.postgres, config.RIEC_FEED_DATABASE_SCHEMA);
  const of = (all: readonly ReleaseArtefacts[], recipient: string, sequence = 1): ReleaseArtefacts => {
    const found = all.find((each) => each.stored.recipient === recipient && each.stored.sequence === sequence);
    if (found === undefined) throw new Error(`no release ${String(sequence)} for ${recipient}`);
    return found;
  };
  const cell = (release: { tables: readonly { id: string; cells: readonly { row: string; column: string; value: number | null }[] }[] }, table: string, row: string, column: string): number | null | undefined =>
    release.tables.find((each) => each.id === table)?.cells.find((each) => each.row === row && each.column === column)?.value;

  it('releases an ended month to the RIEC and every municipality; no stored release, CSV, JSON or feed event holds a count from 1 to k−1', async () => {
    expect(config.RIEC_FEED_K).toBe(K);
    const published = await parts.releasePublisher.publish('2026-11');
    expect(published.map(({ release }) => release.recipient).sort()).toEqual(RECIPIENTS);

    const all = await artefacts();
    expect(all).toHaveLength(RECIPIENTS.length);
    expect(smallCounts(all, K)).toEqual([]);

    const riec = of(all, RIEC);
    // The small cells are hidden, the grand total is published.
    expect(cell(riec.json, '2026-11/regio-per-gemeente', 'drugshandel', 'baarn')).toBeNull();
    expect(cell(riec.json, '2026-11/regio-per-gemeente', 'vastgoed', 'eemnes')).toBeNull();
    expect(cell(riec.json, '2026-11/regio-per-gemeente', TOTAL, TOTAL)).toBe(TOTAL_SIGNALS);
    expect(riec.json.suppressedCells).toBeGreaterThanOrEqual(3);
    expect(riec.eventBody).toEqual(riec.json);
    // CSV: one header row, one row per cell.
    expect(riec.csv.trimEnd().split('\r\n')).toHaveLength(1 + riec.stored.tables.reduce((sum, table) => sum + table.cells.length, 0));
    expect(riec.csv).toContain(',x\r\n');
  });

  it('seals each feed.published to its recipient alone, with the period and the release id as its only facts', async () => {
    const all = await artefacts();
    for (const each of all) {
      expect(each.eventHeader).toMatchObject({ type: EventTypes.feedPublished, sender: RIEC, recipients: [each.stored.recipient], period: '2026-11', releaseId: each.stored.id });
      expect(each.eventHeader).not.toHaveProperty('municipality');
    }
    const { keyring } = await loadServiceKeysOnce();
    const baarnEvent = await parts.postgres.query<{ message_value: Buffer }>(`SELECT message_value FROM "${config.RIEC_FEED_DATABASE_SCHEMA}".outbox WHERE message_key = 'gemeente-baarn'`);
    expect(baarnEvent.rows).toHaveLength(1);
    const envelope: unknown = JSON.parse(baarnEvent.rows[0]?.message_value.toString('utf8') ?? '');
    await expect(storedEnvelopeOpener(keyring).open(envelope, { as: 'gemeente-soest', payload: FeedPublished })).rejects.toThrow(/not among the recipients/);
  });

  it("gives gemeente-baarn its own figures and the region's, never another municipality's own figures", async () => {
    const baarn = of(await artefacts(), 'gemeente-baarn');
    const columns = new Set(baarn.stored.tables.flatMap((table) => table.columns));
    expect([...columns].sort()).toEqual(['baarn', 'regio']);
    const own = baarn.stored.tables.find((table) => table.id === '2026-11/eigen-gemeente');
    expect(own?.cells.flatMap((each) => each.atoms).every((atom) => (JSON.parse(atom) as string[])[2] === 'baarn')).toBe(true);
    // 2 is hidden, and 7 with it (else 9 − 7 gives it away); their total is published.
    expect(cell(baarn.json, '2026-11/eigen-gemeente', 'drugshandel', 'baarn')).toBeNull();
    expect(cell(baarn.json, '2026-11/eigen-gemeente', 'autobranche', 'baarn')).toBeNull();
    expect(cell(baarn.json, '2026-11/eigen-gemeente', TOTAL, 'baarn')).toBe(9);
    expect(cell(baarn.json, '2026-11/regio', TOTAL, 'regio')).toBe(TOTAL_SIGNALS);
    for (const text of [JSON.stringify(baarn.json), JSON.stringify(baarn.eventBody), baarn.csv]) expect(text).not.toMatch(OTHER_THAN_BAARN);
  });

  it('answers a month released already with nothing restated with a conflict, and a month not ended or malformed naming the period', async () => {
    await expect(parts.releasePublisher.publish('2026-11')).rejects.toBeInstanceOf(FeedConflict);
    for (const period of ['2026-12', '2027-01', '2026-13', '11-2026', '2026-11-01', '2026-Q4']) {
      const refusal = parts.releasePublisher.publish(period);
      await expect(refusal, period).rejects.toBeInstanceOf(InvalidFeedInput);
      await expect(refusal, period).rejects.toMatchObject({ kind: 'rule', problems: [{ field: 'period' }] });
    }
    expect((await artefacts()).length).toBe(RECIPIENTS.length);
  });

  it('restates a month a late event changed in the next release, under the same checks', async () => {
    now = new Date(now.getTime() + 60_000);
    const late = await sealSignal({ municipality: 'baarn', theme: 'drugshandel', at: NOVEMBER });
    expect(await parts.projections.receive(EventTypes.signalSubmitted, busMessage(late, 1000))).toBe('applied');
    // Through the liaison's way in this time: the run is audited, one entry per release stored.
    const summaries = await provided(parts, Releases).publish(liaison(), { period: '2026-11' }, 'test');
    expect(summaries.map(({ recipient, sequence }) => [recipient, sequence]).sort()).toEqual(RECIPIENTS.map((recipient) => [recipient, 2]));
    const audited = await parts.postgres.query<{ n: number }>(`SELECT count(*)::int AS n FROM "${config.RIEC_FEED_DATABASE_SCHEMA}".audit_log WHERE action = 'releases.publish' AND result = 'allowed'`);
    expect(audited.rows).toEqual([{ n: RECIPIENTS.length }]);
    const all = await artefacts();
    for (const recipient of RECIPIENTS) expect(of(all, recipient, 2).stored.restatedPeriods).toEqual(['2026-11']);
    expect(all).toHaveLength(2 * RECIPIENTS.length);
    expect(smallCounts(all, K)).toEqual([]);
    expect(of(all, RIEC, 2).json.notes.length).toBeGreaterThan(0);
  });

  it("lists each caller's own ledger newest first and refuses another recipient's release", async () => {
    const releases = provided(parts, Releases);
    const riecLedger = await releases.list(liaison(), 'test');
    expect(riecLedger.map(({ recipient, period, sequence, k }) => ({ recipient, period, sequence, k }))).toEqual([
      { recipient: RIEC, period: '2026-11', sequence: 2, k: K },
      { recipient: RIEC, period: '2026-11', sequence: 1, k: K },
    ]);
    const baarnMember = testCaller('gemeente-baarn', ['meeting-member']);
    const baarnLedger = await releases.list(baarnMember, 'test');
    expect(baarnLedger.map(({ recipient }) => recipient)).toEqual(['gemeente-baarn', 'gemeente-baarn']);
    expect((await releases.get(baarnMember, baarnLedger[0]?.id ?? '', 'release.read', 'test')).recipient).toBe('gemeente-baarn');
    await expect(releases.get(baarnMember, riecLedger[0]?.id ?? '', 'release.read', 'test')).rejects.toBeInstanceOf(AccessDenied);
    await expect(releases.get(liaison(), baarnLedger[0]?.id ?? '', 'release.read', 'test')).rejects.toBeInstanceOf(AccessDenied);
    await expect(releases.get(baarnMember, '00000000-0000-4000-8000-000000000000', 'release.read', 'test')).rejects.toBeInstanceOf(ObjectNotFound);
  });

  it('exports the current hits as a MISP event that validates', async () => {
    const shared = { kind: 'kvk' as const, kvkNumber: '12345678' };
    for (const [i, municipality] of ['baarn', 'soest'].entries()) {
      const signal = await sealSignal({ municipality, at: NOVEMBER, subjects: [shared] });
      expect(await parts.projections.receive(EventTypes.signalSubmitted, busMessage(signal, 2000 + i))).toBe('applied');
    }
    const event = await provided(parts, HitsMispExport).export(liaison(), 'test');
    expect(mispEventDocumentSchema.safeParse(event).success).toBe(true);
    expect(event.Event.Attribute).toHaveLength(1);
    expect(event.Event.Attribute?.[0]?.value).toBe("soort: kvk; thema's: autobranche; gemeenten: 2");
    expect(JSON.stringify(event)).not.toContain('12345678');
  });
});
