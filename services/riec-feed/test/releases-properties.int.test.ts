import { DEFAULT_MUNICIPALITIES, THEMES } from '@signaalhub/contracts';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RiecFeedService } from '../src/composition.js';
import type { RiecFeedConfig } from '../src/config.js';
import { Measures } from '../src/projections/projection-store.js';
import { releaseArtefacts, smallCounts } from './support/release-artefacts.js';
import { testParts } from './support/running-feed.js';

/*
 * Issue 12 acceptance 2, "no published artefact": random projection counts (many of them 1..k−1), then a
 * late change that restates the month, each released through the service's own release run (ledger,
 * outbox, sealing — not HTTP). The stored releases, their CSV and JSON, and every feed.published opened
 * as its recipient hold no count from 1 to k−1.
 */

const PERIOD = '2026-10';
const MUNICIPALITIES = DEFAULT_MUNICIPALITIES.map(({ id }) => id);

const cellArbitrary = fc.record({
  theme: fc.constantFrom(...THEMES),
  municipality: fc.constantFrom(...MUNICIPALITIES),
  count: fc.integer({ min: 1, max: 14 }),
});

const dataSet = fc.record({
  k: fc.constantFrom(3, 5),
  cells: fc.uniqueArray(cellArbitrary, { minLength: 1, maxLength: 12, selector: ({ theme, municipality }) => `${theme}/${municipality}` }),
  lateEvents: fc.array(fc.record({ theme: fc.constantFrom(...THEMES), municipality: fc.constantFrom(...MUNICIPALITIES) }), { maxLength: 3 }),
});

describe('releases over random projection counts (property)', () => {
  const setups = new Map<number, { parts: RiecFeedService; config: RiecFeedConfig }>();
  let now = new Date('2026-12-02T10:00:00Z');

  beforeAll(async () => {
    for (const k of [3, 5]) setups.set(k, await testParts({ overrides: { RIEC_FEED_K: String(k) }, clock: () => now }));
  });

  afterAll(async () => {
    for (const { parts } of setups.values()) await parts.close();
  });

  it('publishes no count from 1 to k−1 in any stored release, CSV, JSON or sealed feed event, first release or restatement', { timeout: 300_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(dataSet, async ({ k, cells, lateEvents }) => {
        const setup = setups.get(k);
        if (setup === undefined) throw new Error(`no service for k=${String(k)}`);
        const { parts, config } = setup;
        const s = `"${config.RIEC_FEED_DATABASE_SCHEMA}"`;
        await parts.postgres.query(`TRUNCATE ${s}.counts, ${s}.releases, ${s}.outbox`);
        const add = async (cell: { theme: string; municipality: string; count: number }, restatedAt: Date | null): Promise<void> => {
          await parts.postgres.query(
            `INSERT INTO ${s}.counts (measure, dimension, municipality, period_kind, period, count, restated_at) VALUES ($1, $2, $3, 'month', $4, $5, $6)
             ON CONFLICT (measure, dimension, municipality, period_kind, period) DO UPDATE SET count = ${s}.counts.count + EXCLUDED.count, restated_at = EXCLUDED.restated_at`,
            [Measures.signals, cell.theme, cell.municipality, PERIOD, cell.count, restatedAt],
          );
        };
        for (const cell of cells) await add(cell, null);
        await parts.releasePublisher.publish(PERIOD);
        now = new Date(now.getTime() + 60_000);
        for (const late of lateEvents) await add({ ...late, count: 1 }, now);
        if (lateEvents.length > 0) await parts.releasePublisher.publish(PERIOD);

        const artefacts = await releaseArtefacts(parts.postgres, config.RIEC_FEED_DATABASE_SCHEMA);
        expect(artefacts).toHaveLength((1 + MUNICIPALITIES.length) * (lateEvents.length > 0 ? 2 : 1));
        expect(smallCounts(artefacts, k)).toEqual([]);
      }),
      { numRuns: 6 },
    );
  });
});
