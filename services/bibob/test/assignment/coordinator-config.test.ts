import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCoordinators, parseCoordinators } from '../../src/assignment/coordinator-config.js';

const VARIABLE = 'BIBOB_COORDINATORS';

const valid = {
  id: 'anna',
  name: 'Anna de Vries',
  capacity: 12,
  absences: [{ from: '2027-03-01', to: '2027-03-05' }],
  conflictsOfInterest: { municipalities: ['baarn'], kvkNumbers: ['12345678'] },
  lead: true,
};

/** The problems of a pool with one entry whose fields are `valid` changed by `change`. */
function problemsOf(change: Record<string, unknown>): readonly string[] {
  const sut = parseCoordinators([{ ...valid, ...change }], VARIABLE);
  if (sut.ok) throw new Error('expected the pool to be refused');
  return sut.problems;
}

describe(parseCoordinators.name, () => {
  it('accepts a full entry as configured', () => {
    const sut = parseCoordinators([valid], VARIABLE);

    expect(sut).toEqual({ ok: true, coordinators: [valid] });
  });

  it('fills in no absences, no conflicts and no lead when they are left out', () => {
    const sut = parseCoordinators([{ id: 'bram', name: 'Bram', capacity: 3 }], VARIABLE);

    expect(sut).toEqual({
      ok: true,
      coordinators: [{ id: 'bram', name: 'Bram', capacity: 3, absences: [], conflictsOfInterest: { municipalities: [], kvkNumbers: [] }, lead: false }],
    });
  });

  it('accepts a one-day absence (from equals to)', () => {
    expect(parseCoordinators([{ ...valid, absences: [{ from: '2027-03-01', to: '2027-03-01' }] }], VARIABLE).ok).toBe(true);
  });

  it('rejects a repeated id, naming the later entry', () => {
    const sut = parseCoordinators([valid, { ...valid, name: 'Another' }], VARIABLE);

    expect(sut).toEqual({ ok: false, problems: ['BIBOB_COORDINATORS.1.id: must be unique: an earlier coordinator has the same id'] });
  });

  it.each([
    ['zero', 0],
    ['negative', -2],
    ['a fraction', 1.5],
    ['text', '3'],
    ['over 1000', 1001],
  ])('rejects a capacity that is %s', (_, capacity) => {
    expect(problemsOf({ capacity })).toEqual(['BIBOB_COORDINATORS.0.capacity: must be a whole number from 1 to 1000']);
  });

  it('rejects a missing capacity as required', () => {
    expect(problemsOf({ capacity: undefined })).toEqual(['BIBOB_COORDINATORS.0.capacity: is required']);
  });

  it.each(['Anna', 'a', '1anna', 'anna_b', 'anna b'])('rejects the id %j that is not a slug', (id) => {
    expect(problemsOf({ id })).toEqual([
      'BIBOB_COORDINATORS.0.id: must be a slug: a lowercase letter, then 1 to 40 lowercase letters, digits or hyphens',
    ]);
  });

  it('rejects an empty name', () => {
    expect(problemsOf({ name: '  ' })).toEqual(['BIBOB_COORDINATORS.0.name: must not be empty']);
  });

  it('rejects an absence that ends before it starts', () => {
    expect(problemsOf({ absences: [{ from: '2027-03-05', to: '2027-03-04' }] })).toEqual([
      'BIBOB_COORDINATORS.0.absences.0.to: must not be before `from`',
    ]);
  });

  it.each(['2027-02-29', '2027-13-01', '1-3-2027', '2027-3-1'])('rejects the absence date %j that is no real YYYY-MM-DD date', (from) => {
    expect(problemsOf({ absences: [{ from, to: '2027-12-31' }] })).toEqual([
      'BIBOB_COORDINATORS.0.absences.0.from: must be a real date written YYYY-MM-DD',
    ]);
  });

  it('rejects an absence without an end as required', () => {
    expect(problemsOf({ absences: [{ from: '2027-03-05' }] })).toEqual(['BIBOB_COORDINATORS.0.absences.0.to: is required']);
  });

  it.each(['1234567', '123456789', '1234 5678', 'abcdefgh'])('rejects the declared KvK number %j that is not 8 digits', (kvk) => {
    expect(problemsOf({ conflictsOfInterest: { kvkNumbers: [kvk] } })).toEqual([
      'BIBOB_COORDINATORS.0.conflictsOfInterest.kvkNumbers.0: must be a KvK number of exactly 8 digits',
    ]);
  });

  it('rejects a municipality declared twice', () => {
    expect(problemsOf({ conflictsOfInterest: { municipalities: ['baarn', 'baarn'] } })).toEqual([
      'BIBOB_COORDINATORS.0.conflictsOfInterest.municipalities: must not repeat a municipality',
    ]);
  });

  it('rejects a lead flag that is not a boolean', () => {
    expect(problemsOf({ lead: 'yes' })).toEqual(['BIBOB_COORDINATORS.0.lead: must be true or false']);
  });

  it('rejects a misspelt field instead of ignoring it', () => {
    expect(problemsOf({ absense: [] })).toEqual(['BIBOB_COORDINATORS.0.absense: is not a known field']);
  });

  it('rejects an empty pool', () => {
    expect(parseCoordinators([], VARIABLE)).toEqual({ ok: false, problems: ['BIBOB_COORDINATORS: must list at least one coordinator'] });
  });

  it('rejects a pool that is not a list', () => {
    expect(parseCoordinators({ anna: valid }, VARIABLE)).toEqual({ ok: false, problems: ['BIBOB_COORDINATORS: must be a JSON array of coordinators'] });
  });

  it('rejects a conflict with a municipality that is not configured, when the municipalities are given', () => {
    const sut = parseCoordinators([{ ...valid, conflictsOfInterest: { municipalities: ['soest', 'baarnn'] } }], VARIABLE, {
      knownMunicipalities: ['baarn', 'soest'],
    });

    expect(sut).toEqual({ ok: false, problems: ['BIBOB_COORDINATORS.0.conflictsOfInterest.municipalities.1: must be a configured municipality'] });
  });

  it('reports every problem at once and never a configured value', () => {
    const sut = parseCoordinators([{ ...valid, name: 'x'.repeat(201), capacity: 0, conflictsOfInterest: { kvkNumbers: ['9876543'] } }], VARIABLE);

    expect(sut.ok).toBe(false);
    const text = sut.ok ? '' : sut.problems.join('\n');
    expect(sut.ok ? [] : sut.problems).toHaveLength(3);
    expect(text).not.toContain('xxx');
    expect(text).not.toContain('9876543');
  });
});

