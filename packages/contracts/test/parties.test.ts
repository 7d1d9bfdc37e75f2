import { describe, expect, it } from 'vitest';
import { DEFAULT_PARTIES, PartyDirectory, PartyId } from '../src/index.js';

const fingerprint = 'A'.repeat(40);
const goodDirectory = { version: 1, parties: [{ id: 'gemeente-soest', name: 'Gemeente Soest', fingerprint }] };

describe('PartyDirectory', () => {
  const sut = PartyDirectory;

  it('accepts a directory with pinned fingerprints', () => {
    expect(sut.parse(goodDirectory)).toEqual(goodDirectory);
  });

  it('rejects duplicate parties, lowercase fingerprints and unknown fields', () => {
    const twice = { version: 1, parties: [goodDirectory.parties[0], goodDirectory.parties[0]] };
    expect(sut.safeParse(twice).success).toBe(false);
    const lower = { version: 1, parties: [{ ...goodDirectory.parties[0], fingerprint: 'a'.repeat(40) }] };
    expect(sut.safeParse(lower).success).toBe(false);
    expect(sut.safeParse({ ...goodDirectory, extra: true }).success).toBe(false);
  });

  it('rejects one fingerprint pinned for two parties', () => {
    const shared = { version: 1, parties: [goodDirectory.parties[0], { id: 'politie-bes', name: 'Politie BES', fingerprint }] };
    const result = sut.safeParse(shared);
    expect(result.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['parties.1.fingerprint']);
  });

  it('rejects an empty directory and an oversize party name', () => {
    expect(sut.safeParse({ version: 1, parties: [] }).success).toBe(false);
    const longName = { version: 1, parties: [{ ...goodDirectory.parties[0], name: 'x'.repeat(201) }] };
    expect(sut.safeParse(longName).success).toBe(false);
  });
});

describe('PartyId', () => {
  it('accepts every default party and rejects non-slugs', () => {
    for (const party of DEFAULT_PARTIES) expect(PartyId.safeParse(party).success).toBe(true);
    for (const input of ['Politie BES', 'p', 'riec_mn', '-riec']) expect(PartyId.safeParse(input).success).toBe(false);
  });
});
