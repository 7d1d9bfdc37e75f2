import { beforeAll, describe, expect, it } from 'vitest';
import { EnvelopeSealer, matchToken } from '../src/index.js';
import { createPartyFixture, sealRequest, type PartyFixture } from './party-fixture.js';

/** Planted personal data (DESIGN.md §8.3): none of it may appear in any cleartext byte of an envelope. */
const CANARIES = {
  names: ['Canarius Pietersen-Vogelaar', 'Kanarie de Geelvink'],
  bsn: ['987654321', '123456782'],
  addresses: ['Kanarieweg 77', '3761 KV', '3761KV-77'],
  kentekens: ['KN-417-V', 'KN417V'],
  birthDate: '1971-04-17',
  phone: '0612345678',
};
const canaryValues = Object.values(CANARIES).flat();

let fixture: PartyFixture;
beforeAll(async () => {
  fixture = await createPartyFixture(['gemeente-soest', 'politie-bes', 'riec-mn']);
});

describe(EnvelopeSealer.name, () => {
  it('keeps every planted personal datum out of the cleartext header and the armored body', async () => {
    const secret = new Uint8Array(32).fill(7);
    const sut = new EnvelopeSealer(fixture.keyring);
    const payload = {
      subjects: [
        { kind: 'person', name: CANARIES.names[0], birthDate: CANARIES.birthDate, bsn: CANARIES.bsn[0] },
        { kind: 'person', name: CANARIES.names[1], bsn: CANARIES.bsn[1], phone: CANARIES.phone },
        { kind: 'vehicle', kenteken: CANARIES.kentekens[0] },
      ],
      location: { street: CANARIES.addresses[0], postcode: CANARIES.addresses[1] },
      freeText: canaryValues.join(' / '),
    };
    const envelope = await sut.seal(
      payload,
      sealRequest('gemeente-soest', ['politie-bes', 'riec-mn'], {
        matchTokens: [
          matchToken({ kind: 'kenteken', kenteken: CANARIES.kentekens[0] ?? '' }, { version: 1, secret }),
          matchToken({ kind: 'address', address: { postcode: '3761KV', huisnummer: 77 } }, { version: 1, secret }),
          matchToken({ kind: 'person', person: { name: CANARIES.names[0] ?? '', birthDate: CANARIES.birthDate } }, { version: 1, secret }),
        ],
      }),
    );

    const wire = JSON.stringify(envelope);
    const header = JSON.stringify(envelope.header);
    for (const canary of canaryValues) {
      expect(wire.toLowerCase(), `canary ${canary}`).not.toContain(canary.toLowerCase());
      expect(header.toLowerCase()).not.toContain(canary.toLowerCase().replace(/[\s-]/g, ''));
    }
    // Canonical forms of the identifiers must not leak through the header either.
    for (const canonical of ['kn417v', '3761kv-77', 'canarius pietersen-vogelaar|1971-04-17']) {
      expect(header.toLowerCase()).not.toContain(canonical);
    }
    // The body is an OpenPGP message (PKESK + SEIPD packets), i.e. ciphertext, not a signed cleartext.
    expect(envelope.body).toMatch(/^-----BEGIN PGP MESSAGE-----\n/);
    expect(envelope.body).not.toContain('BEGIN PGP SIGNED MESSAGE');
    const base64 = envelope.body.split('\n').filter((line) => /^[A-Za-z0-9+/]+={0,2}$/.test(line)).join('');
    const binary = Buffer.from(base64, 'base64');
    expect(binary.toString('latin1')).not.toContain('Canarius');
    expect(binary[0]).toBe(0xc1); // new-format packet, tag 1: public-key encrypted session key
  });
});
