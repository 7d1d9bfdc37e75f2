import type { EnvelopeHeader } from '@signaalhub/contracts';
import { describe, expect, it } from 'vitest';
import { canonicalJson, headerDigest } from '../src/index.js';

const header: EnvelopeHeader = {
  type: 'signal.submitted',
  messageId: '1b4e28ba-2fa1-4d2c-883f-0016d3cca427',
  schemaVersion: 1,
  sender: 'gemeente-soest',
  recipients: ['riec-mn', 'politie-bes'],
  municipality: 'soest',
  theme: 'autobranche',
  createdAt: '2025-05-01T10:00:00.000Z',
  matchTokens: [{ token: 'ab'.repeat(32), kind: 'kvk', version: 1 }],
};

describe(canonicalJson.name, () => {
  it('sorts keys at every level, keeps array order and adds no whitespace', () => {
    expect(canonicalJson({ b: [3, { z: 1, a: true }], a: null, c: 'x' })).toBe('{"a":null,"b":[3,{"a":true,"z":1}],"c":"x"}');
  });

  it('rejects numbers that jq and JavaScript may print differently', () => {
    expect(() => canonicalJson({ a: 0.1 })).toThrow(TypeError);
  });
});

describe(headerDigest.name, () => {
  it('is the SHA-256 of the sorted compact JSON, as `jq -jcS . | sha256sum` prints it', () => {
    // Computed independently: printf '%s' '<canonical>' | sha256sum
    const canonical =
      '{"createdAt":"2025-05-01T10:00:00.000Z","matchTokens":[{"kind":"kvk","token":"' +
      'ab'.repeat(32) +
      '","version":1}],"messageId":"1b4e28ba-2fa1-4d2c-883f-0016d3cca427","municipality":"soest",' +
      '"recipients":["riec-mn","politie-bes"],"schemaVersion":1,"sender":"gemeente-soest","theme":"autobranche","type":"signal.submitted"}';
    expect(canonicalJson(header)).toBe(canonical);
    expect(headerDigest(header)).toBe('6ccc18878b76af7342c63fa16e5bb6d2a2c86a2522749c4a1ec709d2b0191aff');
  });

  it('changes when any field changes, including the order of recipients', () => {
    expect(headerDigest({ ...header, recipients: ['politie-bes', 'riec-mn'] })).not.toBe(headerDigest(header));
    expect(headerDigest({ ...header, schemaVersion: 2 })).not.toBe(headerDigest(header));
  });
});
