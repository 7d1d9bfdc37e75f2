import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BibobService } from '../../src/composition.js';
import type { BibobConfig } from '../../src/config.js';
import { PoolAssignment } from '../../src/screenings/new-screening-assignment.js';
import { testParts } from '../support/running-bibob.js';
import { busMessageOf, sealScreeningRequest } from '../support/screening-requests.js';

const SMALL = 'coordinator-klein';
const SMALLER = 'coordinator-kleiner';
const CAPACITY: Readonly<Record<string, number>> = { [SMALL]: 3, [SMALLER]: 2 };
const ARRIVING = 24;

/*
 * Many screenings arriving at once (the pool's consumer and coordinators at the form) against a pool of two
 * coordinators with room for five in all: without the pool lock, concurrent openings read the same counts
 * and hand out the same last slot more than once.
 */
describe(PoolAssignment.name, () => {
  let parts: BibobService;
  let config: BibobConfig;

  beforeAll(async () => {
    const pool = Object.entries(CAPACITY).map(([id, capacity]) => ({ id, name: `Coördinator ${id}`, capacity }));
    ({ parts, config } = await testParts({ BIBOB_COORDINATORS: JSON.stringify(pool) }));
  });

  afterAll(async () => {
    await parts.close();
  });

  it('never gives a coordinator more open screenings than their capacity when many arrive at once', async () => {
    const envelopes = await Promise.all(Array.from({ length: ARRIVING }, async () => (await sealScreeningRequest()).envelope));
    const outcomes = await Promise.all(envelopes.map((envelope, offset) => parts.requests.receive(busMessageOf(envelope, offset))));
    expect(outcomes).toEqual(envelopes.map(() => 'applied'));

    const result = await parts.postgres.query<{ assignee: string | null; count: number }>(
      `SELECT assignee, count(*)::int AS count FROM "${config.BIBOB_DATABASE_SCHEMA}".screenings
       WHERE request_message_id = ANY($1) GROUP BY assignee ORDER BY assignee NULLS LAST`,
      [envelopes.map((envelope) => envelope.header.messageId)],
    );
    // Each coordinator exactly full, everyone else waiting in "niet toegewezen".
    expect(result.rows).toEqual([
      { assignee: SMALL, count: CAPACITY[SMALL] },
      { assignee: SMALLER, count: CAPACITY[SMALLER] },
      { assignee: null, count: ARRIVING - 5 },
    ]);
  });
});
