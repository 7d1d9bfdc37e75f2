import type { SignalInput, SignalSubmissionInput } from '../src/index.js';

/** Distinctive text planted in inputs: no rule or message may ever contain it. */
export const CANARY = 'Qzx7Canary';

export function goodSubmission(): SignalSubmissionInput {
  return {
    municipality: 'soest',
    theme: 'autobranche',
    location: { postcode: '3761 ab', huisnummer: { number: 12, toevoeging: 'a' }, coordinates: { lat: 52.17, lon: 5.3 } },
    subjects: [
      { kind: 'business', kvkNumber: '1234 5678', tradeName: 'Autobedrijf De Eem', vestigingsnummer: '000012345678' },
      { kind: 'person', name: '  José  de   Vriës ', birthDate: '1980-02-29' },
      { kind: 'vehicle', kenteken: 'ab-123-c' },
    ],
    indicators: ['contante-betalingen', 'geen-administratie'],
    freeText: 'Veel dure auto’s, nooit klanten gezien.',
    distribution: { recipients: ['gemeente-soest', 'politie-bes', 'riec-mn'] },
  };
}

export function goodSignal(): SignalInput {
  return {
    id: '3f1c2b7a-9d4e-4c1b-8a2f-6b5e4d3c2a10',
    reportedAt: '2025-03-14T09:30:00Z',
    reporter: { party: 'gemeente-soest', userId: 'inspector-042' },
    ...goodSubmission(),
  };
}

/** Every string reachable in a value, to assert that none of them holds a planted canary. */
export function textOf(value: unknown): string {
  return JSON.stringify({ value });
}