describe(loadCoordinators.name, () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'bibob-coordinators-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('reads the pool from a JSON file', async () => {
    const path = join(dir, 'pool.json');
    await writeFile(path, JSON.stringify([valid]));

    const sut = await loadCoordinators({ kind: 'file', variable: 'BIBOB_COORDINATORS_FILE', path });

    expect(sut).toEqual({ ok: true, coordinators: [valid] });
  });

  it('reads the pool from JSON in a variable', async () => {
    const sut = await loadCoordinators({ kind: 'json', variable: VARIABLE, json: JSON.stringify([valid]) });

    expect(sut).toEqual({ ok: true, coordinators: [valid] });
  });

  it('rejects a file that cannot be read, naming the variable', async () => {
    const sut = await loadCoordinators({ kind: 'file', variable: 'BIBOB_COORDINATORS_FILE', path: join(dir, 'missing.json') });

    expect(sut).toEqual({ ok: false, problems: ['BIBOB_COORDINATORS_FILE: cannot read the file it names'] });
  });

  it('rejects text that is not JSON, naming the variable', async () => {
    const sut = await loadCoordinators({ kind: 'json', variable: VARIABLE, json: '[{"id": "anna",' });

    expect(sut).toEqual({ ok: false, problems: ['BIBOB_COORDINATORS: is not valid JSON'] });
  });

  it('prefixes schema problems with the variable of the source', async () => {
    const sut = await loadCoordinators({ kind: 'json', variable: 'POOL', json: JSON.stringify([{ ...valid, capacity: 0 }]) });

    expect(sut).toEqual({ ok: false, problems: ['POOL.0.capacity: must be a whole number from 1 to 1000'] });
  });
});
