import { describe, expect, it } from 'vitest';
import { DEFAULT_MUNICIPALITIES, DEFAULT_PARTIES, MunicipalityEntry, MunicipalityId, municipalityPartyId } from '../src/index.js';

describe('MunicipalityId', () => {
  it('accepts slugs and rejects other shapes', () => {
    expect(MunicipalityId.safeParse('de-bilt').success).toBe(true);
    for (const input of ['De Bilt', 'de_bilt', '1baarn', 'b', 'x'.repeat(42)]) {
      expect(MunicipalityId.safeParse(input).success).toBe(false);
    }
  });
});

describe(municipalityPartyId.name, () => {
  it('maps a municipality to its gemeente party', () => {
    expect(municipalityPartyId('de-bilt')).toBe('gemeente-de-bilt');
  });
});

describe('DEFAULT_MUNICIPALITIES', () => {
  it('holds the five BES municipalities, each valid and represented by a default party', () => {
    expect(DEFAULT_MUNICIPALITIES.map((entry) => entry.id)).toEqual(['baarn', 'bunschoten', 'eemnes', 'soest', 'de-bilt']);
    for (const entry of DEFAULT_MUNICIPALITIES) {
      expect(MunicipalityEntry.parse(entry)).toEqual(entry);
      expect(DEFAULT_PARTIES).toContain(entry.party);
    }
  });
});

describe('MunicipalityEntry', () => {
  it('rejects unknown fields and an empty name', () => {
    expect(MunicipalityEntry.safeParse({ id: 'soest', name: 'Soest', party: 'gemeente-soest', x: 1 }).success).toBe(false);
    expect(MunicipalityEntry.safeParse({ id: 'soest', name: ' ', party: 'gemeente-soest' }).success).toBe(false);
  });
});
