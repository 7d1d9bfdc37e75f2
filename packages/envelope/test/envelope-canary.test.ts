import { EVENT_CATALOG, EventType, type EventType as EventTypeName } from '@signaalhub/contracts';
import { beforeAll, describe, expect, it } from 'vitest';
import { EnvelopeSealer, matchToken, type SealRequest } from '../src/index.js';
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

  it('keeps every planted personal datum out of the v2 header of every event type in the catalog', async () => {
    const secret = new Uint8Array(32).fill(9);
    const tokens = [
      matchToken({ kind: 'kenteken', kenteken: CANARIES.kentekens[0] ?? '' }, { version: 1, secret }),
      matchToken({ kind: 'person', person: { name: CANARIES.names[1] ?? '', birthDate: CANARIES.birthDate } }, { version: 1, secret }),
    ];
    const example: Record<string, unknown> = {
      municipality: 'soest',
      theme: 'autobranche',
      matchTokens: tokens,
      approach: 'bestuurlijk',
      riecHandover: true,
      permitKind: 'exploitatievergunning-horeca',
      screeningId: '0f6b8a52-3c1d-4e2f-9a7b-5c4d3e2f1a0b',
      milestone: 'waiting-for-information',
      objectKind: 'signal',
      period: '2026-Q1',
      releaseId: '7d9e1f20-4a3b-4c5d-8e6f-a1b2c3d4e5f6',
    };
    const status: Partial<Record<EventTypeName, string>> = {
      'permit.decided': 'refused',
      'permit.suspended': 'suspended',
      'permit.reinstated': 'granted',
      'permit.revoked': 'revoked',
      'permit.expired': 'expired',
    };
    const sut = new EnvelopeSealer(fixture.keyring);
    const payload = { subjects: [{ name: CANARIES.names[0], bsn: CANARIES.bsn[0], phone: CANARIES.phone }], note: canaryValues.join(' / ') };
    for (const type of EventType.options) {
      const facts = Object.fromEntries(Object.keys(EVENT_CATALOG[type].facts).map((fact) => [fact, fact === 'status' ? status[type] : example[fact]]));
      const request = { from: 'gemeente-soest', to: ['riec-mn'], type, ...facts } as unknown as SealRequest;
      const envelope = await sut.seal(payload, request);
      const header = JSON.stringify(envelope.header).toLowerCase();
      expect(envelope.header, type).toMatchObject({ headerVersion: 2, type });
      for (const canary of canaryValues) {
        expect(header, `${type}: canary ${canary}`).not.toContain(canary.toLowerCase());
        expect(header, `${type}: canary ${canary}`).not.toContain(canary.toLowerCase().replace(/[\s-]/g, ''));
      }
      for (const canonical of ['kn417v', 'kanarie de geelvink|1971-04-17']) expect(header).not.toContain(canonical);
      // The header signature is a detached signature over the header facts, not a signed copy of the payload.
      expect(Buffer.from(envelope.header.headerSignature, 'base64').toString('latin1')).not.toContain('Canarius');
    }
  });
});
