import { createLogger } from '@signaalhub/logging';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composeBibob, type BibobService } from '../../src/composition.js';
import { BibobConfigSchema, type BibobConfig } from '../../src/config.js';
import { PoolAssignment } from '../../src/screenings/new-screening-assignment.js';
import { ScreeningReassignment } from '../../src/screenings/screening-reassignment.js';
import { bibobEnv, coordinator, testParts } from '../support/running-bibob.js';
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

/*
 * A lead's reassignments at once (two leads, or one clicking twice) against a coordinator with two free
 * slots: the plan counts the target's load inside the same pool lock, so exactly two moves succeed. (In one
 * process the sealing inside each move serialises much of the work, so this race is rarer than the one
 * above; the test guards the invariant rather than proving the lock.)
 */
describe(ScreeningReassignment.name, () => {
  const LEAD = 'coordinator-leiding';
  const TARGET = 'coordinator-doel';
  const MOVES = 10;
  let parts: BibobService;
  let config: BibobConfig;
  /** The application clock: the target is absent today, so the new screenings wait; back the day after tomorrow. */
  let offsetMs = 0;
  const clock = (): Date => new Date(Date.now() + offsetMs);
  const today = new Date().toISOString().slice(0, 10);

  beforeAll(async () => {
    const pool = [
      { id: LEAD, name: 'Leiding', capacity: 50, lead: true, conflictsOfInterest: { municipalities: ['soest'] } },
      { id: TARGET, name: 'Doel', capacity: 2, absences: [{ from: today, to: today }] },
    ];
    config = BibobConfigSchema.parse(bibobEnv({ LOG_LEVEL: 'warn', BIBOB_COORDINATORS: JSON.stringify(pool) }));
    parts = await composeBibob({ config, logger: createLogger('bibob-test', 'warn'), clock });
  });

  afterAll(async () => {
    await parts.close();
  });

  function reassignment(): ScreeningReassignment {
    const entry = (parts.providers ?? []).find((provider) => typeof provider === 'object' && 'provide' in provider && provider.provide === ScreeningReassignment);
    if (entry === undefined || !('useValue' in entry)) throw new Error('no ScreeningReassignment in the composition');
    return entry.useValue as ScreeningReassignment;
  }

  it('never moves more screenings to a coordinator than their free capacity when reassignments run at once', async () => {
    const envelopes = await Promise.all(Array.from({ length: MOVES }, async () => (await sealScreeningRequest()).envelope));
    for (const [offset, envelope] of envelopes.entries()) expect(await parts.requests.receive(busMessageOf(envelope, offset))).toBe('applied');
    const rows = await parts.postgres.query<{ id: string; assignee: string | null }>(
      `SELECT id, assignee FROM "${config.BIBOB_DATABASE_SCHEMA}".screenings WHERE request_message_id = ANY($1)`,
      [envelopes.map((envelope) => envelope.header.messageId)],
    );
    expect(rows.rows.map((row) => row.assignee)).toEqual(envelopes.map(() => null));

    offsetMs = 2 * 86_400_000;
    const sut = reassignment();
    const outcomes = await Promise.allSettled(
      rows.rows.map((row) => sut.reassign(coordinator(LEAD), { screeningIds: [row.id], assignee: TARGET, reason: 'Terug van verlof' }, 'test')),
    );
    expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(2);
    const counted = await parts.postgres.query<{ count: number }>(
      `SELECT count(*)::int AS count FROM "${config.BIBOB_DATABASE_SCHEMA}".screenings WHERE assignee = $1`,
      [TARGET],
    );
    expect(counted.rows).toEqual([{ count: 2 }]);
  });
});
