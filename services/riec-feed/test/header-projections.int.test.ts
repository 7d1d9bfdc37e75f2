import { EventTypes } from '@signaalhub/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RiecFeedService } from '../src/composition.js';
import type { RiecFeedConfig } from '../src/config.js';
import { HeaderProjections } from '../src/projections/header-projections.js';
import { busMessage, sealDecision, sealPermitDecided, sealScreening, sealSignal } from './support/feed-events.js';
import { testParts } from './support/running-feed.js';

interface CountRow {
  measure: string;
  dimension: string;
  municipality: string;
  period_kind: string;
  period: string;
  count: number;
  restated: boolean;
}

/** "Now" for these tests: events of October are late, events of this week are not. */
const NOW = new Date('2026-12-02T10:00:00Z');

describe(HeaderProjections.name, () => {
  let parts: RiecFeedService;
  let config: RiecFeedConfig;

  beforeAll(async () => {
    ({ parts, config } = await testParts({ clock: () => NOW }));
  });

  afterAll(() => parts.close());

  const table = (name: string): string => `"${config.RIEC_FEED_DATABASE_SCHEMA}".${name}`;

  async function counts(measure: string, municipality: string): Promise<CountRow[]> {
    const result = await parts.postgres.query<CountRow>(
      `SELECT measure, dimension, municipality, period_kind, period, count, restated_at IS NOT NULL AS restated FROM ${table('counts')}
       WHERE measure = $1 AND municipality = $2 ORDER BY dimension, period_kind, period`,
      [measure, municipality],
    );
    return result.rows;
  }

  it('counts a signal per theme and municipality in its ISO week, month, quarter and year, once however often it is delivered', async () => {
    const at = new Date('2026-12-01T09:00:00Z');
    const signal = await sealSignal({ municipality: 'eemnes', theme: 'drugshandel', at });
    const sut = parts.projections;
    expect(await sut.receive(EventTypes.signalSubmitted, busMessage(signal, 1))).toBe('applied');
    expect(await sut.receive(EventTypes.signalSubmitted, busMessage(signal, 2))).toBe('duplicate');

    const rows = (await counts('signals', 'eemnes')).filter((row) => row.dimension === 'drugshandel');
    expect(rows).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ period_kind: 'week', period: '2026-W49', count: 1, restated: false }),
        expect.objectContaining({ period_kind: 'month', period: '2026-12', count: 1, restated: false }),
        expect.objectContaining({ period_kind: 'quarter', period: '2026-Q4', count: 1, restated: false }),
        expect.objectContaining({ period_kind: 'year', period: '2026', count: 1, restated: false }),
      ]),
    );
  });

  it('marks the week and month of a late event restated, not its quarter and year that have not ended', async () => {
    const signal = await sealSignal({ municipality: 'bunschoten', theme: 'vastgoed', at: new Date('2026-10-05T09:00:00Z') });
    expect(await parts.projections.receive(EventTypes.signalSubmitted, busMessage(signal))).toBe('applied');

    const restated = Object.fromEntries((await counts('signals', 'bunschoten')).filter((row) => row.dimension === 'vastgoed').map((row) => [row.period, row.restated]));
    expect(restated).toEqual({ '2026-W41': true, '2026-10': true, '2026-Q4': false, '2026': false });
  });

  it('counts decisions per approach and hand-overs, and keeps the lead time from the signal whichever arrives first', async () => {
    const signal = await sealSignal({ municipality: 'baarn', theme: 'autobranche', at: new Date('2026-11-30T08:00:00Z') });
    const decision = await sealDecision({ municipality: 'baarn', approach: 'bestuurlijk', riecHandover: true, signalId: signal.header.messageId, at: new Date('2026-12-01T08:00:00Z') });
    // The decision's topic is read before the signal's.
    expect(await parts.projections.receive(EventTypes.decisionRecorded, busMessage(decision))).toBe('applied');
    expect(await parts.projections.receive(EventTypes.signalSubmitted, busMessage(signal))).toBe('applied');

    const decisions = (await counts('decisions', 'baarn')).filter((row) => row.period_kind === 'month');
    expect(decisions).toEqual([expect.objectContaining({ dimension: 'bestuurlijk', period: '2026-12', count: 1 })]);
    expect((await counts('handovers', 'baarn')).filter((row) => row.period_kind === 'month')).toEqual([expect.objectContaining({ dimension: 'bestuurlijk', count: 1 })]);
    const leadTimes = await parts.postgres.query<{ period: string; theme: string; seconds: string }>(
      `SELECT period, theme, seconds FROM ${table('lead_times')} WHERE decision_message_id = $1 AND period_kind = 'month'`,
      [decision.header.messageId],
    );
    expect(leadTimes.rows).toEqual([{ period: '2026-12', theme: 'autobranche', seconds: String(24 * 60 * 60) }]);
  });

  it('counts screenings opened, progressed and concluded from the pool by municipality only, and refuses one the pool did not send', async () => {
    const at = new Date('2026-12-01T12:00:00Z');
    for (const type of [EventTypes.screeningOpened, EventTypes.screeningProgressed, EventTypes.screeningConcluded] as const) {
      expect(await parts.projections.receive(type, busMessage(await sealScreening(type, { municipality: 'de-bilt', at })))).toBe('applied');
    }
    const forged = await sealScreening(EventTypes.screeningConcluded, { municipality: 'de-bilt', at, from: 'gemeente-de-bilt' });
    expect(await parts.projections.receive(EventTypes.screeningConcluded, busMessage(forged))).toBe('refused');

    const monthly = async (measure: string): Promise<Pick<CountRow, 'dimension' | 'count'>[]> =>
      (await counts(measure, 'de-bilt')).filter((row) => row.period_kind === 'month').map(({ dimension, count }) => ({ dimension, count }));
    expect(await monthly('screenings-opened')).toEqual([{ dimension: '', count: 1 }]);
    expect(await monthly('screenings-progressed')).toEqual([{ dimension: 'lbb-requested', count: 1 }]);
    expect(await monthly('screenings-concluded')).toEqual([{ dimension: '', count: 1 }]);
    const audit = await parts.postgres.query(`SELECT reason FROM ${table('audit_log')} WHERE object_id = $1`, [forged.header.messageId]);
    expect(audit.rows).toEqual([{ reason: 'SENDER_NOT_THE_POOL' }]);
  });

  it('counts permits per status', async () => {
    const at = new Date('2026-12-01T12:00:00Z');
    for (const status of ['granted', 'granted', 'refused'] as const) {
      expect(await parts.projections.receive(EventTypes.permitDecided, busMessage(await sealPermitDecided({ municipality: 'soest', status, at })))).toBe('applied');
    }
    const monthly = (await counts('permits', 'soest')).filter((row) => row.period_kind === 'month').map(({ dimension, count }) => ({ dimension, count }));
    expect(monthly).toEqual([
      { dimension: 'granted', count: 2 },
      { dimension: 'refused', count: 1 },
    ]);
  });

  it('learns nothing from a header whose signature does not verify', async () => {
    const signal = await sealSignal({ municipality: 'eemnes', theme: 'mensenhandel', at: new Date('2026-12-01T09:00:00Z') });
    const tampered = { ...signal, header: { ...signal.header, theme: 'horeca' } };
    expect(await parts.projections.receive(EventTypes.signalSubmitted, busMessage(tampered))).toBe('refused');

    const themes = (await counts('signals', 'eemnes')).map((row) => row.dimension);
    expect(themes).not.toContain('horeca');
    const processed = await parts.postgres.query(`SELECT 1 FROM ${table('processed_events')} WHERE message_id = $1`, [signal.header.messageId]);
    expect(processed.rowCount).toBe(0);
  });
});
