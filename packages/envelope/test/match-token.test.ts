import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { matchToken, matchTokenOfCanonical, newPartnershipKey, parsePartnershipKey, serialisePartnershipKey, type MatchTokenKey } from '../src/index.js';

const key: MatchTokenKey = { version: 3, secret: new Uint8Array(32).map((_, index) => index) };

describe(matchToken.name, () => {
  it('is HMAC-SHA256 over "<kind>:<canonical identifier>" in lowercase hex, carrying the key version', () => {
    const expected = createHmac('sha256', key.secret).update('kvk:01234567').digest('hex');
    expect(matchToken({ kind: 'kvk', kvkNumber: '0123 4567' }, key)).toEqual({ kind: 'kvk', version: 3, token: expected });
  });

  it('gives the same token for every spelling of one identifier', () => {
    const spellings = ['kn-417-v', 'KN417V', ' kn 417 v '];
    const tokens = new Set(spellings.map((kenteken) => matchToken({ kind: 'kenteken', kenteken }, key).token));
    expect(tokens.size).toBe(1);
    const addresses = [
      { postcode: '3761 kv', huisnummer: 77 },
      { postcode: '3761KV', huisnummer: 77, toevoeging: ' ' },
    ];
    expect(new Set(addresses.map((address) => matchToken({ kind: 'address', address }, key).token)).size).toBe(1);
    const people = [
      { name: 'José de Vriës', birthDate: '1980-02-29' },
      { name: '  jose  DE vries ', birthDate: '1980-02-29' },
    ];
    expect(new Set(people.map((person) => matchToken({ kind: 'person', person }, key).token)).size).toBe(1);
  });

  it('gives different tokens for another key version, another secret or another kind', () => {
    const base = matchTokenOfCanonical('kvk', '01234567', key).token;
    expect(matchTokenOfCanonical('kvk', '01234567', { ...key, secret: new Uint8Array(32).fill(1) }).token).not.toBe(base);
    expect(matchTokenOfCanonical('kenteken', '01234567', key).token).not.toBe(base);
    expect(matchTokenOfCanonical('kvk', '01234567', { ...key, version: 4 }).version).toBe(4);
  });

  it('rejects a partnership key shorter than 32 bytes', () => {
    expect(() => matchTokenOfCanonical('kvk', '01234567', { version: 1, secret: new Uint8Array(16) })).toThrow(/32 bytes/);
  });

  it('rejects an identifier the canonicaliser refuses, without quoting it', () => {
    expect(() => matchToken({ kind: 'kvk', kvkNumber: 'Jan de Vries' }, key)).toThrow(/8 digits/);
    expect(() => matchToken({ kind: 'kvk', kvkNumber: 'Jan de Vries' }, key)).not.toThrow(/Jan/);
  });
});

describe(parsePartnershipKey.name, () => {
  it('reads back what serialisePartnershipKey wrote', () => {
    const sut = newPartnershipKey(2);
    expect(parsePartnershipKey(serialisePartnershipKey(sut))).toEqual({ version: 2, secret: Buffer.from(sut.secret) });
  });

  it('rejects a file whose secret is too short', () => {
    expect(() => parsePartnershipKey('{"version":1,"secret":"abcd"}')).toThrow(/secret/);
  });
});
